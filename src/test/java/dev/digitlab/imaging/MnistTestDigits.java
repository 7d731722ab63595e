package dev.digitlab.imaging;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Real MNIST digits for tests and measurements only: a gzipped IDX file is a 16-byte header (8 for
 * labels), then 28x28 bytes per image. The folder comes from the system property
 * {@code digitlab.testData}; tests are skipped, saying why, when the files are not there.
 */
final class MnistTestDigits {

    static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";

    private MnistTestDigits() {
    }

    /** The first {@code count} test digits as 28x28 ink-high images; skips the test without data. */
    static List<GrayImage> first(int count) throws IOException {
        String folder = System.getProperty("digitlab.testData");
        assumeTrue(folder != null, "skipped: system property digitlab.testData (the MNIST folder) is not set");
        Path file = Path.of(folder, TEST_IMAGES);
        assumeTrue(Files.isReadable(file), "skipped: real MNIST digits not found at " + file);
        List<GrayImage> digits = new ArrayList<>(count);
        for (float[] values : images(file, count)) {
            digits.add(new GrayImage(28, 28, values));
        }
        return digits;
    }

    /** The first {@code count} images of an IDX image file, values pixel/255. */
    static float[][] images(Path file, int count) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            int images = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (magic != 0x803 || rows != 28 || cols != 28 || images < count) {
                throw new IOException(file + " is not an MNIST image file with " + count + " 28x28 images");
            }
            byte[] bytes = new byte[rows * cols];
            float[][] out = new float[count][bytes.length];
            for (int n = 0; n < count; n++) {
                in.readFully(bytes);
                for (int i = 0; i < bytes.length; i++) {
                    out[n][i] = (bytes[i] & 0xff) / 255f;
                }
            }
            return out;
        }
    }

    /** The first {@code count} labels of an IDX label file. */
    static byte[] labels(Path file, int count) throws IOException {
        try (DataInputStream in = open(file)) {
            if (in.readInt() != 0x801 || in.readInt() < count) {
                throw new IOException(file + " is not an MNIST label file with " + count + " labels");
            }
            byte[] out = new byte[count];
            in.readFully(out);
            return out;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file))));
    }
}
