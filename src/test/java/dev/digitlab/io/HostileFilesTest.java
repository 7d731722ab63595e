package dev.digitlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not what a model file should be (issue 18, case 12): each refused in one sentence, nothing replaced. */
class HostileFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFieldTwiceInsideANestedObjectIsRefusedAsAtTheTop() throws IOException {
        Path file = TestModels.saved(dir, "model.json");
        String text = Files.readString(file);
        int training = text.indexOf("\"training\"");
        int brace = text.indexOf('{', training) + 1;
        Files.writeString(file, text.substring(0, brace) + "\"epochs\": 99, " + text.substring(brace));

        ModelFileException e = assertThrows(ModelFileException.class, () -> new ModelReader().readHeader(file));
        assertEquals(file + " has the field 'epochs' twice in training", e.getMessage());
        assertThrows(ModelFileException.class, () -> new ModelReader().load(file));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aPipeGivenAsTheModelIsRefusedWithoutWaiting() throws Exception {
        Path fifo = dir.resolve("model.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "needs mkfifo");

        ModelFileException e = assertThrows(ModelFileException.class, () -> new ModelReader().readHeader(fifo));
        assertEquals(fifo + " is not a regular file (a pipe or a device), not a model file", e.getMessage());
    }

    @Test
    void aSaveNeverReplacesASymbolicLinkOrADevice() throws IOException {
        Path real = TestModels.saved(dir, "real.json");
        byte[] before = Files.readAllBytes(real);
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        ModelWriter writer = new ModelWriter("test");

        ModelFileException e = assertThrows(ModelFileException.class, () -> writer.checkWritable(link));
        assertEquals("Could not save the model to " + link + ": it is a link or a special file, not a regular file, "
                + "and is left as it is", e.getMessage());
        assertThrows(ModelFileException.class, () -> writer.save(TestModels.small(1), link));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(Files.readAllBytes(real)));

        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device));
        assertThrows(ModelFileException.class, () -> writer.checkWritable(device));
    }
}
