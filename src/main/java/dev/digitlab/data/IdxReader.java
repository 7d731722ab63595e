package dev.digitlab.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes (the MNIST format), plain or gzip-compressed; gzip is
 * recognised by its magic bytes, not by the file name. The header is checked before any large
 * allocation, and the data is kept in chunks as it arrives, so a header that lies about its size
 * costs no more memory than the file really holds. Every problem is a {@link DataException}
 * naming the file. The SHA-256 of the file as stored is computed on the way.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned bytes with one dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Magic number of an IDX file of unsigned bytes with three dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;

    // The JVM cannot make arrays quite as long as Integer.MAX_VALUE.
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    // Larger sides are surely a damaged header, and keep rows * cols far from overflowing.
    private static final long MAX_SIDE = 1 << 16;
    private static final float[] UNIT = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            UNIT[i] = i / 255f;
        }
    }

    private IdxReader() {
    }

    /**
     * Images read from an IDX3 file.
     *
     * @param pixels {@code count * rows * cols} values, pixel/255, image after image
     * @param sha256 lower-case hex SHA-256 of the file as stored (compressed if it was)
     */
    public record Images(float[] pixels, int count, int rows, int cols, String sha256) {
    }

    /**
     * Labels read from an IDX1 file.
     *
     * @param labels one byte per item, as stored
     * @param sha256 lower-case hex SHA-256 of the file as stored (compressed if it was)
     */
    public record Labels(byte[] labels, String sha256) {
    }

    /** Reads an IDX file of images (magic 0x00000803). */
    public static Images readImages(Path file) {
        return read(file, IMAGES_MAGIC, (in, dims, sha) -> {
            long count = dims[0];
            long rows = dims[1];
            long cols = dims[2];
            if (rows == 0 || cols == 0 || rows > MAX_SIDE || cols > MAX_SIDE) {
                throw fail(file, "header gives an image size of " + rows + "x" + cols);
            }
            long total;
            try {
                total = Math.multiplyExact(count, Math.multiplyExact(rows, cols));
            } catch (ArithmeticException e) {
                total = Long.MAX_VALUE;
            }
            if (total > MAX_ARRAY) {
                throw fail(file, "header claims " + number(count) + " images of " + rows + "x" + cols
                        + ", more than DigitLab can load");
            }
            byte[][] chunks = IdxStream.readBody(in, total, file, "pixel bytes");
            // Checked only now that the data has arrived, so a short file is reported as truncated.
            checkMemory(file, total * (Float.BYTES + 1));
            float[] pixels = toUnit(file, chunks, (int) total);
            return new Images(pixels, (int) count, (int) rows, (int) cols, sha.get());
        });
    }

    /** Reads an IDX file of labels (magic 0x00000801). */
    public static Labels readLabels(Path file) {
        return read(file, LABELS_MAGIC, (in, dims, sha) -> {
            long count = dims[0];
            if (count > MAX_ARRAY) {
                throw fail(file, "header claims " + number(count) + " labels, more than DigitLab can load");
            }
            byte[][] chunks = IdxStream.readBody(in, count, file, "label bytes");
            byte[] labels = new byte[(int) count];
            int at = 0;
            for (byte[] chunk : chunks) {
                System.arraycopy(chunk, 0, labels, at, chunk.length);
                at += chunk.length;
            }
            return new Labels(labels, sha.get());
        });
    }

    /** Reads the body of an IDX file once its header has been checked. */
    private interface Body<T> {
        /**
         * @param dims the header's dimensions, unsigned
         * @param sha gives the file's SHA-256 once the body has been read to its end
         */
        T read(InputStream in, long[] dims, Sha sha) throws IOException;
    }

    /** The checksum of the whole file, available after the body has been read. */
    private interface Sha {
        String get() throws IOException;
    }

    private static <T> T read(Path file, int magic, Body<T> body) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw fail(file, "not a regular file (a pipe, a device or a folder)"); // reading it could wait for ever
        }
        MessageDigest digest = sha256();
        try (InputStream fileIn = Files.newInputStream(file);
             DigestInputStream hashed = new DigestInputStream(fileIn, digest)) {
            InputStream in = IdxStream.decompressed(file, new BufferedInputStream(hashed, IdxStream.BUFFER));
            long[] dims = IdxStream.readHeader(in, file, magic);
            return body.read(in, dims, () -> {
                // Reading the rest of the stored file (gzip trailer) makes the checksum cover all of it.
                hashed.transferTo(OutputStream.nullOutputStream());
                return HexFormat.of().formatHex(digest.digest());
            });
        } catch (NoSuchFileException e) {
            throw fail(file, "file not found");
        } catch (ZipException e) {
            throw fail(file, "damaged: its gzip data does not check out (download it again)");
        } catch (EOFException e) {
            throw fail(file, "truncated: the gzip data ends early");
        } catch (IOException e) {
            throw fail(file, "could not read it (" + e.getMessage() + ")");
        }
    }

    private static float[] toUnit(Path file, byte[][] chunks, int total) {
        float[] pixels;
        try {
            pixels = new float[total];
        } catch (OutOfMemoryError e) {
            // A single failed allocation leaves the heap as it was, so carrying on is safe.
            throw tooLarge(file, (long) total * (Float.BYTES + 1));
        }
        int p = 0;
        for (int c = 0; c < chunks.length; c++) {
            byte[] chunk = chunks[c];
            for (byte b : chunk) {
                pixels[p++] = UNIT[b & 0xff];
            }
            chunks[c] = null; // lets the bytes go as soon as they are converted
        }
        return pixels;
    }

    /**
     * Fails cleanly, instead of with an OutOfMemoryError, when the data could never fit in the
     * heap. Garbage makes the free memory unknowable, so the limit is the heap's maximum.
     */
    private static void checkMemory(Path file, long bytesNeeded) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytesNeeded > max) {
            throw tooLarge(file, bytesNeeded);
        }
    }

    /**
     * The data needs {@code bytesNeeded} while it is read (its bytes and their floats): either more
     * than Java may ever have, or more than it had left beside what it already holds.
     */
    static DataException tooLarge(Path file, long bytesNeeded) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytesNeeded > max) {
            return fail(file, "its data needs " + number(bytesNeeded >> 20) + " MB while it is read, more than Java's "
                    + number(max >> 20) + " MB of memory (start Java with a larger -Xmx)");
        }
        return fail(file, "its data needs " + number(bytesNeeded >> 20) + " MB while it is read, and too little of "
                + "Java's " + number(max >> 20) + " MB of memory was free (start Java with a larger -Xmx)");
    }

    static DataException truncated(Path file, String what, long expected, long found) {
        return fail(file, "truncated: expected " + number(expected) + " " + what + ", found " + number(found));
    }

    static DataException fail(Path file, String problem) {
        return new DataException(file + ": " + problem);
    }

    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
