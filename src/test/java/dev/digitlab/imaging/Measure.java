package dev.digitlab.imaging;

/** What the tests measure on images: likeness, ink, and where the ink lies. */
final class Measure {

    private Measure() {
    }

    /** Pearson correlation of two equally long arrays. */
    static double correlation(float[] a, float[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            ab += da * db;
            aa += da * da;
            bb += db * db;
        }
        return ab / Math.sqrt(aa * bb);
    }

    /** The largest per-pixel difference. */
    static double maxAbsDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    static double sum(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }

    private static double mean(float[] a) {
        return sum(a) / a.length;
    }

    /** The bounding box of an ink-high image's pixels above the app's ink threshold. */
    static InkBox inkBox(GrayImage inkHigh) {
        return InkBox.find(inkHigh, new InkLevels(0f, 1f), InkRules.DEFAULT.pixelThreshold()).orElseThrow();
    }
}
