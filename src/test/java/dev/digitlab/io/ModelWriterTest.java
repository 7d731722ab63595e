package dev.digitlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.digitlab.train.TrainedModel;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A save either replaces the file whole or leaves the previous one untouched, and says why. */
class ModelWriterTest {

    @TempDir
    Path dir;

    /** Passes {@code limit} bytes through, then fails as a crash or a full disk would. */
    private static AtomicFile failingAfter(long limit, String message) {
        return new AtomicFile(out -> new FilterOutputStream(out) {
            private long written;

            @Override
            public void write(int b) throws IOException {
                if (++written > limit) {
                    throw new IOException(message);
                }
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = 0; i < len; i++) {
                    write(b[off + i]);
                }
            }
        });
    }

    @Test
    void writeKilledHalfWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = TestModels.saved(dir, "model.json");
        byte[] before = Files.readAllBytes(file);

        ModelWriter crashing = new ModelWriter("test-1.0", failingAfter(before.length / 2, "Input/output error"));
        ModelFileException e = assertThrows(ModelFileException.class, () -> crashing.save(TestModels.small(99), file));

        assertEquals("Could not save the model to " + file + ": Input/output error (any previous file there is "
                + "unchanged)", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), Files.list(dir).toList());
        new ModelReader().load(file); // still loads
    }

    @Test
    void fullDiskIsNamed() throws IOException {
        Path file = TestModels.saved(dir, "model.json");
        byte[] before = Files.readAllBytes(file);

        ModelWriter full = new ModelWriter("test-1.0", failingAfter(before.length / 3, "No space left on device"));
        ModelFileException e = assertThrows(ModelFileException.class, () -> full.save(TestModels.small(99), file));

        assertEquals("Could not save the model to " + file + ": the disk is full (any previous file there is "
                + "unchanged)", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), Files.list(dir).toList());
    }

    @Test
    void firstSaveThatFailsLeavesNoFileAtAll() throws IOException {
        Path file = dir.resolve("new.json");

        ModelWriter crashing = new ModelWriter("test-1.0", failingAfter(500, "Input/output error"));
        assertThrows(ModelFileException.class, () -> crashing.save(TestModels.small(1), file));

        assertEquals(List.of(), Files.list(dir).toList());
    }

    @Test
    void readOnlyFolderIsRefusedAndTheOldFileKept() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("locked"));
        Path file = TestModels.saved(folder, "model.json");
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(folder),
                    "the folder stays writable after chmod 555 (running as root?), so this cannot be tested here");
            ModelFileException e = assertThrows(ModelFileException.class,
                    () -> new ModelWriter("test-1.0").save(TestModels.small(2), file));
            assertEquals("Could not save the model to " + file + ": the folder " + folder + " is not writable",
                    e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file));
            assertEquals(List.of(file), Files.list(folder).toList());
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void missingFolderIsNamed() {
        Path file = dir.resolve("no such folder").resolve("model.json");

        ModelFileException e = assertThrows(ModelFileException.class,
                () -> new ModelWriter("test-1.0").save(TestModels.small(1), file));

        assertEquals("Could not save the model to " + file + ": the folder " + file.getParent() + " does not exist",
                e.getMessage());
    }

    @Test
    void targetThatIsAFolderIsRefusedAndKept() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("model.json"));
        Files.writeString(folder.resolve("inside.txt"), "keep me");

        ModelFileException e = assertThrows(ModelFileException.class,
                () -> new ModelWriter("test-1.0").save(TestModels.small(1), folder));

        assertEquals("Could not save the model to " + folder + ": it is a folder", e.getMessage());
        assertEquals("keep me", Files.readString(folder.resolve("inside.txt")));
        assertEquals(List.of(folder), Files.list(dir).toList());
    }

    @Test
    void checkBeforeTrainingNamesWhatStandsInTheWay() throws IOException {
        ModelWriter writer = new ModelWriter("test-1.0");
        writer.checkWritable(dir.resolve("fine.json"));

        Path missing = dir.resolve("nowhere").resolve("model.json");
        assertEquals("Could not save the model to " + missing + ": the folder " + missing.getParent()
                + " does not exist", assertThrows(ModelFileException.class, () -> writer.checkWritable(missing))
                .getMessage());
        Path folder = Files.createDirectory(dir.resolve("folder.json"));
        assertEquals("Could not save the model to " + folder + ": it is a folder",
                assertThrows(ModelFileException.class, () -> writer.checkWritable(folder)).getMessage());
    }

    @Test
    void modelWithNanWeightsIsNotSaved() throws IOException {
        TrainedModel model = TestModels.small(1);
        float[] bias = new float[8];
        bias[3] = Float.NaN;
        model.network().setParameterValues("dense_0/b", bias);
        Path file = TestModels.saved(dir, "model.json");
        byte[] before = Files.readAllBytes(file);

        ModelFileException e = assertThrows(ModelFileException.class,
                () -> new ModelWriter("test-1.0").save(model, file));

        assertEquals("Could not save the model to " + file + ": its weight dense_0/b holds NaN, so it could not "
                + "predict anything", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void savedFileGetsThePermissionsOfAnyNewFile() throws IOException {
        Path file = TestModels.saved(dir, "model.json");
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        // Files.createTempFile would have made the model owner-only (rw-------).
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
    }
}
