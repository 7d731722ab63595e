package dev.digitlab.data;

import java.util.List;

/**
 * One handwritten digit as a pen recorded it: its label, who wrote it, and its strokes, each the
 * pen's positions from touching the tablet to lifting it, in tablet units as recorded (UNIPEN's
 * y grows upwards).
 *
 * @param label   the digit 0-9
 * @param writer  the writer's id, or -1 when the file does not say
 * @param sample  the writer's sample number, or -1 when the file does not say
 * @param strokes each stroke's points x0, y0, x1, y1... (at least one point each; at least one stroke)
 * @param line    the line of the file where the digit's {@code .SEGMENT} is, for messages
 */
public record PenDigit(int label, int writer, int sample, List<float[]> strokes, int line) {

    public PenDigit {
        if (label < 0 || label > 9) {
            throw new IllegalArgumentException("a digit's label must be 0-9, not " + label);
        }
        if (strokes.isEmpty()) {
            throw new IllegalArgumentException("a digit needs at least one stroke");
        }
        for (float[] s : strokes) {
            if (s.length < 2 || s.length % 2 != 0) {
                throw new IllegalArgumentException("a stroke needs whole x, y pairs, at least one");
            }
        }
        strokes = List.copyOf(strokes);
    }

    /** How many pen positions the digit has in all its strokes. */
    public int pointCount() {
        int n = 0;
        for (float[] s : strokes) {
            n += s.length / 2;
        }
        return n;
    }
}
