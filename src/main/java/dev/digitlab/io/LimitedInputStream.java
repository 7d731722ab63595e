package dev.digitlab.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a stream through up to a size limit, failing beyond it, and remembers what a damaged
 * file's message needs: whether the end was reached, and the last non-blank byte seen.
 */
final class LimitedInputStream extends FilterInputStream {

    /** The stream went on past the limit. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException() {
            super("over the size limit");
        }
    }

    private final long limit;
    private long count;
    private boolean ended;
    private int lastNonBlank = -1;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            ended = true;
            return n;
        }
        count += n;
        if (count > limit) {
            throw new TooLargeException();
        }
        for (int i = off + n - 1; i >= off; i--) {
            if (!isBlank(b[i])) {
                lastNonBlank = b[i] & 0xff;
                break;
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        int chunk = (int) Math.max(0, Math.min(n, 8192));
        return Math.max(0, read(new byte[chunk], 0, chunk));
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Whether the underlying stream reported its end. */
    boolean ended() {
        return ended;
    }

    /** The last non-blank byte read so far, or -1. */
    int lastNonBlank() {
        return lastNonBlank;
    }

    static boolean isBlank(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
