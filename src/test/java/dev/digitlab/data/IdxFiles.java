package dev.digitlab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files for tests: images and labels with known contents, plain or gzipped. */
final class IdxFiles {

    private IdxFiles() {
    }

    /** An IDX3 file's bytes: header {@code magic, count, rows, cols}, then {@code pixels}. */
    static byte[] images(int magic, int count, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length)
                .putInt(magic).putInt(count).putInt(rows).putInt(cols).put(pixels).array();
    }

    /** A consistent IDX3 file of {@code count} images whose pixel bytes follow a fixed pattern. */
    static byte[] images(int count, int rows, int cols) {
        return images(IdxReader.IMAGES_MAGIC, count, rows, cols, pattern(count * rows * cols));
    }

    /** An IDX1 file's bytes: header {@code magic, count}, then {@code labels}. */
    static byte[] labels(int magic, int count, byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length).putInt(magic).putInt(count).put(labels).array();
    }

    /** A consistent IDX1 file of {@code count} labels i % 10. */
    static byte[] labels(int count) {
        return labels(IdxReader.LABELS_MAGIC, count, digits(count));
    }

    /** Pixel bytes 0..255 cycling with a stride, so every value and many orders occur. */
    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + i / 13);
        }
        return b;
    }

    /** Labels 0,1,...,9,0,1,... */
    static byte[] digits(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i % 10);
        }
        return b;
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] data) {
        try {
            return Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a consistent MNIST-style folder: {@code trainCount} and {@code testCount} images of
     * 28x28 with labels i % 10, gzipped or not.
     */
    static Path mnistFolder(Path dir, int trainCount, int testCount, boolean gz) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String ext = gz ? ".gz" : "";
        write(dir.resolve(MnistFiles.TRAIN_IMAGES + ext), maybeGzip(images(trainCount, 28, 28), gz));
        write(dir.resolve(MnistFiles.TRAIN_LABELS + ext), maybeGzip(labels(trainCount), gz));
        write(dir.resolve(MnistFiles.TEST_IMAGES + ext), maybeGzip(images(testCount, 28, 28), gz));
        write(dir.resolve(MnistFiles.TEST_LABELS + ext), maybeGzip(labels(testCount), gz));
        return dir;
    }

    private static byte[] maybeGzip(byte[] data, boolean gz) {
        return gz ? gzip(data) : data;
    }
}
