package dev.digitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFolderTest {

    @TempDir
    Path dir;

    @Test
    void loadsGzippedFolderWithBothSets() throws IOException {
        IdxFiles.mnistFolder(dir, 30, 12, true);

        MnistDataset data = new MnistFolder(dir).load();

        assertEquals(30, data.train().size());
        assertEquals(12, data.test().size());
        assertEquals(28, data.train().rows());
        assertEquals(7, data.test().label(7));
        assertArrayEquals(new int[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, data.train().classCounts());
        assertEquals(IdxFiles.sha256(Files.readAllBytes(dir.resolve("train-images-idx3-ubyte.gz"))), data.checksum());
        assertEquals("custom", data.name());
    }

    @Test
    void loadsPlainAndGzippedFilesMixed() throws IOException {
        IdxFiles.mnistFolder(dir, 20, 10, false);
        Path plain = dir.resolve(MnistFiles.TEST_IMAGES);
        IdxFiles.write(dir.resolve(MnistFiles.TEST_IMAGES + ".gz"), IdxFiles.gzip(Files.readAllBytes(plain)));
        Files.delete(plain);

        MnistDataset data = new MnistFolder(dir).load();

        assertEquals(10, data.test().size());
        assertArrayEquals(firstImage(), data.train().image(0));
    }

    private static float[] firstImage() {
        byte[] pattern = IdxFiles.pattern(784);
        float[] image = new float[784];
        for (int i = 0; i < 784; i++) {
            image[i] = (pattern[i] & 0xff) / 255f;
        }
        return image;
    }

    @Test
    void missingFilesAreListed() throws IOException {
        IdxFiles.mnistFolder(dir, 5, 5, true);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));

        MnistFolder folder = new MnistFolder(dir);
        DataException e = assertThrows(DataException.class, folder::load);

        assertFalse(folder.isComplete());
        assertEquals(List.of(MnistFiles.TEST_LABELS), folder.missing());
        assertEquals(dir + ": missing t10k-labels-idx1-ubyte (with or without .gz)", e.getMessage());
    }

    @Test
    void moreLabelsThanImagesIsAnError() {
        IdxFiles.mnistFolder(dir, 20, 10, true);
        Path labels = IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFiles.gzip(IdxFiles.labels(21)));

        DataException e = assertThrows(DataException.class, () -> new MnistFolder(dir).load());

        assertEquals(labels + ": holds 21 labels, but train-images-idx3-ubyte.gz holds 20 images", e.getMessage());
    }

    @Test
    void labelAboveNineIsAnError() {
        IdxFiles.mnistFolder(dir, 20, 10, true);
        byte[] labels = IdxFiles.digits(10);
        labels[4] = 12;
        Path file = IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte.gz"),
                IdxFiles.gzip(IdxFiles.labels(IdxReader.LABELS_MAGIC, 10, labels)));

        DataException e = assertThrows(DataException.class, () -> new MnistFolder(dir).load());

        assertEquals(file + ": label 12 at position 4 is not a digit 0-9", e.getMessage());
    }

    @Test
    void imagesOtherThan28By28AreRefused() {
        IdxFiles.mnistFolder(dir, 20, 10, true);
        Path file = IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte.gz"), IdxFiles.gzip(IdxFiles.images(10, 32, 32)));

        DataException e = assertThrows(DataException.class, () -> new MnistFolder(dir).load());

        assertEquals(file + ": images are 32x32, but DigitLab needs 28x28 images", e.getMessage());
    }

    @Test
    void brokenTrainingImagesAreReportedEvenWhenAnotherFileIsBrokenToo() {
        IdxFiles.mnistFolder(dir, 20, 10, true);
        Path trainImages = IdxFiles.write(dir.resolve("train-images-idx3-ubyte.gz"), new byte[0]);
        IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), new byte[0]);

        DataException e = assertThrows(DataException.class, () -> new MnistFolder(dir).load());

        assertEquals(trainImages + ": the file is empty", e.getMessage());
    }

    @Test
    void brokenTestLabelsFailTheWholeLoad() {
        IdxFiles.mnistFolder(dir, 20, 10, true);
        Path file = IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), new byte[] {0x1f, (byte) 0x8b, 8});

        DataException e = assertThrows(DataException.class, () -> new MnistFolder(dir).load());

        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    }
}
