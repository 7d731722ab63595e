package dev.digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void barFillsWithTheShareDone() {
        assertEquals("Downloading a.gz [###############               ]  50% 5.0 MB of 10.0 MB",
                ConsoleProgress.line("a.gz", 5_000_000, 10_000_000));
    }

    @Test
    void smallFilesAreShownInKilobytes() {
        assertEquals("Downloading b.gz [##############################] 100% 28.9 kB of 28.9 kB",
                ConsoleProgress.line("b.gz", 28_881, 28_881));
    }

    @Test
    void unknownSizeShowsOnlyTheBytes() {
        assertEquals("Downloading a.gz 2.5 MB", ConsoleProgress.line("a.gz", 2_500_000, -1));
    }

    @Test
    void redrawsOneLineAndEndsItWhenTheFileIsComplete() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text));

        progress.progress("a.gz", 0, 100);
        progress.progress("a.gz", 0, 100);
        progress.progress("a.gz", 100, 100);
        progress.finish();

        String full = ConsoleProgress.line("a.gz", 100, 100);
        assertEquals("\r" + ConsoleProgress.line("a.gz", 0, 100) + "\r" + full + System.lineSeparator(),
                text.toString());
    }

    @Test
    void finishEndsALineLeftOpenByAnUnknownSize() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text));

        progress.progress("a.gz", 10, -1);
        progress.finish();

        assertEquals("\r" + ConsoleProgress.line("a.gz", 10, -1) + System.lineSeparator(), text.toString());
    }
}
