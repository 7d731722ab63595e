package dev.digitlab.imaging;

/**
 * Exact Euclidean distance transform (Felzenszwalb and Huttenlocher's lower envelope of parabolas,
 * one pass per column and one per row, linear time): how far each pixel lies from the nearest
 * marked pixel. Lets the redrawer grow or shrink strokes by any pen radius at the cost of two
 * passes, where a disk-shaped dilation would cost radius-squared work per pixel.
 */
final class DistanceTransform {

    /** Stands for "no marked pixel anywhere"; larger than any squared distance on a real canvas. */
    static final float FAR = 1e10f;

    private DistanceTransform() {
    }

    /** Squared distance from each pixel centre to the nearest pixel with {@code marked} true. */
    static float[] squared(boolean[] marked, int width, int height) {
        float[] d = new float[width * height];
        for (int i = 0; i < d.length; i++) {
            d[i] = marked[i] ? 0f : FAR;
        }
        int n = Math.max(width, height);
        float[] line = new float[n];
        float[] out = new float[n];
        int[] v = new int[n];
        double[] z = new double[n + 1];
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                line[y] = d[y * width + x];
            }
            envelope(line, height, out, v, z);
            for (int y = 0; y < height; y++) {
                d[y * width + x] = out[y];
            }
        }
        for (int y = 0; y < height; y++) {
            System.arraycopy(d, y * width, line, 0, width);
            envelope(line, width, out, v, z);
            System.arraycopy(out, 0, d, y * width, width);
        }
        return d;
    }

    /** One dimension: {@code out[q] = min over p of (q - p)^2 + f[p]}. */
    private static void envelope(float[] f, int n, float[] out, int[] v, double[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            double s = intersection(f, q, v[k]);
            while (s <= z[k]) {
                k--;
                s = intersection(f, q, v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            float dq = q - v[k];
            out[q] = dq * dq + f[v[k]];
        }
    }

    /** Where the parabolas rooted at {@code q} and {@code p} cross. */
    private static double intersection(float[] f, int q, int p) {
        return ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * (q - p));
    }
}
