package dev.digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.DataLocator;
import dev.digitlab.data.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest extends CommandLineTest {

    @Test
    void showsTheCountsOfRealMnist() {
        Path mnist = TestData.folder();

        int exit = run("data", "--data", mnist.toString());

        String text = out.toString();
        assertEquals(0, exit, err.toString());
        assertTrue(text.contains("Data set:      MNIST (training images SHA-256 "
                + "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609)"), text);
        assertTrue(text.contains("Folder:        " + mnist.toAbsolutePath().normalize() + " (chosen folder)"), text);
        assertTrue(text.contains("Training set:  60,000 images of 28x28"), text);
        assertTrue(text.contains("Test set:      10,000 images of 28x28"), text);
        assertTrue(text.contains("    0      5,923        980"), text);
        assertTrue(text.contains("    9      5,949      1,009"), text);
        assertTrue(text.contains("  all     60,000     10,000"), text);
        assertEquals("", err.toString());
    }

    @Test
    void folderWithoutDataGivesOneLineErrorAndExitCode1(@TempDir Path empty) throws IOException {
        Files.writeString(empty.resolve("notes.txt"), "no digits here");

        int exit = run("data", "--data", empty.toString());

        assertEquals(1, exit);
        assertEquals("digitlab: folder " + empty + " does not hold a data set: missing train-images-idx3-ubyte, "
                + "train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte "
                + "(each with or without .gz)" + System.lineSeparator(), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void damagedFileGivesOneLineErrorNamingIt(@TempDir Path dir) throws IOException {
        for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            Files.write(dir.resolve(name + ".gz"), new byte[] {1, 2, 3});
        }

        int exit = run("data", "--data", dir.toString());

        assertEquals(1, exit);
        assertEquals("digitlab: " + dir.resolve("train-images-idx3-ubyte.gz")
                + ": not gzip data (its name ends in .gz but it starts with bytes 01 02, not 1f 8b)"
                + System.lineSeparator(), err.toString());
    }

    @Test
    void dataCacheMovesWithTheAppsHomeFolder(@TempDir Path home) throws IOException {
        Assumptions.assumeTrue(System.getenv(DataLocator.ENV) == null,
                "DIGITLAB_DATA is set, and the lookup rightly uses it before any cache");
        Path cache = home.resolve("data").resolve("mnist");
        Files.createDirectories(cache);
        TrainCommandTest.writeMnist(cache, 30, 10);
        int exit;
        try {
            System.setProperty("digitlab.home", home.toString());
            exit = run("data");
        } finally {
            System.clearProperty("digitlab.home");
        }

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("Folder:        " + cache.toAbsolutePath().normalize() + " (cache)"),
                out.toString());
        assertTrue(out.toString().contains("Training set:  30 images of 28x28"), out.toString());
    }
}
