package dev.digitlab.imaging.strokes;

import java.util.Arrays;

/**
 * One pen stroke as the user drew it: the mouse positions in drawing units (see {@link Drawing})
 * and the pen's width. Immutable, so a snapshot can be read on another thread. Both the screen and
 * the network's raster draw it through {@link #path()}, so what is read is what was seen.
 */
public final class Stroke {

    /** Longest piece, in drawing units, a curve is cut into when it is flattened. */
    private static final double FLATNESS = 2.0;

    private final double width;
    private final float[] points;

    /**
     * @param width  pen width in drawing units
     * @param points x0, y0, x1, y1... (at least one point); taken, not copied
     */
    public Stroke(double width, float[] points) {
        if (!(width > 0)) {
            throw new IllegalArgumentException("pen width must be positive: " + width);
        }
        if (points.length < 2 || points.length % 2 != 0) {
            throw new IllegalArgumentException("a stroke needs whole x, y pairs, at least one: " + points.length
                    + " values");
        }
        this.width = width;
        this.points = points;
    }

    /** Pen width in drawing units. */
    public double width() {
        return width;
    }

    /** How many mouse positions the stroke has. */
    public int size() {
        return points.length / 2;
    }

    public float x(int i) {
        return points[2 * i];
    }

    public float y(int i) {
        return points[2 * i + 1];
    }

    /**
     * The stroke's centre line as a polyline, x0, y0, x1, y1...: smooth quadratic curves through
     * the midpoints between mouse positions (each position is a curve's control point), cut into
     * pieces of at most {@value #FLATNESS} units, ending in a straight piece to the last position.
     * A single position gives a single point (a dot as wide as the pen). It is the
     * {@link #curve(int) curves} 1 to {@code size() - 2} followed by the {@link #tail()}.
     */
    public float[] path() {
        int n = size();
        if (n <= 2) {
            return points.clone();
        }
        float[] out = new float[2 * n + 16];
        int len = 0;
        out[len++] = x(0);
        out[len++] = y(0);
        for (int i = 1; i < n - 1; i++) {
            float[] curve = curve(i);
            // Each curve starts where the one before ended: skip the repeated point.
            if (len + curve.length - 2 > out.length) {
                out = Arrays.copyOf(out, 2 * (len + curve.length));
            }
            System.arraycopy(curve, 2, out, len, curve.length - 2);
            len += curve.length - 2;
        }
        float[] tail = tail();
        out = Arrays.copyOf(out, len + 2);
        out[len] = tail[2];
        out[len + 1] = tail[3];
        return out;
    }

    /**
     * Curve {@code i} (1 to {@code size() - 2}) of the path, flattened, with both its ends: from
     * the midpoint before position {@code i} (position 0 itself for the first curve) to the
     * midpoint after it, with position {@code i} as its control point. A curve never changes once
     * position {@code i + 1} exists, which is what lets a raster draw a growing stroke piece by
     * piece.
     */
    public float[] curve(int i) {
        if (i < 1 || i > size() - 2) {
            throw new IndexOutOfBoundsException("curve " + i + " of a stroke with " + size() + " points");
        }
        double fromX = i == 1 ? x(0) : (x(i - 1) + x(i)) / 2.0;
        double fromY = i == 1 ? y(0) : (y(i - 1) + y(i)) / 2.0;
        double cx = x(i);
        double cy = y(i);
        double toX = (cx + x(i + 1)) / 2;
        double toY = (cy + y(i + 1)) / 2;
        // The curve's speed (per unit of t) is largest at one of its ends, twice the control leg
        // there; equal steps in t then give pieces no longer than that speed times the step.
        double speed = 2 * Math.max(Math.hypot(cx - fromX, cy - fromY), Math.hypot(toX - cx, toY - cy));
        int pieces = Math.max(1, (int) Math.ceil(speed / FLATNESS));
        float[] out = new float[2 * (pieces + 1)];
        out[0] = (float) fromX;
        out[1] = (float) fromY;
        for (int k = 1; k <= pieces; k++) {
            double t = (double) k / pieces;
            double a = (1 - t) * (1 - t);
            double b = 2 * (1 - t) * t;
            double c = t * t;
            out[2 * k] = (float) (a * fromX + b * cx + c * toX);
            out[2 * k + 1] = (float) (a * fromY + b * cy + c * toY);
        }
        return out;
    }

    /**
     * The straight end of the path, x0, y0, x1, y1: from the last curve's end (or the first
     * position, when there are no curves) to the last position. For a single position, both ends
     * are that position. The only part of the path that a further position changes.
     */
    public float[] tail() {
        int n = size();
        if (n <= 2) {
            return new float[] {x(0), y(0), x(n - 1), y(n - 1)};
        }
        return new float[] {(x(n - 2) + x(n - 1)) / 2f, (y(n - 2) + y(n - 1)) / 2f, x(n - 1), y(n - 1)};
    }

    /** Whether this stroke is {@code other} with more positions added (or the same). */
    public boolean extendsStroke(Stroke other) {
        return this == other || width == other.width && points.length >= other.points.length
                && Arrays.equals(points, 0, other.points.length, other.points, 0, other.points.length);
    }

    @Override
    public String toString() {
        return "Stroke[" + size() + " points, width " + width + "]";
    }
}
