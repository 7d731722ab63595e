package dev.digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchProfileTest {

    @TempDir
    Path dir;

    @Test
    void profileWritesTheRecordingAndNamesTheMethodThatTookTheTime() throws Exception {
        Path file = dir.resolve("run.jfr");
        BenchProfile profile = BenchProfile.start(file);
        double sink = spin(600);
        StringWriter text = new StringWriter();
        profile.stop(new PrintWriter(text));

        assertTrue(sink != 0.5, "keeps the loop from being optimised away");
        assertTrue(Files.size(file) > 0, "the recording is written to the file named");
        assertTrue(text.toString().contains("BenchProfileTest.spin"), text.toString());
    }

    /** Busy work in DigitLab's own code for about {@code millis} ms. */
    private static double spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        double x = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                x += Math.sqrt(i + x % 7);
            }
        }
        return x;
    }
}
