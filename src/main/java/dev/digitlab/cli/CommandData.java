package dev.digitlab.cli;

import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * The one place where the {@code train} and {@code bench} commands get their data set: reads the
 * four MNIST IDX files (gzipped or not) from a folder. Interim: when the data package's lookup
 * ({@code DataOption}/{@code DataLocator}) is merged, {@link #load} becomes a call to it.
 */
final class CommandData {

    /** Where the commands look when no {@code --data} is given. */
    static final Path DEFAULT_DIR = Path.of(System.getProperty("user.home"), ".digitlab", "data", "mnist");

    private CommandData() {
    }

    /** Reads MNIST from {@code dir} (or the default folder when null). */
    static MnistDataset load(Path dir) throws IOException {
        Path folder = dir == null ? DEFAULT_DIR : dir;
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ImageSet train = read(folder, "train", sha);
        String checksum = HexFormat.of().formatHex(sha.digest());
        ImageSet test = read(folder, "t10k", null);
        return new MnistDataset("MNIST", checksum, train, test);
    }

    private static ImageSet read(Path folder, String prefix, MessageDigest sha) throws IOException {
        Path images = find(folder, prefix + "-images-idx3-ubyte");
        Path labels = find(folder, prefix + "-labels-idx1-ubyte");
        byte[] pixels = readIdx(images, 3, sha);
        byte[] classes = readIdx(labels, 1, null);
        int n = classes.length;
        if (pixels.length != n * 784) {
            throw new IOException(images + " holds " + pixels.length / 784 + " images but " + labels + " has "
                    + n + " labels");
        }
        float[] values = new float[pixels.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (pixels[i] & 0xFF) / 255f;
        }
        for (byte c : classes) {
            if (c < 0 || c > 9) {
                throw new IOException(labels + " holds the label " + c + ", not a digit 0-9");
            }
        }
        return new ImageSet(values, classes, 28, 28);
    }

    private static Path find(Path folder, String name) throws IOException {
        for (String candidate : new String[] {name + ".gz", name}) {
            Path p = folder.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IOException("no MNIST file " + name + "[.gz] in " + folder + " (use --data DIR)");
    }

    private static byte[] readIdx(Path file, int dims, MessageDigest sha) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (sha != null) {
            raw = new DigestInputStream(raw, sha);
        }
        try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             DataInputStream data = new DataInputStream(in)) {
            int magic = data.readInt();
            if (magic != 0x0800 + dims) {
                throw new IOException(file + " is not an unsigned-byte IDX file with " + dims + " dimensions");
            }
            long size = 1;
            for (int i = 0; i < dims; i++) {
                size *= data.readInt();
            }
            if (size > Integer.MAX_VALUE) {
                throw new IOException(file + " is too large");
            }
            byte[] bytes = new byte[(int) size];
            data.readFully(bytes);
            return bytes;
        }
    }
}
