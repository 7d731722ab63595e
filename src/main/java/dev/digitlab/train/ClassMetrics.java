package dev.digitlab.train;

/**
 * Precision and recall of each class, read off a confusion matrix.
 *
 * <p>Precision of class c: of the images the model called c, the fraction that are c
 * ({@code confusion[c][c] / column sum}). Recall of class c: of the images that are c, the
 * fraction the model called c ({@code confusion[c][c] / row sum}). Either is NaN when its
 * denominator is 0 (no image called c, or no image of c), where it is undefined.
 */
public final class ClassMetrics {

    private final int[] support;
    private final int[] predictedCount;
    private final int[] correct;

    private ClassMetrics(int[] support, int[] predictedCount, int[] correct) {
        this.support = support;
        this.predictedCount = predictedCount;
        this.correct = correct;
    }

    /**
     * The metrics of a square confusion matrix {@code confusion[actual][predicted]}.
     *
     * @throws IllegalArgumentException when the matrix is not square
     */
    public static ClassMetrics of(int[][] confusion) {
        int n = confusion.length;
        int[] support = new int[n];
        int[] predictedCount = new int[n];
        int[] correct = new int[n];
        for (int actual = 0; actual < n; actual++) {
            if (confusion[actual].length != n) {
                throw new IllegalArgumentException("a confusion matrix must be square, but row " + actual + " has "
                        + confusion[actual].length + " values for " + n + " classes");
            }
            for (int predicted = 0; predicted < n; predicted++) {
                support[actual] += confusion[actual][predicted];
                predictedCount[predicted] += confusion[actual][predicted];
            }
            correct[actual] = confusion[actual][actual];
        }
        return new ClassMetrics(support, predictedCount, correct);
    }

    /** Number of classes. */
    public int classes() {
        return support.length;
    }

    /** How many images are of class {@code c}. */
    public int support(int c) {
        return support[c];
    }

    /** How many images the model called {@code c}. */
    public int predictedCount(int c) {
        return predictedCount[c];
    }

    /** Of the images called {@code c}, the fraction that are {@code c}; NaN when none was called c. */
    public double precision(int c) {
        return predictedCount[c] == 0 ? Double.NaN : (double) correct[c] / predictedCount[c];
    }

    /** Of the images of class {@code c}, the fraction called {@code c}; NaN when there are none. */
    public double recall(int c) {
        return support[c] == 0 ? Double.NaN : (double) correct[c] / support[c];
    }

    /** The harmonic mean of precision and recall; NaN when either is undefined, 0 when both are 0. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        if (Double.isNaN(p) || Double.isNaN(r)) {
            return Double.NaN;
        }
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
