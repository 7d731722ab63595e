package dev.digitlab.imaging.strokes;

import dev.digitlab.imaging.strokes.Stroke;
import dev.digitlab.imaging.strokes.StrokeTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StrokeTest {

    @Test
    void pathRunsFromTheFirstToTheLastPosition() {
        Stroke s = new Stroke(10, new float[] {10, 10, 50, 10, 50, 50, 90, 50});
        float[] path = s.path();
        assertEquals(10, path[0]);
        assertEquals(10, path[1]);
        assertEquals(90, path[path.length - 2]);
        assertEquals(50, path[path.length - 1]);
    }

    @Test
    void pathCutsCornersIntoSmoothCurvesOfShortPieces() {
        // A right angle at (100, 0): the curve passes inside the corner, never through it.
        Stroke s = new Stroke(10, new float[] {0, 0, 100, 0, 100, 100});
        float[] path = s.path();
        double closestToCorner = Double.MAX_VALUE;
        for (int i = 0; i < path.length; i += 2) {
            closestToCorner = Math.min(closestToCorner, Math.hypot(path[i] - 100, path[i + 1]));
            // Every piece but the straight tail.
            if (i >= 2 && i < path.length - 2) {
                assertTrue(Math.hypot(path[i] - path[i - 2], path[i + 1] - path[i - 1]) <= 2.0 + 1e-4,
                        "piece " + i / 2 + " is longer than 2 units");
            }
        }
        // The oracle: the quadratic from the start (0,0) to the midpoint (100,50) with the corner as
        // its control point, sampled finely.
        double expected = Double.MAX_VALUE;
        for (int k = 0; k <= 100_000; k++) {
            double t = k / 100_000.0;
            double x = 2 * t * (1 - t) * 100 + t * t * 100;
            double y = t * t * 50;
            expected = Math.min(expected, Math.hypot(x - 100, y));
        }
        assertTrue(expected > 20, "the corner is cut: " + expected);
        assertEquals(expected, closestToCorner, 0.1);
    }

    @Test
    void curvesJoinEndToEndAndTheTailFollowsTheLast() {
        Stroke s = new Stroke(10, new float[] {0, 0, 20, 5, 40, 0, 60, 10, 80, 0});
        for (int i = 1; i < s.size() - 2; i++) {
            float[] a = s.curve(i);
            float[] b = s.curve(i + 1);
            assertEquals(a[a.length - 2], b[0], 1e-4);
            assertEquals(a[a.length - 1], b[1], 1e-4);
        }
        float[] last = s.curve(s.size() - 2);
        float[] tail = s.tail();
        assertEquals(last[last.length - 2], tail[0], 1e-4);
        assertEquals(last[last.length - 1], tail[1], 1e-4);
        assertEquals(80, tail[2]);
        assertEquals(0, tail[3]);
        assertThrows(IndexOutOfBoundsException.class, () -> s.curve(0));
        assertThrows(IndexOutOfBoundsException.class, () -> s.curve(s.size() - 1));
    }

    @Test
    void aCurveDoesNotChangeWhenTheStrokeGrows() {
        Stroke shorter = new Stroke(10, new float[] {0, 0, 20, 5, 40, 0});
        Stroke longer = new Stroke(10, new float[] {0, 0, 20, 5, 40, 0, 60, 30});
        assertArrayEquals(shorter.curve(1), longer.curve(1));
        assertTrue(longer.extendsStroke(shorter));
        assertFalse(shorter.extendsStroke(longer));
        assertFalse(new Stroke(12, new float[] {0, 0, 20, 5, 40, 0, 60, 30}).extendsStroke(shorter),
                "another pen");
        assertFalse(new Stroke(10, new float[] {0, 1, 20, 5, 40, 0, 60, 30}).extendsStroke(shorter),
                "another start");
    }

    @Test
    void oneOrTwoPositionsAreADotOrAStraightLine() {
        assertArrayEquals(new float[] {5, 6}, new Stroke(10, new float[] {5, 6}).path());
        assertArrayEquals(new float[] {5, 6, 5, 6}, new Stroke(10, new float[] {5, 6}).tail());
        assertArrayEquals(new float[] {5, 6, 30, 40}, new Stroke(10, new float[] {5, 6, 30, 40}).path());
    }

    @Test
    void aStrokeNeedsAPenAndWholePoints() {
        assertThrows(IllegalArgumentException.class, () -> new Stroke(0, new float[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new Stroke(5, new float[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> new Stroke(5, new float[0]));
    }
}
