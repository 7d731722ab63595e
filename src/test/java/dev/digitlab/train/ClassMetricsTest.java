package dev.digitlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassMetricsTest {

    /**
     * Rows are the true class, columns the prediction:
     * <pre>
     *        p0 p1 p2
     *   a0 [  5  1  0 ]   6 images of class 0
     *   a1 [  2  3  1 ]   6 images of class 1
     *   a2 [  0  0  4 ]   4 images of class 2
     *          7  4  5    predictions per class
     * </pre>
     */
    private static final int[][] CONFUSION = {{5, 1, 0}, {2, 3, 1}, {0, 0, 4}};

    @Test
    void precisionIsTheDiagonalOverTheColumnSum() {
        ClassMetrics m = ClassMetrics.of(CONFUSION);
        assertEquals(5.0 / 7, m.precision(0), 1e-12);
        assertEquals(3.0 / 4, m.precision(1), 1e-12);
        assertEquals(4.0 / 5, m.precision(2), 1e-12);
    }

    @Test
    void recallIsTheDiagonalOverTheRowSum() {
        ClassMetrics m = ClassMetrics.of(CONFUSION);
        assertEquals(5.0 / 6, m.recall(0), 1e-12);
        assertEquals(3.0 / 6, m.recall(1), 1e-12);
        assertEquals(1.0, m.recall(2), 1e-12);
    }

    @Test
    void supportAndPredictedCountsAreRowAndColumnSums() {
        ClassMetrics m = ClassMetrics.of(CONFUSION);
        assertEquals(6, m.support(0));
        assertEquals(6, m.support(1));
        assertEquals(4, m.support(2));
        assertEquals(7, m.predictedCount(0));
        assertEquals(4, m.predictedCount(1));
        assertEquals(5, m.predictedCount(2));
        assertEquals(3, m.classes());
    }

    @Test
    void f1IsTheHarmonicMeanOfPrecisionAndRecall() {
        ClassMetrics m = ClassMetrics.of(CONFUSION);
        // class 1: p = 3/4, r = 1/2 -> 2 * 3/8 / (5/4) = 0.6
        assertEquals(0.6, m.f1(1), 1e-12);
    }

    @Test
    void undefinedRatesAreNaNNotZero() {
        // Class 1 has no images and is never predicted; class 2 is never predicted.
        ClassMetrics m = ClassMetrics.of(new int[][] {{3, 0, 0}, {0, 0, 0}, {2, 0, 0}});
        assertTrue(Double.isNaN(m.recall(1)), "no images of class 1");
        assertTrue(Double.isNaN(m.precision(1)), "nothing called 1");
        assertTrue(Double.isNaN(m.precision(2)), "nothing called 2");
        assertEquals(0.0, m.recall(2), 1e-12, "both 2s were called 0");
        assertEquals(3.0 / 5, m.precision(0), 1e-12);
        assertTrue(Double.isNaN(m.f1(2)));
    }

    @Test
    void aMatrixThatIsNotSquareIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassMetrics.of(new int[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("square"), e.getMessage());
    }
}
