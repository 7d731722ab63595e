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
        int[] box = warp(src, srcOffset, dst, dstOffset, side, new double[] {a, b, c, d}, dx, dy);
        if (strokeWidth) {
            double pick = random.nextDouble();
            if (pick < 2 / 3.0) {
                boolean bolder = pick < 1 / 3.0;
                double amount = bolder ? random.nextDouble() : 0.6 * random.nextDouble();
                changeWidth(dst, dstOffset, side, box, bolder, amount);
            }
        }
    }

    /**
     * Writes the source mapped through the inverse map {@code {a, b, c, d}} (result pixel to source
     * point, about the centre, after the shift {@code dx, dy}), sampled bilinearly; returns a box
     * {x0, y0, x1, y1} (inclusive) that holds every nonzero pixel of the result.
     *
     * <p>Most of a digit's picture is blank: a result pixel whose four source neighbours all lie
     * outside the ink's box is exactly 0. The map is affine, so on each row the pixels that can
     * reach the ink form one span, found by solving the box's four inequalities; only the span is
     * sampled, with the exact test kept, so the values are those of sampling every pixel, at a
     * fraction of the work (augmenting must keep up with the network on the other core).
     */
    private static int[] warp(float[] src, int srcOffset, float[] dst, int dstOffset, int side, double[] map,
                              double dx, double dy) {
        double a = map[0];
        double b = map[1];
        double c = map[2];
        double d = map[3];
        double centre = side / 2.0;
        int[] ink = inkBox(src, srcOffset, side);
        double left = ink[0] - 1;
        double right = ink[2] + 1;
        double top = ink[1] - 1;
        double bottom = ink[3] + 1;
        int wide = side + 2;
        float[] framed = framed(src, srcOffset, side, SOURCE);
        // The box of the sampled spans: the result's ink lies inside it.
        int spanLeft = side;
        int spanRight = -1;
        int spanTop = side;
        int spanBottom = -1;
        double[] span = new double[2];
        // Source points in fixed point, 1/65536 of a pixel: exact steps along a row, floor a shift.
        int stepX = fixed(a);
        int stepY = fixed(c);
        int low = fixed(left);
        int high = fixed(right);
        int upper = fixed(top);
        int lower = fixed(bottom);
        for (int y = 0; y < side; y++) {
            double oy = y + 0.5 - centre - dy;
            int row = dstOffset + y * side;
            double ox0 = 0.5 - centre - dx;
            double sx0 = a * ox0 + b * oy + centre - 0.5;
            double sy0 = c * ox0 + d * oy + centre - 0.5;
            span[0] = 0;
            span[1] = side - 1;
            narrow(span, a, 1 / a, sx0, left, right);
            narrow(span, c, 1 / c, sy0, top, bottom);
            // A pixel more at each end: the fixed-point test below rounds differently from the span's solution.
            int x0 = span[1] < span[0] ? side : (int) Math.max(0, Math.floor(span[0]) - 1);
            int x1 = span[1] < span[0] ? side : (int) Math.min(side, Math.ceil(span[1]) + 2);
            java.util.Arrays.fill(dst, row, row + x0, 0f);
            int rowX = fixed(sx0);
            int rowY = fixed(sy0);
            for (int x = x0; x < x1; x++) {
                int sx = rowX + x * stepX;
                int sy = rowY + x * stepY;
                dst[row + x] = sx < low || sx >= high || sy < upper || sy >= lower ? 0f
                        : bilinear(framed, wide, sx, sy);
            }
            java.util.Arrays.fill(dst, row + x1, row + side, 0f);
            if (x0 < x1) {
                spanLeft = Math.min(spanLeft, x0);
                spanRight = Math.max(spanRight, x1 - 1);
                spanTop = Math.min(spanTop, y);
                spanBottom = y;
            }
        }
        return new int[] {spanLeft, spanTop, spanRight, spanBottom};
    }

    /**
     * Narrows the x interval {@code span} = {from, to} to where {@code slope * x + start} lies in
     * [{@code low}, {@code high}) ({@code inverse} is {@code 1 / slope}); an empty result has to < from.
     */
    private static void narrow(double[] span, double slope, double inverse, double start, double low, double high) {
        if (low >= high || slope == 0 && (start < low || start >= high)) {
            span[1] = span[0] - 1;
            return;
        }
        if (slope == 0) {
            return;
        }
        double u = (low - start) * inverse;
        double v = (high - start) * inverse;
        span[0] = Math.max(span[0], Math.min(u, v));
        span[1] = Math.min(span[1], Math.max(u, v));
    }

    /** {@code side x side} pixels at {@code image[offset]} copied into the thread's scratch, inside a one-pixel frame of zeros. */
    private static float[] framed(float[] image, int offset, int side, ThreadLocal<float[]> scratch) {
        int wide = side + 2;
        float[] framed = scratch.get();
        if (framed.length < wide * wide) {
            framed = new float[wide * wide];
            scratch.set(framed);
        }
        java.util.Arrays.fill(framed, 0, wide * wide, 0f);
        for (int y = 0; y < side; y++) {
            System.arraycopy(image, offset + y * side, framed, (y + 1) * wide + 1, side);
        }
        return framed;
    }

    /**
     * The box {x0, y0, x1, y1} (inclusive) of the nonzero pixels, or an empty box far outside when
     * there are none: the first and last rows by scanning in from either end, the columns from the
     * rows' magnitudes added up column by column (a loop the JIT vectorises).
     */
    private static int[] inkBox(float[] image, int offset, int side) {
        int n = side * side;
        int first = 0;
        while (first < n && image[offset + first] == 0f) {
            first++;
        }
        if (first == n) {
            return new int[] {Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2, Integer.MIN_VALUE / 2,
                Integer.MIN_VALUE / 2};
        }
        int last = n - 1;
        while (image[offset + last] == 0f) {
            last--;
        }
        float[] columns = COLUMNS.get();
        if (columns.length < side) {
            columns = new float[side];
            COLUMNS.set(columns);
        }
        java.util.Arrays.fill(columns, 0, side, 0f);
        for (int y = first / side; y <= last / side; y++) {
            int row = offset + y * side;
            for (int x = 0; x < side; x++) {
                columns[x] += Math.abs(image[row + x]);
            }
        }
        int x0 = 0;
        while (columns[x0] == 0f) {
            x0++;
        }
        int x1 = side - 1;
        while (columns[x1] == 0f) {
            x1--;
        }
        return new int[] {x0, first / side, x1, last / side};
    }

    /** One pixel in fixed point. */
    private static final int FIXED_ONE = 1 << 16;

    /** Each thread's scratch copies of the framed source and of the framed result before the pen changes (the batch thread reuses them). */
    private static final ThreadLocal<float[]> SOURCE = ThreadLocal.withInitial(() -> new float[30 * 30]);
    private static final ThreadLocal<float[]> RESULT = ThreadLocal.withInitial(() -> new float[30 * 30]);
    /** Each thread's column sums for {@link #inkBox}. */
    private static final ThreadLocal<float[]> COLUMNS = ThreadLocal.withInitial(() -> new float[28]);

    private static double uniform(SplittableRandom random, double from, double to) {
        return to > from ? from + (to - from) * random.nextDouble() : from;
    }

    /** {@code v} in fixed point: 16 bits of integer part and 16 of fraction. */
    static int fixed(double v) {
        return (int) Math.round(v * FIXED_ONE);
    }

    /**
     * The source's value at the fixed-point (x, y), mixed from its four neighbours; {@code framed}
     * is the source in a frame of zeros {@code wide} pixels across, and (x, y) lies within a pixel
     * of the ink.
     */
    private static float bilinear(float[] framed, int wide, int x, int y) {
        float fx = (x & (FIXED_ONE - 1)) * (1f / FIXED_ONE);
        float fy = (y & (FIXED_ONE - 1)) * (1f / FIXED_ONE);
        int i = ((y >> 16) + 1) * wide + (x >> 16) + 1;
        return (1 - fy) * ((1 - fx) * framed[i] + fx * framed[i + 1])
                + fy * ((1 - fx) * framed[i + wide] + fx * framed[i + wide + 1]);
    }

    /**
     * A bolder pen (the largest of each pixel and its four neighbours) or a thinner one (the
     * smallest), mixed in by {@code amount} in [0, 1]: a fraction of a pixel's width more or less.
     * {@code box} {x0, y0, x1, y1} holds every nonzero pixel: outside it grown by a pixel every
     * value and neighbour is 0, and stays 0.
     */
    private static void changeWidth(float[] image, int offset, int side, int[] box, boolean bolder, double amount) {
        float[] before = framed(image, offset, side, RESULT);
        int wide = side + 2;
        float mix = (float) amount;
        int x0 = Math.max(0, box[0] - 1);
        int x1 = Math.min(side - 1, box[2] + 1);
        for (int y = Math.max(0, box[1] - 1); y <= Math.min(side - 1, box[3] + 1); y++) {
            int i = (y + 1) * wide + 1;
            int o = offset + y * side;
            // Two plain loops, so that the JIT turns them into vector instructions.
            if (bolder) {
                for (int x = x0; x <= x1; x++) {
                    float v = before[i + x];
                    float m = larger(larger(larger(larger(v, before[i + x + 1]), before[i + x - 1]),
                            before[i + x + wide]), before[i + x - wide]);
                    image[o + x] = v + mix * (m - v);
                }
            } else {
                for (int x = x0; x <= x1; x++) {
                    float v = before[i + x];
                    float m = smaller(smaller(smaller(smaller(v, before[i + x + 1]), before[i + x - 1]),
                            before[i + x + wide]), before[i + x - wide]);
                    image[o + x] = v + mix * (m - v);
                }
            }
        }
    }

    /** The larger of two pixel values (never NaN): a plain comparison, which compiles to one instruction where Math.max takes several. */
    private static float larger(float a, float b) {
        return a >= b ? a : b;
    }

    /** The smaller of two pixel values (never NaN). */
    private static float smaller(float a, float b) {
        return a <= b ? a : b;
    }
}
