package dev.digitlab.imaging.strokes;

import dev.digitlab.imaging.GrayImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Rasterizes a drawing that grows a mouse move at a time, drawing only what is new. A stroke's
 * path is curves that never change once drawn, plus a straight tail that the next position
 * replaces ({@link Stroke#curve}, {@link Stroke#tail}): the curves go into a kept grid, the
 * tail of the last stroke into a copy of it. A drawing that is not the last one plus more
 * (after an Undo or Clear) is drawn again from scratch. The result is the same as
 * {@link StrokeRasterizer#rasterize}'s. Not thread-safe: the Draw tab's one background thread uses it.
 */
final class GrowingRaster {

    private final StrokeRasterizer rasterizer;
    private final int side;
    private float[] kept;
    /** The strokes whose parts are in {@link #kept}, as they were when drawn. */
    private final List<Stroke> drawn = new ArrayList<>();
    /** Whether each of {@link #drawn}'s tails is in {@link #kept} (all but the last one's). */
    private final List<Boolean> tailKept = new ArrayList<>();

    GrowingRaster(StrokeRasterizer rasterizer) {
        this.rasterizer = rasterizer;
        this.side = rasterizer.side();
        this.kept = new float[side * side];
    }

    /** The strokes as a {@code side x side} ink-high picture. */
    GrayImage render(List<Stroke> strokes) {
        if (!grows(strokes)) {
            kept = new float[side * side];
            drawn.clear();
            tailKept.clear();
        }
        int last = strokes.size() - 1;
        for (int j = 0; j <= last; j++) {
            Stroke now = strokes.get(j);
            if (j == drawn.size()) {
                drawn.add(null);
                tailKept.add(false);
            }
            Stroke before = drawn.get(j);
            int curvesBefore = before == null ? 0 : Math.max(0, before.size() - 2);
            rasterizer.curves(kept, now, curvesBefore + 1, now.size() - 2);
            if (j < last && !tailKept.get(j)) {
                rasterizer.tail(kept, now);
                tailKept.set(j, true);
            }
            drawn.set(j, now);
        }
        float[] grid = kept.clone();
        if (last >= 0) {
            rasterizer.tail(grid, strokes.get(last));
        }
        return new GrayImage(side, side, grid);
    }

    /** Whether {@code strokes} is what was drawn last time with positions or strokes added. */
    private boolean grows(List<Stroke> strokes) {
        if (strokes.size() < drawn.size()) {
            return false;
        }
        for (int j = 0; j < drawn.size(); j++) {
            Stroke before = drawn.get(j);
            Stroke now = strokes.get(j);
            // A stroke whose tail is kept is finished: it may not have grown since.
            boolean same = tailKept.get(j) ? now == before || now.size() == before.size() && now.extendsStroke(before)
                    : now.extendsStroke(before);
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
