package dev.digitlab.imaging.strokes;

import dev.digitlab.imaging.strokes.DrawnDigits;
import dev.digitlab.imaging.strokes.Stroke;

import java.util.ArrayList;
import java.util.List;

/** Strokes as a hand on the canvas makes them, in drawing units, for tests and measurements. */
public final class DrawnDigits {

    private DrawnDigits() {
    }

    /**
     * A stroke through the corners {@code xy} (x0, y0, x1, y1...), sampled every {@code step} units
     * along the way as a mouse would report it.
     */
    public static Stroke stroke(double width, double step, double... xy) {
        List<Float> points = new ArrayList<>();
        points.add((float) xy[0]);
        points.add((float) xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            double dx = xy[i] - xy[i - 2];
            double dy = xy[i + 1] - xy[i - 1];
            int n = Math.max(1, (int) Math.ceil(Math.hypot(dx, dy) / step));
            for (int k = 1; k <= n; k++) {
                points.add((float) (xy[i - 2] + dx * k / n));
                points.add((float) (xy[i - 1] + dy * k / n));
            }
        }
        float[] array = new float[points.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = points.get(i);
        }
        return new Stroke(width, array);
    }

    /** Corners of an oval around ({@code cx}, {@code cy}), closed, starting at the top. */
    public static double[] oval(double cx, double cy, double rx, double ry, int corners) {
        double[] xy = new double[2 * (corners + 1)];
        for (int i = 0; i <= corners; i++) {
            double a = 2 * Math.PI * i / corners;
            xy[2 * i] = cx + rx * Math.sin(a);
            xy[2 * i + 1] = cy - ry * Math.cos(a);
        }
        return xy;
    }
}
