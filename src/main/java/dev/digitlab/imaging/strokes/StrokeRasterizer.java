package dev.digitlab.imaging.strokes;

import dev.digitlab.imaging.GrayImage;
import java.util.List;

/**
 * Draws strokes into a grid of ink values (0 paper, 1 ink), the picture the network's
 * preprocessing reads: each stroke is its {@link Stroke#path()} drawn with a round pen (round caps
 * and joins), each pixel's ink the share of it the pen covers (anti-aliased, one pixel of soft
 * edge). Drawing the strokes directly costs a fraction of a millisecond and needs no FX thread,
 * unlike a snapshot of the canvas. Thread-safe (no state); {@link GrowingRaster} draws a growing
 * drawing piece by piece with it.
 */
public final class StrokeRasterizer {

    private final int side;
    private final double scale;

    /** A rasterizer into grids of {@code side x side} pixels covering the whole {@link Drawing#SIDE} canvas. */
    public StrokeRasterizer(int side) {
        if (side <= 0) {
            throw new IllegalArgumentException("raster side must be positive: " + side);
        }
        this.side = side;
        this.scale = side / Drawing.SIDE;
    }

    /** Grid side in pixels. */
    public int side() {
        return side;
    }

    /** The strokes as a {@code side x side} ink-high picture. */
    public GrayImage rasterize(List<Stroke> strokes) {
        float[] grid = new float[side * side];
        for (Stroke stroke : strokes) {
            curves(grid, stroke, 1, stroke.size() - 2);
            tail(grid, stroke);
        }
        return new GrayImage(side, side, grid);
    }

    /** Draws curves {@code from} to {@code to} (inclusive; none if {@code to < from}) of {@code stroke}. */
    void curves(float[] grid, Stroke stroke, int from, int to) {
        for (int i = from; i <= to; i++) {
            polyline(grid, stroke.curve(i), stroke.width());
        }
    }

    /** Draws the straight end of {@code stroke} (the whole stroke when it has one or two positions). */
    void tail(float[] grid, Stroke stroke) {
        polyline(grid, stroke.tail(), stroke.width());
    }

    private void polyline(float[] grid, float[] xy, double width) {
        double radius = width * scale / 2;
        for (int i = 2; i < xy.length; i += 2) {
            segment(grid, xy[i - 2] * scale, xy[i - 1] * scale, xy[i] * scale, xy[i + 1] * scale, radius);
        }
    }

    /**
     * A capsule (the segment from a to b grown by {@code radius}): a pixel's ink is how far its
     * centre lies inside the capsule's edge, plus half a pixel, clamped to [0,1]. Overlapping
     * capsules keep the larger value, which is exactly the union of the pen's track.
     */
    private void segment(float[] grid, double ax, double ay, double bx, double by, double radius) {
        double reach = radius + 0.5;
        int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - reach));
        int x1 = Math.min(side - 1, (int) Math.ceil(Math.max(ax, bx) + reach));
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - reach));
        int y1 = Math.min(side - 1, (int) Math.ceil(Math.max(ay, by) + reach));
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double inverse = lengthSquared > 0 ? 1 / lengthSquared : 0;
        // Pixels this far in are full ink without a square root.
        double solid = Math.max(0, reach - 1);
        double solidSquared = solid * solid;
        for (int y = y0; y <= y1; y++) {
            double py = y + 0.5 - ay;
            int row = y * side;
            for (int x = x0; x <= x1; x++) {
                // Consecutive pieces overlap mostly: what is full ink already stays so.
                if (grid[row + x] >= 1f) {
                    continue;
                }
                double px = x + 0.5 - ax;
                // Where the pixel centre projects onto the segment, clamped to its ends.
                double t = Math.max(0, Math.min(1, (px * dx + py * dy) * inverse));
                double ex = px - t * dx;
                double ey = py - t * dy;
                double squared = ex * ex + ey * ey;
                float ink = squared <= solidSquared ? 1f : (float) Math.min(1, reach - Math.sqrt(squared));
                if (ink > grid[row + x]) {
                    grid[row + x] = ink;
                }
            }
        }
    }
}
