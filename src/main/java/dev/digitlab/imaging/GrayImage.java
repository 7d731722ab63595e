package dev.digitlab.imaging;

import java.util.Arrays;

/**
 * A grayscale picture: {@code width x height} values in [0,1], row-major, of either polarity
 * (dark ink on light paper or light ink on dark). Immutable: the values are taken, not copied, as
 * in {@code data.ImageSet}, so a caller must not change the array afterwards; they are never handed
 * out for writing.
 */
public final class GrayImage {

    private final int width;
    private final int height;
    private final float[] values;

    /**
     * @param values {@code width * height} values in [0,1], row-major; taken, not copied
     * @throws IllegalArgumentException if the size is not positive, the length does not match, or a
     *     value lies outside [0,1] (or is NaN)
     */
    public GrayImage(int width, int height, float[] values) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        if ((long) width * height != values.length) {
            throw new IllegalArgumentException(values.length + " values do not fill a "
                    + width + "x" + height + " image");
        }
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            // Written so that NaN fails too.
            if (!(v >= 0f && v <= 1f)) {
                throw new IllegalArgumentException("pixel (" + (i % width) + "," + (i / width)
                        + ") is " + v + ", outside [0,1]");
            }
        }
        this.width = width;
        this.height = height;
        this.values = values;
    }

    /** A picture of one flat colour, e.g. an empty white canvas. */
    public static GrayImage filled(int width, int height, float value) {
        float[] values = new float[Math.max(0, width) * Math.max(0, height)];
        Arrays.fill(values, value);
        return new GrayImage(width, height, values);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The value at column {@code x}, row {@code y}. */
    public float value(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("pixel (" + x + "," + y + ") outside a "
                    + width + "x" + height + " image");
        }
        return values[y * width + x];
    }

    /** A copy of all values, row-major; for a 28x28 result this is the network's input. */
    public float[] values() {
        return values.clone();
    }

    /** The values themselves, for the package's own read-only loops (no copy on the hot path). */
    float[] pixels() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrayImage other && width == other.width && height == other.height
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "GrayImage[" + width + "x" + height + "]";
    }
}
