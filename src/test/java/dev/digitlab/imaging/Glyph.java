package dev.digitlab.imaging;

/**
 * Test glyphs: strokes (polylines) in a unit square, y pointing down, drawn onto a canvas with a
 * round anti-aliased pen the way the Draw tab's pen draws. Asymmetric on purpose, so a wrong
 * centre of mass or a lost aspect ratio shows.
 */
enum Glyph {
    /** A bar across the top and a long diagonal: most of the mass high and to the right. */
    SEVEN(new double[][] {{0.1, 0.05, 0.9, 0.05, 0.4, 0.95}}),
    /** A tall stroke and a foot: mass low and to the left. */
    L(new double[][] {{0.25, 0.05, 0.25, 0.95, 0.75, 0.95}}),
    /** A single tall thin stroke. */
    ONE(new double[][] {{0.5, 0.05, 0.5, 0.95}}),
    /** Two strokes, an open angle and a crossing bar. */
    FOUR(new double[][] {{0.6, 0.05, 0.1, 0.65, 0.85, 0.65}, {0.65, 0.35, 0.65, 0.95}});

    private final double[][] strokes;

    Glyph(double[][] strokes) {
        this.strokes = strokes;
    }

    /**
     * A canvas with this glyph drawn on it.
     *
     * @param x left of the glyph's unit square on the canvas (pixels, fractional allowed)
     * @param y top of the glyph's unit square
     * @param size side of the unit square in pixels
     * @param pen pen diameter in pixels
     * @param darkOnLight black ink on white paper, else white on black
     */
    GrayImage draw(int width, int height, double x, double y, double size, double pen, boolean darkOnLight) {
        float[] cover = new float[width * height];
        for (double[] s : strokes) {
            for (int k = 0; k + 3 < s.length; k += 2) {
                segment(cover, width, height, x + size * s[k], y + size * s[k + 1],
                        x + size * s[k + 2], y + size * s[k + 3], pen / 2);
            }
        }
        if (darkOnLight) {
            for (int i = 0; i < cover.length; i++) {
                cover[i] = 1 - cover[i];
            }
        }
        return new GrayImage(width, height, cover);
    }

    /** Ink from one pen segment: a pixel's coverage falls off over one pixel at the pen's edge. */
    private static void segment(float[] cover, int width, int height,
                                double ax, double ay, double bx, double by, double radius) {
        int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - radius - 1));
        int x1 = Math.min(width, (int) Math.ceil(Math.max(ax, bx) + radius + 1));
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - radius - 1));
        int y1 = Math.min(height, (int) Math.ceil(Math.max(ay, by) + radius + 1));
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        for (int py = y0; py < y1; py++) {
            for (int px = x0; px < x1; px++) {
                double cx = px + 0.5;
                double cy = py + 0.5;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((cx - ax) * dx + (cy - ay) * dy) / len2));
                double d = Math.hypot(cx - ax - t * dx, cy - ay - t * dy);
                float c = (float) Math.max(0, Math.min(1, radius + 0.5 - d));
                int i = py * width + px;
                cover[i] = Math.max(cover[i], c);
            }
        }
    }
}
