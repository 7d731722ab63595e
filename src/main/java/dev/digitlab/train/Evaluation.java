package dev.digitlab.train;

/**
 * How well a model does on a set of images.
 *
 * @param loss      mean categorical cross-entropy
 * @param accuracy  fraction classified right
 * @param confusion {@code confusion[actual][predicted]} counts, 10 x 10
 */
public record Evaluation(double loss, double accuracy, int[][] confusion) {

    /** Number of images evaluated. */
    public int count() {
        int n = 0;
        for (int[] row : confusion) {
            for (int v : row) {
                n += v;
            }
        }
        return n;
    }
}
