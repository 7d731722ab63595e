package dev.digitlab.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The byte level of {@link IdxReader}: gzip detection, the header and its magic number, and the
 * body read in chunks as it arrives, checked for truncation and for data after its end.
 */
final class IdxStream {

    private static final int UNSIGNED_BYTE = 0x08;
    /** Bytes buffered when reading the file and inflating gzip. */
    static final int BUFFER = 1 << 16;
    private static final int CHUNK = 1 << 20;

    private IdxStream() {
    }

    /** The file's content, inflated when it starts with the gzip magic bytes 1f 8b. */
    static InputStream decompressed(Path file, BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 < 0) {
            throw IdxReader.fail(file, "the file is empty");
        }
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!gzip && name.endsWith(".gz")) {
            throw IdxReader.fail(file, "not gzip data (its name ends in .gz but it starts with bytes "
                    + String.format(Locale.ROOT, "%02x %02x", b0, Math.max(b1, 0)) + ", not 1f 8b)");
        }
        return gzip ? new GZIPInputStream(in, BUFFER) : in;
    }

    /** Reads and checks the header; returns its dimensions, unsigned. */
    static long[] readHeader(InputStream in, Path file, int expectedMagic) throws IOException {
        int dimCount = expectedMagic & 0xff;
        int headerSize = 4 + 4 * dimCount;
        byte[] header = new byte[headerSize];
        int n = readAtMost(in, header, 0, headerSize);
        if (n == 0) {
            throw IdxReader.fail(file, "the file holds no data");
        }
        if (n >= 4) {
            checkMagic(file, bigEndian(header, 0), expectedMagic);
        }
        if (n < headerSize) {
            throw IdxReader.fail(file, "truncated: the header ends after " + n + " of " + headerSize + " bytes");
        }
        long[] dims = new long[dimCount];
        for (int i = 0; i < dimCount; i++) {
            dims[i] = Integer.toUnsignedLong(bigEndian(header, 4 + 4 * i));
        }
        return dims;
    }

    private static void checkMagic(Path file, int magic, int expected) {
        if (magic == expected) {
            return;
        }
        String kind = expected == IdxReader.IMAGES_MAGIC ? "image" : "label";
        String found = String.format(Locale.ROOT, "magic 0x%08x", magic);
        if (magic == IdxReader.LABELS_MAGIC || magic == IdxReader.IMAGES_MAGIC) {
            String holds = magic == IdxReader.IMAGES_MAGIC ? "images" : "labels";
            throw IdxReader.fail(file, "not an IDX " + kind + " file (" + found + " means it holds " + holds + ")");
        }
        int type = (magic >>> 8) & 0xff;
        if ((magic >>> 16) == 0 && type != UNSIGNED_BYTE && (magic & 0xff) == (expected & 0xff)) {
            throw IdxReader.fail(file, String.format(Locale.ROOT,
                    "IDX data of type 0x%02x, but DigitLab reads only unsigned bytes (0x08)", type));
        }
        throw IdxReader.fail(file, "not an IDX " + kind + " file (" + found + ")");
    }

    /**
     * Reads exactly {@code total} bytes into chunks allocated only as the data arrives, and
     * checks that nothing follows them.
     */
    static byte[][] readBody(InputStream in, long total, Path file, String what) throws IOException {
        byte[][] chunks = new byte[(int) ((total + CHUNK - 1) / CHUNK)][];
        long done = 0;
        for (int c = 0; c < chunks.length; c++) {
            int len = (int) Math.min(CHUNK, total - done);
            byte[] chunk;
            try {
                chunk = new byte[len];
            } catch (OutOfMemoryError e) {
                chunks = null; // frees what was read before reporting
                throw IdxReader.tooLarge(file, total * (Float.BYTES + 1));
            }
            int n = readAtMost(in, chunk, 0, len);
            done += n;
            if (n < len) {
                throw IdxReader.truncated(file, what, total, done);
            }
            chunks[c] = chunk;
        }
        int extra;
        try {
            extra = in.read();
        } catch (EOFException e) {
            throw IdxReader.fail(file, "truncated: the gzip trailer after the " + IdxReader.number(total) + " " + what + " is missing");
        }
        if (extra >= 0) {
            if (isDamagedGzip(in)) {
                throw IdxReader.fail(file, "damaged: its gzip data does not check out (download it again)");
            }
            throw IdxReader.fail(file, "longer than its header says: more than the " + IdxReader.number(total) + " " + what
                    + " it announces");
        }
        return chunks;
    }

    /**
     * Whether the rest of a gzip stream fails its checks: damage inside compressed data often
     * inflates to more (or other) bytes than the header announced, and only the gzip trailer's
     * CRC tells that the file, not its header, is at fault.
     */
    private static boolean isDamagedGzip(InputStream in) {
        if (!(in instanceof java.util.zip.GZIPInputStream)) {
            return false;
        }
        byte[] sink = new byte[BUFFER];
        long left = 64L << 20; // a damaged stream may inflate to any length: look this far at most
        try {
            for (int n = in.read(sink); n >= 0 && left > 0; n = in.read(sink)) {
                left -= n;
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Reads up to {@code len} bytes, fewer only when the data ends. */
    static int readAtMost(InputStream in, byte[] b, int off, int len) throws IOException {
        int n = 0;
        try {
            while (n < len) {
                int r = in.read(b, off + n, len - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (EOFException e) {
            // A gzip stream cut off inside its compressed data ends here; the caller reports how much arrived.
        }
        return n;
    }

    private static int bigEndian(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}
