package dev.digitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void imagesRoundTripAsPixelOver255(boolean gz) {
        byte[] pixels = IdxFiles.pattern(5 * 4 * 3);
        byte[] file = IdxFiles.images(IdxReader.IMAGES_MAGIC, 5, 4, 3, pixels);
        byte[] stored = gz ? IdxFiles.gzip(file) : file;
        Path path = IdxFiles.write(dir.resolve(gz ? "images.gz" : "images"), stored);

        IdxReader.Images images = IdxReader.readImages(path);

        assertEquals(5, images.count());
        assertEquals(4, images.rows());
        assertEquals(3, images.cols());
        float[] expected = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            expected[i] = (pixels[i] & 0xff) / 255f;
        }
        assertArrayEquals(expected, images.pixels());
        assertEquals(IdxFiles.sha256(stored), images.sha256());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void labelsRoundTrip(boolean gz) {
        byte[] labels = {3, 1, 4, 1, 5, 9, 2, 6};
        byte[] file = IdxFiles.labels(IdxReader.LABELS_MAGIC, labels.length, labels);
        byte[] stored = gz ? IdxFiles.gzip(file) : file;
        Path path = IdxFiles.write(dir.resolve(gz ? "labels.gz" : "labels"), stored);

        IdxReader.Labels read = IdxReader.readLabels(path);

        assertArrayEquals(labels, read.labels());
        assertEquals(IdxFiles.sha256(stored), read.sha256());
    }

    @Test
    void everyByteValueMapsToItsFraction() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        Path path = IdxFiles.write(dir.resolve("all"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 1, 16, 16, all));

        float[] pixels = IdxReader.readImages(path).pixels();

        assertEquals(0f, pixels[0]);
        assertEquals(1f, pixels[255]);
        assertEquals(128 / 255f, pixels[128]);
    }

    @Test
    void gzipIsRecognisedByContentNotByName() {
        Path path = IdxFiles.write(dir.resolve("train-images-idx3-ubyte"), IdxFiles.gzip(IdxFiles.images(2, 28, 28)));

        assertEquals(2, IdxReader.readImages(path).count());
    }

    @Test
    void largeFileSpanningManyChunksRoundTrips() {
        // 3,000 images of 28x28 are 2.35 MB: more than two of the reader's 1 MB chunks.
        byte[] file = IdxFiles.images(3000, 28, 28);
        Path path = IdxFiles.write(dir.resolve("big.gz"), IdxFiles.gzip(file));

        float[] pixels = IdxReader.readImages(path).pixels();

        assertEquals(3000 * 784, pixels.length);
        int last = pixels.length - 1;
        assertEquals((file[16 + last] & 0xff) / 255f, pixels[last]);
        assertEquals((file[16 + 1_500_000] & 0xff) / 255f, pixels[1_500_000]);
    }

    @Test
    void truncatedImagesSayHowManyBytesWereExpectedAndFound() {
        byte[] full = IdxFiles.images(10, 28, 28);
        Path path = IdxFiles.write(dir.resolve("train-images-idx3-ubyte"), Arrays.copyOf(full, 16 + 5 * 784));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(path));

        assertEquals(path + ": truncated: expected 7,840 pixel bytes, found 3,920", e.getMessage());
    }

    @Test
    void truncatedGzipIsReportedAsTruncated() {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(200, 28, 28));
        Path path = IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte.gz"), Arrays.copyOf(gz, gz.length / 2));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(path));

        assertTrue(e.getMessage().startsWith(path + ": truncated: expected 156,800 pixel bytes, found "),
                e.getMessage());
    }

    @Test
    void gzipMissingOnlyItsTrailerIsTruncated() {
        byte[] gz = IdxFiles.gzip(IdxFiles.labels(50));
        Path path = IdxFiles.write(dir.resolve("labels.gz"), Arrays.copyOf(gz, gz.length - 8));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(path));

        assertTrue(e.getMessage().startsWith(path + ": truncated"), e.getMessage());
    }

    @Test
    void damagedGzipChecksumIsCorruptData() {
        byte[] gz = IdxFiles.gzip(IdxFiles.labels(50));
        gz[gz.length - 8] ^= 0x55; // the CRC-32 of the uncompressed data
        Path path = IdxFiles.write(dir.resolve("labels.gz"), gz);

        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(path));

        assertTrue(e.getMessage().startsWith(path + ": damaged: its gzip data does not check out"), e.getMessage());
    }

    @Test
    void aGzipFileDamagedInsideItsDataIsCalledDamaged() {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(IdxReader.IMAGES_MAGIC, 200, 28, 28, IdxFiles.digits(200 * 28 * 28)));
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (int at = 40; at < gz.length - 40; at += Math.max(1, gz.length / 40)) {
            byte[] damaged = gz.clone();
            for (int i = 0; i < 16; i++) {
                damaged[at + i] ^= (byte) (0x5a + 7 * i);
            }
            Path path = IdxFiles.write(dir.resolve("images-" + at + ".gz"), damaged);
            DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(path));
            seen.add(e.getMessage().substring(path.toString().length()).replaceAll("[0-9,]+", "N"));
        }
        assertEquals(java.util.Set.of(": damaged: its gzip data does not check out (download it again)"), seen);
    }

    @Test
    void theMemoryMessageNeverCallsASmallerNeedMoreThanJavasMemory() {
        long max = Runtime.getRuntime().maxMemory();
        Path file = dir.resolve("train-images-idx3-ubyte");
        String fits = IdxReader.tooLarge(file, max * 3 / 4).getMessage();
        assertTrue(fits.contains("MB while it is read, and too little of Java's"), fits);
        String exceeds = IdxReader.tooLarge(file, max * 2).getMessage();
        assertTrue(exceeds.contains("MB while it is read, more than Java's"), exceeds);
    }

    @Test
    void truncatedHeaderSaysWhereItEnds() {
        Path path = IdxFiles.write(dir.resolve("images"), Arrays.copyOf(IdxFiles.images(1, 28, 28), 10));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(path));

        assertEquals(path + ": truncated: the header ends after 10 of 16 bytes", e.getMessage());
    }

    @Test
    void gzipFileIsNamedByItsMagicWhenItIsNotIdx() {
        // A gzip file compressed twice: after one inflate it still starts with 1f 8b 08 00.
        Path path = IdxFiles.write(dir.resolve("train-images-idx3-ubyte.gz"),
                IdxFiles.gzip(IdxFiles.gzip(IdxFiles.images(1, 28, 28))));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(path));

        assertEquals(path + ": not an IDX image file (magic 0x1f8b0800)", e.getMessage());
    }

    @Test
    void labelFileReadAsImagesSaysItHoldsLabels() {
        Path path = IdxFiles.write(dir.resolve("images"), IdxFiles.labels(20));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(path));

        assertEquals(path + ": not an IDX image file (magic 0x00000801 means it holds labels)", e.getMessage());
    }

    @Test
    void imageFileReadAsLabelsSaysItHoldsImages() {
        Path path = IdxFiles.write(dir.resolve("labels"), IdxFiles.images(2, 28, 28));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(path));

        assertEquals(path + ": not an IDX label file (magic 0x00000803 means it holds images)", e.getMessage());
    }

    @Test
    void nonByteDataTypeIsNamed() {
        Path path = IdxFiles.write(dir.resolve("floats"),
                IdxFiles.images(0x00000D03, 1, 2, 2, new byte[16]));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(path));

        assertEquals(path + ": IDX data of type 0x0d, but DigitLab reads only unsigned bytes (0x08)", e.getMessage());
    }

    @Test
    void headerClaimingFewerImagesThanStoredIsAnError() {
        Path path = IdxFiles.write(dir.resolve("images"),
                IdxFiles.images(IdxReader.IMAGES_MAGIC, 3, 28, 28, IdxFiles.pattern(4 * 784)));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(path));

        assertEquals(path + ": longer than its header says: more than the 2,352 pixel bytes it announces",
                e.getMessage());
    }

    @Test
    void headerClaimingMoreLabelsThanStoredIsTruncated() {
        Path path = IdxFiles.write(dir.resolve("labels.gz"),
                IdxFiles.gzip(IdxFiles.labels(IdxReader.LABELS_MAGIC, 100, IdxFiles.digits(60))));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(path));

        assertEquals(path + ": truncated: expected 100 label bytes, found 60", e.getMessage());
    }

    @Test
    void plainDataNamedGzIsNotGzip() {
        Path path = IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFiles.labels(10));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(path));

        assertEquals(path + ": not gzip data (its name ends in .gz but it starts with bytes 00 00, not 1f 8b)",
                e.getMessage());
    }

    @Test
    void emptyFileIsEmpty() {
        Path path = IdxFiles.write(dir.resolve("train-images-idx3-ubyte"), new byte[0]);

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(path));

        assertEquals(path + ": the file is empty", e.getMessage());
    }

    @Test
    void gzipOfNothingHoldsNoData() {
        Path path = IdxFiles.write(dir.resolve("labels.gz"), IdxFiles.gzip(new byte[0]));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(path));

        assertEquals(path + ": the file holds no data", e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path path = dir.resolve("nowhere-idx3-ubyte.gz");

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(path));

        assertEquals(path + ": file not found", e.getMessage());
    }

    @Test
    void billionImagesAreRefusedBeforeAnythingIsAllocated() {
        byte[] header = ByteBuffer.allocate(16)
                .putInt(IdxReader.IMAGES_MAGIC).putInt(1_000_000_000).putInt(28).putInt(28).array();
        Path path = IdxFiles.write(dir.resolve("images"), header);

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(path));

        assertEquals(path + ": header claims 1,000,000,000 images of 28x28, more than DigitLab can load",
                e.getMessage());
    }

    @Test
    void hugeUnsignedDimensionsAreRefused() {
        byte[] header = ByteBuffer.allocate(16)
                .putInt(IdxReader.IMAGES_MAGIC).putInt(-1).putInt(-1).putInt(-1).array();
        Path path = IdxFiles.write(dir.resolve("images"), header);

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(path));

        assertEquals(path + ": header gives an image size of 4294967295x4294967295", e.getMessage());
    }

    @Test
    void largeClaimInSmallFileIsTruncatedNotOutOfMemory() {
        // 2,000,000 images would be 6 GB of floats; the file holds one image.
        Path path = IdxFiles.write(dir.resolve("images.gz"), IdxFiles.gzip(
                IdxFiles.images(IdxReader.IMAGES_MAGIC, 2_000_000, 28, 28, IdxFiles.pattern(784))));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(path));

        assertEquals(path + ": truncated: expected 1,568,000,000 pixel bytes, found 784", e.getMessage());
    }

    @Test
    void billionLabelsInSmallFileAreTruncated() {
        Path path = IdxFiles.write(dir.resolve("labels"),
                IdxFiles.labels(IdxReader.LABELS_MAGIC, 1_000_000_000, IdxFiles.digits(3)));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(path));

        assertEquals(path + ": truncated: expected 1,000,000,000 label bytes, found 3", e.getMessage());
    }
}
