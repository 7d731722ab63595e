package dev.digitlab.train;

import java.util.SplittableRandom;

/**
 * Training-time augmentation: each time a training image is used it is shown a little changed, the
 * way different people write the same digit: shifted, rotated, scaled, slanted, and drawn with a
 * thinner or bolder pen. The label stays; the picture stays the same size. What image {@code i} of
 * an epoch becomes depends only on the seed, the epoch and {@code i}, so a run is repeatable however
 * its batches are prepared. Thread-safe (no state but the settings).
 *
 * @param maxShift    largest shift in pixels, each way
 * @param maxRotation largest rotation in degrees, each way
 * @param minScale    smallest scale (1 keeps the size)
 * @param maxScale    largest scale
 * @param maxShear    largest slant, as the shift of x per pixel of y
 * @param strokeWidth whether the pen is made thinner or bolder (a third of the images each)
 */
public record Augmenter(double maxShift, double maxRotation, double minScale, double maxScale, double maxShear,
                        boolean strokeWidth) {

    public Augmenter {
        if (!(maxShift >= 0 && maxRotation >= 0 && maxShear >= 0 && minScale > 0 && maxScale >= minScale)) {
            throw new IllegalArgumentException("augmentation needs shift, rotation and shear of at least 0 and "
                    + "0 < minimum scale <= maximum scale");
        }
    }

    /** DigitLab's standard augmentation: 2 pixels, 12 degrees, 85% to 110%, slant 0.2, pen width. */
    public static Augmenter standard() {
        return new Augmenter(2, 12, 0.85, 1.10, 0.2, true);
    }

    /** The random stream for image {@code position} of epoch {@code epoch} (both 0-based) of a run seeded {@code seed}. */
    public static SplittableRandom random(long seed, int epoch, int position) {
        long s = seed * 0x9E3779B97F4A7C15L + epoch;
        return new SplittableRandom(s * 0xBF58476D1CE4E5B9L + position);
    }

    /**
     * Writes a changed copy of the {@code side x side} image at {@code src[srcOffset]} into
     * {@code dst[dstOffset]} (different arrays or places).
     */
    public void apply(float[] src, int srcOffset, float[] dst, int dstOffset, int side, SplittableRandom random) {
        double angle = Math.toRadians(uniform(random, -maxRotation, maxRotation));
        double scale = uniform(random, minScale, maxScale);
        double shear = uniform(random, -maxShear, maxShear);
        double dx = uniform(random, -maxShift, maxShift);
        double dy = uniform(random, -maxShift, maxShift);
        // The inverse map, from a pixel of the result back into the source: (rotation * shear * scale)^-1.
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        double a = cos;
        double b = sin;
        double c = -sin;
        double d = cos;
        // Undo the shear x' = x + shear * y after undoing the rotation: x = x' - shear * y'.
        a -= shear * c;
        b -= shear * d;
        double centre = side / 2.0;
        // Most of a digit's picture is blank: a result pixel whose four source neighbours all lie
        // outside the ink's box is exactly 0, so only the others are sampled (same values, a third
        // of the work: augmenting must keep up with the network on the other core).
        int[] ink = inkBox(src, srcOffset, side);
        // The source inside a one-pixel frame of zeros: the sampled neighbours need no bounds checks.
        int wide = side + 2;
        float[] framed = FRAMED.get();
        if (framed.length < wide * wide) {
            framed = new float[wide * wide];
            FRAMED.set(framed);
        }
        java.util.Arrays.fill(framed, 0, wide * wide, 0f);
        for (int y = 0; y < side; y++) {
            System.arraycopy(src, srcOffset + y * side, framed, (y + 1) * wide + 1, side);
        }
        for (int y = 0; y < side; y++) {
            double oy = y + 0.5 - centre - dy;
            int row = dstOffset + y * side;
            for (int x = 0; x < side; x++) {
                double ox = x + 0.5 - centre - dx;
                double sx = a * ox + b * oy + centre - 0.5;
                double sy = c * ox + d * oy + centre - 0.5;
                dst[row + x] = sx < ink[0] - 1 || sx >= ink[2] + 1 || sy < ink[1] - 1 || sy >= ink[3] + 1 ? 0f
                        : bilinear(framed, wide, sx, sy);
            }
        }
        if (strokeWidth) {
            double pick = random.nextDouble();
            if (pick < 1 / 3.0) {
                changeWidth(dst, dstOffset, side, true, random.nextDouble());
            } else if (pick < 2 / 3.0) {
                changeWidth(dst, dstOffset, side, false, 0.6 * random.nextDouble());
            }
        }
    }

    /** The box {x0, y0, x1, y1} (inclusive) of the nonzero pixels, or an empty box far outside when there are none. */
    private static int[] inkBox(float[] image, int offset, int side) {
        int x0 = side;
        int y0 = side;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < side; y++) {
            int row = offset + y * side;
            for (int x = 0; x < side; x++) {
                if (image[row + x] != 0f) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? new int[] {Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2, Integer.MIN_VALUE / 2,
                Integer.MIN_VALUE / 2} : new int[] {x0, y0, x1, y1};
    }

    /** Each thread's scratch copy of the framed source (the batch thread reuses one). */
    private static final ThreadLocal<float[]> FRAMED = ThreadLocal.withInitial(() -> new float[30 * 30]);

    private static double uniform(SplittableRandom random, double from, double to) {
        return to > from ? from + (to - from) * random.nextDouble() : from;
    }

    /**
     * The source's value at (x, y), mixed from its four neighbours; {@code framed} is the source in a
     * frame of zeros {@code wide} pixels across, and (x, y) lies within a pixel of the ink.
     */
    private static float bilinear(float[] framed, int wide, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        int i = (y0 + 1) * wide + x0 + 1;
        return (float) ((1 - fy) * ((1 - fx) * framed[i] + fx * framed[i + 1])
                + fy * ((1 - fx) * framed[i + wide] + fx * framed[i + wide + 1]));
    }

    /**
     * A bolder pen (the largest of each pixel and its four neighbours) or a thinner one (the
     * smallest), mixed in by {@code amount} in [0, 1]: a fraction of a pixel's width more or less.
     */
    private static void changeWidth(float[] image, int offset, int side, boolean bolder, double amount) {
        float[] before = new float[side * side];
        System.arraycopy(image, offset, before, 0, before.length);
        // Outside the ink's box grown by a pixel every value and neighbour is 0, and stays 0.
        int[] ink = inkBox(before, 0, side);
        for (int y = Math.max(0, ink[1] - 1); y <= Math.min(side - 1, ink[3] + 1); y++) {
            for (int x = Math.max(0, ink[0] - 1); x <= Math.min(side - 1, ink[2] + 1); x++) {
                float v = before[y * side + x];
                float m = v;
                for (int k = 0; k < 4; k++) {
                    int nx = x + (k == 0 ? 1 : k == 1 ? -1 : 0);
                    int ny = y + (k == 2 ? 1 : k == 3 ? -1 : 0);
                    float n = nx < 0 || ny < 0 || nx >= side || ny >= side ? 0f : before[ny * side + nx];
                    m = bolder ? Math.max(m, n) : Math.min(m, n);
                }
                image[offset + y * side + x] = (float) (v + amount * (m - v));
            }
        }
    }
}
