package dev.digitlab.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Weight values as stored: little-endian float32 bytes, in base64, with a SHA-256 of those bytes.
 * Reading checks each weight against its shape, its checksum and for finiteness.
 */
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

    /** Decodes every weight, checking byte count, checksum and finiteness before keeping it. */
    static List<float[]> decodeAll(ModelHeader header, ModelFileParser.RawModel raw, String source) {
        List<float[]> values = new ArrayList<>();
        for (int i = 0; i < header.weights().size(); i++) {
            ModelHeader.WeightInfo w = header.weights().get(i);
            String base64 = raw.weights().get(i).values();
            if (base64 == null) {
                new Fields(raw.weights().get(i).fields().getAsJsonObject(), "weights[" + i + "]", source)
                        .string("values");
            }
            long needed = w.size() * Float.BYTES;
            long held = decodedLength(base64);
            if (held < 0) {
                throw new ModelFileException(source + ": the values of weight " + w.name()
                        + " are not valid base64 (their length is not a multiple of 4)");
            }
            if (held != needed) {
                throw new ModelFileException(source + ": weight " + w.name() + " holds " + ModelReader.count(held)
                        + " bytes of values, but its shape " + Arrays.toString(w.shape()) + " needs " + ModelReader.count(needed)
                        + " (4 bytes per float32)");
            }
            float[] floats = decode(w, base64, source);
            values.add(floats);
        }
        return values;
    }

    /** The values of weight {@code w}, checked against its checksum and for finiteness. */
    private static float[] decode(ModelHeader.WeightInfo w, String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(source + ": the values of weight " + w.name() + " are not valid base64");
        }
        if (!sha256(bytes).equals(w.sha256())) {
            throw new ModelFileException(source + " is damaged: the values of weight " + w.name()
                    + " do not match their SHA-256 checksum");
        }
        float[] floats = floats(bytes);
        for (int k = 0; k < floats.length; k++) {
            if (!Float.isFinite(floats[k])) {
                throw new ModelFileException(source + ": weight " + w.name() + " holds " + floats[k]
                        + " at position " + k + ", and a network with such a weight cannot predict");
            }
        }
        return floats;
    }
}
