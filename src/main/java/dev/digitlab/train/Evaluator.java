package dev.digitlab.train;

import dev.digitlab.data.ImageSet;
import dev.digitlab.nn.Network;

/** Measures a model's loss, accuracy and confusion matrix on a set of images, in large batches. */
public final class Evaluator {

    private static final int BATCH = 1000;

    private Evaluator() {
    }

    /** Evaluates {@code model} on every image of {@code images}. */
    public static Evaluation evaluate(Network model, ImageSet images) {
        int classes = model.classes();
        int[][] confusion = new int[classes][classes];
        double lossSum = 0;
        int correct = 0;
        int pixels = images.imageSize();
        float[] batch = new float[Math.min(BATCH, Math.max(images.size(), 1)) * pixels];
        for (int from = 0; from < images.size(); from += BATCH) {
            int n = Math.min(BATCH, images.size() - from);
            for (int i = 0; i < n; i++) {
                images.copyImage(from + i, batch, i * pixels);
            }
            double[] logProbs = model.logProbabilities(batch, n);
            for (int i = 0; i < n; i++) {
                int label = images.label(from + i);
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (logProbs[i * classes + c] > logProbs[i * classes + best]) {
                        best = c;
                    }
                }
                lossSum -= logProbs[i * classes + label];
                confusion[label][best]++;
                if (best == label) {
                    correct++;
                }
            }
        }
        int n = images.size();
        return new Evaluation(n == 0 ? Double.NaN : lossSum / n, n == 0 ? Double.NaN : (double) correct / n, confusion);
    }
}
