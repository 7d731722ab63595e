package dev.digitlab.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** Weight values as stored: little-endian float32 bytes, in base64, with a SHA-256 of those bytes. */
final class WeightCodec {

    private WeightCodec() {
    }

    /** The little-endian float32 bytes of {@code values}. */
    static byte[] bytes(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    /** The floats of little-endian float32 {@code bytes} (whose length is a multiple of 4). */
    static float[] floats(byte[] bytes) {
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The number of bytes padded base64 text of this length and ending decodes to, without decoding
     * it; -1 when the length is not a multiple of 4 (so it is not padded base64).
     */
    static long decodedLength(String base64) {
        int n = base64.length();
        if (n % 4 != 0) {
            return -1;
        }
        int padding = n > 0 && base64.charAt(n - 1) == '=' ? (n > 1 && base64.charAt(n - 2) == '=' ? 2 : 1) : 0;
        return (long) n / 4 * 3 - padding;
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
