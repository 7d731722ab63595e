package dev.digitlab.imaging;

/**
 * Redraws a 28x28 digit the way a person would draw it on the app's canvas: enlarged with smooth
 * (bilinear) interpolation, made solid (MNIST's grey fringe becomes the pen's hard edge), the pen
 * made thicker or thinner by growing or eroding the strokes, placed anywhere at any size, in either
 * polarity. Feeding such redrawings back through a {@link Preprocessor} checks that it recovers
 * something close to the original digit, which is what the Draw tab's check and the tests do.
 */
public final class Redrawer {

    /** Ink level at which the enlarged digit's smooth edge becomes the pen's hard edge. */
    private static final float SOLID = 0.5f;
    /** The digit's own ink box is found at the same level the preprocessor uses. */
    private static final float BOX_THRESHOLD = InkRules.DEFAULT.pixelThreshold();

    /**
     * The canvas {@code style} describes, with {@code digit} drawn on it.
     *
     * @param digit a picture of a digit, usually 28x28 from MNIST, either polarity
     * @throws IllegalArgumentException if {@code digit} holds no ink
     */
    public GrayImage redraw(GrayImage digit, RedrawStyle style) {
        InkLevels levels = InkLevels.detect(digit);
        InkBox box = InkBox.find(digit, levels, BOX_THRESHOLD)
                .orElseThrow(() -> new IllegalArgumentException("the digit to redraw has no ink"));
        float[] ink = levels.ink(digit, InkBox.of(digit));
        boolean[] solid = enlarge(ink, digit.width(), digit.height(), box, style);
        float[] canvas = pen(solid, style);
        return new GrayImage(style.canvasWidth(), style.canvasHeight(), canvas);
    }

    /** The digit enlarged onto the canvas and cut at {@link #SOLID}: true where there is ink. */
    private static boolean[] enlarge(float[] ink, int width, int height, InkBox box, RedrawStyle style) {
        int cw = style.canvasWidth();
        int ch = style.canvasHeight();
        double k = style.size() / box.longerSide();
        // Canvas coordinate = left + k * digit coordinate, pixel i spanning [i, i+1) in both.
        double left = style.centreX() - k * (box.left() + box.width() / 2.0);
        double top = style.centreY() - k * (box.top() + box.height() / 2.0);
        boolean[] solid = new boolean[cw * ch];
        // Only canvas pixels over the digit's field (plus a pixel for the interpolation) can be ink.
        int x0 = Math.max(0, (int) Math.floor(left - k));
        int x1 = Math.min(cw, (int) Math.ceil(left + k * (width + 1)));
        int y0 = Math.max(0, (int) Math.floor(top - k));
        int y1 = Math.min(ch, (int) Math.ceil(top + k * (height + 1)));
        for (int y = y0; y < y1; y++) {
            double v = (y + 0.5 - top) / k - 0.5;
            for (int x = x0; x < x1; x++) {
                double u = (x + 0.5 - left) / k - 0.5;
                solid[y * cw + x] = bilinear(ink, width, height, u, v) >= SOLID;
            }
        }
        return solid;
    }

    /** Bilinear interpolation between pixel centres; outside the digit is background (0). */
    private static float bilinear(float[] ink, int width, int height, double u, double v) {
        int ix = (int) Math.floor(u);
        int iy = (int) Math.floor(v);
        double fx = u - ix;
        double fy = v - iy;
        double top = (1 - fx) * at(ink, width, height, ix, iy) + fx * at(ink, width, height, ix + 1, iy);
        double bottom = (1 - fx) * at(ink, width, height, ix, iy + 1) + fx * at(ink, width, height, ix + 1, iy + 1);
        return (float) ((1 - fy) * top + fy * bottom);
    }

    private static float at(float[] ink, int width, int height, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0f : ink[y * width + x];
    }

    /**
     * Strokes grown or eroded by the style's pen change, measured as a signed distance from the
     * solid shape's edge; the last pixel of the edge is anti-aliased by its fractional coverage.
     */
    private static float[] pen(boolean[] solid, RedrawStyle style) {
        int cw = style.canvasWidth();
        int ch = style.canvasHeight();
        boolean[] paper = new boolean[solid.length];
        for (int i = 0; i < solid.length; i++) {
            paper[i] = !solid[i];
        }
        float[] toInk = DistanceTransform.squared(solid, cw, ch);
        float[] toPaper = DistanceTransform.squared(paper, cw, ch);
        float[] canvas = new float[solid.length];
        for (int i = 0; i < canvas.length; i++) {
            // Negative inside the shape, positive outside, zero on the edge between the pixels.
            double signed = solid[i] ? 0.5 - Math.sqrt(toPaper[i]) : Math.sqrt(toInk[i]) - 0.5;
            double cover = Math.max(0, Math.min(1, style.penChange() + 0.5 - signed));
            canvas[i] = (float) (style.darkInkOnLight() ? 1 - cover : cover);
        }
        return canvas;
    }
}
