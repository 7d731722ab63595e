package dev.digitlab.imaging.strokes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The strokes on the Draw tab's canvas, as vector point lists, so that Undo and a resized canvas
 * can draw them again. Coordinates are drawing units: the canvas is always {@value #SIDE} units
 * square whatever its size on screen, so a drawing (and what the network reads from it) does not
 * change when the window does. Not thread-safe: the FX thread changes it and hands
 * {@link #strokes()} snapshots to other threads.
 */
public final class Drawing {

    /** The canvas side in drawing units: MNIST's 28 pixels, ten units each. */
    public static final double SIDE = 280;
    /** Mouse positions closer than this to the previous one (in units) add nothing to a stroke. */
    static final double MIN_STEP = 0.75;

    private final List<Stroke> done = new ArrayList<>();
    private float[] current;
    private int currentLength;
    private double currentWidth;

    /** Starts a stroke at ({@code x}, {@code y}), clamped to the canvas, with a pen {@code width} units wide. */
    public void begin(double x, double y, double width) {
        end();
        if (!(width > 0)) {
            throw new IllegalArgumentException("pen width must be positive: " + width);
        }
        current = new float[64];
        currentLength = 0;
        currentWidth = width;
        append(x, y);
    }

    /**
     * Extends the stroke being drawn to ({@code x}, {@code y}), clamped to the canvas.
     *
     * @return whether the stroke changed: false when no stroke is being drawn or the point is too
     *     close to the last one
     */
    public boolean extend(double x, double y) {
        if (current == null) {
            return false;
        }
        double lastX = current[currentLength - 2];
        double lastY = current[currentLength - 1];
        if (Math.hypot(clamp(x) - lastX, clamp(y) - lastY) < MIN_STEP) {
            return false;
        }
        append(x, y);
        return true;
    }

    /** Finishes the stroke being drawn, if any; it stays in the drawing. */
    public void end() {
        if (current != null) {
            done.add(currentStroke());
            current = null;
        }
    }

    /** Whether a stroke is being drawn (the pen is down). */
    public boolean drawing() {
        return current != null;
    }

    /**
     * Removes the last stroke (the one being drawn, if the pen is down).
     *
     * @return whether there was one to remove
     */
    public boolean undo() {
        if (current != null) {
            current = null;
            return true;
        }
        if (done.isEmpty()) {
            return false;
        }
        done.remove(done.size() - 1);
        return true;
    }

    /** Adds a finished stroke, e.g. of a drawing kept earlier (the pen is lifted first). */
    public void add(Stroke stroke) {
        end();
        done.add(stroke);
    }

    /** Removes every stroke. */
    public void clear() {
        current = null;
        done.clear();
    }

    /** How many strokes there are, counting the one being drawn. */
    public int strokeCount() {
        return done.size() + (current == null ? 0 : 1);
    }

    public boolean isEmpty() {
        return strokeCount() == 0;
    }

    /** The stroke being drawn, as it is now, or null when the pen is up. */
    public Stroke current() {
        return current == null ? null : currentStroke();
    }

    /** A snapshot of all strokes, the one being drawn last; safe to hand to another thread. */
    public List<Stroke> strokes() {
        List<Stroke> all = new ArrayList<>(done);
        if (current != null) {
            all.add(currentStroke());
        }
        return List.copyOf(all);
    }

    private Stroke currentStroke() {
        return new Stroke(currentWidth, Arrays.copyOf(current, currentLength));
    }

    private void append(double x, double y) {
        if (currentLength + 2 > current.length) {
            current = Arrays.copyOf(current, current.length * 2);
        }
        current[currentLength++] = (float) clamp(x);
        current[currentLength++] = (float) clamp(y);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(SIDE, v));
    }

    /**
     * How far the strokes' centre lines reach, the longer of width and height of their bounding
     * box in drawing units (the pen's width not counted): 0 for a single click.
     */
    public static double extent(List<Stroke> strokes) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Stroke s : strokes) {
            for (int i = 0; i < s.size(); i++) {
                minX = Math.min(minX, s.x(i));
                maxX = Math.max(maxX, s.x(i));
                minY = Math.min(minY, s.y(i));
                maxY = Math.max(maxY, s.y(i));
            }
        }
        return strokes.isEmpty() ? 0 : Math.max(maxX - minX, maxY - minY);
    }
}
