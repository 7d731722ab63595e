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
    private final float darkest;
    private final float lightest;

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
        // One branch-free pass for the range, which InkLevels needs anyway; NaN propagates
        // through min and max, so it fails the check too.
        float lo = values[0];
        float hi = values[0];
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!(lo >= 0f && hi <= 1f)) {
            throw outOfRange(width, values);
        }
        this.width = width;
        this.height = height;
        this.values = values;
        this.darkest = lo;
        this.lightest = hi;
    }

    private static IllegalArgumentException outOfRange(int width, float[] values) {
        int i = 0;
        while (values[i] >= 0f && values[i] <= 1f) {
            i++;
        }
        return new IllegalArgumentException("pixel (" + (i % width) + "," + (i / width)
                + ") is " + values[i] + ", outside [0,1]");
    }

    /**
     * A picture from packed ARGB pixels, as JavaFX's {@code PixelReader} and AWT's {@code getRGB}
     * give them: the luma (0.299 R + 0.587 G + 0.114 B) of each, with transparent parts laid over
     * white paper, since a transparent picture is nearly always dark ink drawn on nothing.
     */
    public static GrayImage fromArgb(int width, int height, int[] argb) {
        if ((long) Math.max(0, width) * Math.max(0, height) != argb.length) {
            throw new IllegalArgumentException(argb.length + " pixels do not fill a " + width + "x" + height + " image");
        }
        float[] values = new float[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            float alpha = (p >>> 24) / 255f;
            float luma = (0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff)) / 255f;
            values[i] = Math.min(1f, Math.max(0f, alpha * luma + (1 - alpha)));
        }
        return new GrayImage(width, height, values);
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

    /** The smallest value in the picture. */
    public float darkest() {
        return darkest;
    }

    /** The largest value in the picture. */
    public float lightest() {
        return lightest;
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
