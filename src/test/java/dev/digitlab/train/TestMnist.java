package dev.digitlab.train;

import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The real MNIST for tests, read from the folder in the {@code digitlab.testData} property (set by
 * surefire). Test-only; the app reads data through the data package.
 */
final class TestMnist {

    private TestMnist() {
    }

    /** The folder, or null (with the reason in {@link #whyMissing()}) when it is not there. */
    static Path folder() {
        String dir = System.getProperty("digitlab.testData");
        if (dir == null) {
            return null;
        }
        Path p = Path.of(dir);
        return Files.isRegularFile(p.resolve("train-images-idx3-ubyte.gz")) ? p : null;
    }

    static String whyMissing() {
        return "real MNIST not found: set -Ddigitlab.testData to a folder with the four *-ubyte.gz files (is "
                + System.getProperty("digitlab.testData") + ")";
    }

    /** The first {@code trainCount} training images and the first {@code testCount} test images. */
    static MnistDataset load(int trainCount, int testCount) throws IOException {
        Path dir = folder();
        return new MnistDataset("MNIST", "test", read(dir, "train", trainCount), read(dir, "t10k", testCount));
    }

    private static ImageSet read(Path dir, String prefix, int count) throws IOException {
        byte[] pixels = idx(dir.resolve(prefix + "-images-idx3-ubyte.gz"), 16, count * 784);
        byte[] labels = idx(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), 8, count);
        float[] values = new float[pixels.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (pixels[i] & 0xFF) / 255f;
        }
        return new ImageSet(values, labels, 28, 28);
    }

    private static byte[] idx(Path file, int header, int count) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
             DataInputStream data = new DataInputStream(in)) {
            data.readFully(new byte[header]);
            byte[] bytes = new byte[count];
            data.readFully(bytes);
            return bytes;
        }
    }
}
