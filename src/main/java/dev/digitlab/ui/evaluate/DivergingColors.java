package dev.digitlab.ui.evaluate;

import dev.digitlab.ui.evaluate.DivergingColors;

/**
 * A diverging blue-white-red colour scale for signed values such as weights: negative values blue,
 * zero white, positive values red, symmetric around zero (ColorBrewer's RdBu, three stops a side,
 * so that middling values are still told apart from small ones). Colours are packed ARGB ints,
 * ready for a {@code PixelWriter}.
 */
final class DivergingColors {

    /** From zero outwards: white, light, full. */
    private static final int[] RED = {0xFFFFFF, 0xF4A582, 0xB2182B};
    private static final int[] BLUE = {0xFFFFFF, 0x92C5DE, 0x2166AC};

    private DivergingColors() {
    }

    /**
     * The colour of {@code value} on a scale from {@code -scale} (full blue) to {@code +scale} (full
     * red); values beyond the scale take the end colours.
     */
    static int argb(float value, float scale) {
        double t = scale > 0 ? value / scale : 0;
        if (Double.isNaN(t)) {
            t = 0;
        }
        t = Math.max(-1, Math.min(1, t));
        int[] stops = t < 0 ? BLUE : RED;
        double x = Math.abs(t) * (stops.length - 1);
        int i = Math.min((int) x, stops.length - 2);
        return 0xFF000000 | mix(stops[i], stops[i + 1], x - i);
    }

    private static int mix(int a, int b, double f) {
        int r = channel(a >> 16, b >> 16, f);
        int g = channel(a >> 8, b >> 8, f);
        int bl = channel(a, b, f);
        return r << 16 | g << 8 | bl;
    }

    private static int channel(int a, int b, double f) {
        int x = a & 0xFF;
        int y = b & 0xFF;
        return (int) Math.round(x + (y - x) * f);
    }

    /** CSS for the scale as a horizontal gradient, for a legend bar. */
    static String cssGradient() {
        return "linear-gradient(to right, " + hex(BLUE[2]) + ", " + hex(BLUE[1]) + ", #ffffff, " + hex(RED[1]) + ", "
                + hex(RED[2]) + ")";
    }

    private static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xFFFFFF);
    }
}
