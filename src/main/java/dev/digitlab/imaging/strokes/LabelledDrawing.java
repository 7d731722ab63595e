package dev.digitlab.imaging.strokes;

import java.time.Instant;
import java.util.List;

/**
 * One of the user's own drawings: the strokes as drawn on the Draw tab's canvas and the digit
 * the user says they are. Immutable.
 *
 * @param digit   0 to 9
 * @param strokes at least one stroke, in drawing units
 * @param created when it was kept; null when unknown
 */
public record LabelledDrawing(int digit, List<Stroke> strokes, Instant created) {

    public LabelledDrawing {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("a drawing's digit must be 0 to 9, not " + digit);
        }
        if (strokes == null || strokes.isEmpty()) {
            throw new IllegalArgumentException("a drawing needs at least one stroke");
        }
        strokes = List.copyOf(strokes);
    }
}
