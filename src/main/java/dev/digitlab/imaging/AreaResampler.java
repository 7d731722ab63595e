package dev.digitlab.imaging;

/**
 * Resamples by area averaging: each output pixel is the mean of the source over the exact
 * (fractional) patch it covers, the box filter that made MNIST's anti-aliased 20x20 digits. Unlike
 * point sampling it loses nothing: a 1-pixel pen line on a big canvas becomes a faint but present
 * line, its ink mass kept in proportion to the area.
 *
 * <p>The mapping is separable and linear: source column {@code x} (continuous, pixel {@code i}
 * spanning {@code [i, i+1)}) lands at output column {@code left + x * scaleX}, and likewise for
 * rows. Output pixels that the source does not cover, wholly or in part, count the missing part as
 * background (0), so the source should be ink-high. Cost is about one multiply-add per source pixel.
 */
public final class AreaResampler {

    private final int outWidth;
    private final int outHeight;

    /** A resampler into {@code outWidth x outHeight} images. */
    public AreaResampler(int outWidth, int outHeight) {
        if (outWidth <= 0 || outHeight <= 0) {
            throw new IllegalArgumentException("output size must be positive: " + outWidth + "x" + outHeight);
        }
        this.outWidth = outWidth;
        this.outHeight = outHeight;
    }

    /**
     * Area-averages {@code src} ({@code width x height}, row-major, ink-high) into a new output
     * array, placing the source's top-left corner at ({@code left}, {@code top}) and enlarging it
     * by {@code scaleX} and {@code scaleY}. Source parts that fall outside the output are clipped.
     */
    public float[] resample(float[] src, int width, int height,
                            double scaleX, double scaleY, double left, double top) {
        if (!(scaleX > 0) || !(scaleY > 0)) {
            throw new IllegalArgumentException("scale must be positive: " + scaleX + ", " + scaleY);
        }
        Axis columns = new Axis(width, outWidth, scaleX, left);
        Axis rows = new Axis(height, outHeight, scaleY, top);
        float[] out = new float[outWidth * outHeight];
        if (rows.coveredFrom >= rows.coveredTo || columns.coveredFrom >= columns.coveredTo) {
            return out;
        }
        averageDown(averageAcross(src, width, rows, columns), rows, out);
        return out;
    }

    /** Pass 1: each source row that reaches the output, averaged across into outWidth columns. */
    private float[] averageAcross(float[] src, int width, Axis rows, Axis columns) {
        float[] across = new float[(rows.coveredTo - rows.coveredFrom) * outWidth];
        for (int y = rows.coveredFrom; y < rows.coveredTo; y++) {
            int srcRow = y * width;
            int dstRow = (y - rows.coveredFrom) * outWidth;
            for (int i = 0; i < outWidth; i++) {
                float[] w = columns.weights[i];
                int first = srcRow + columns.first[i];
                float sum = 0f;
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * src[first + k];
                }
                across[dstRow + i] = sum;
            }
        }
        return across;
    }

    /** Pass 2: the rows of {@code across} averaged down into the outHeight rows of {@code out}. */
    private void averageDown(float[] across, Axis rows, float[] out) {
        for (int j = 0; j < outHeight; j++) {
            float[] w = rows.weights[j];
            int dstRow = j * outWidth;
            for (int k = 0; k < w.length; k++) {
                float wk = w[k];
                int srcRow = (rows.first[j] + k - rows.coveredFrom) * outWidth;
                for (int i = 0; i < outWidth; i++) {
                    out[dstRow + i] += wk * across[srcRow + i];
                }
            }
            for (int i = 0; i < outWidth; i++) {
                // Rounding can push a full-ink pixel a hair above 1.
                out[dstRow + i] = Math.min(out[dstRow + i], 1f);
            }
        }
    }

    /**
     * One axis of the mapping: for every output index the first source index it covers and the
     * weight of each source index from there (the covered length times the scale, so a fully
     * covered output pixel's weights sum to 1).
     */
    private static final class Axis {

        final int[] first;
        final float[][] weights;
        /** The source indices any output pixel reads, so rows outside the output are skipped. */
        int coveredFrom = Integer.MAX_VALUE;
        int coveredTo = Integer.MIN_VALUE;

        Axis(int sourceLength, int outLength, double scale, double offset) {
            first = new int[outLength];
            weights = new float[outLength][];
            for (int i = 0; i < outLength; i++) {
                double from = Math.max((i - offset) / scale, 0);
                double to = Math.min((i + 1 - offset) / scale, sourceLength);
                if (from >= to) {
                    weights[i] = new float[0];
                    continue;
                }
                int lo = (int) Math.floor(from);
                int hi = Math.min((int) Math.ceil(to), sourceLength);
                first[i] = lo;
                float[] w = new float[hi - lo];
                for (int s = lo; s < hi; s++) {
                    w[s - lo] = (float) ((Math.min(to, s + 1) - Math.max(from, s)) * scale);
                }
                weights[i] = w;
                coveredFrom = Math.min(coveredFrom, lo);
                coveredTo = Math.max(coveredTo, hi);
            }
        }
    }
}
