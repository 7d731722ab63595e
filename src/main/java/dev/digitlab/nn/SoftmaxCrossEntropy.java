package dev.digitlab.nn;

import dev.digitlab.nn.cpu.HostCopy;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Softmax and categorical cross-entropy fused into one pass over the logits: the loss of a row is
 * {@code logsumexp(z) - z[label]} (stable for any logits, never log(0)), and the gradient with
 * respect to the logits of the mean loss is {@code (softmax(z) - onehot(label)) / n}. The logits
 * of a batch are few (64 x 10), so this runs on the Java side of one bulk copy each way.
 */
final class SoftmaxCrossEntropy {

    private final HostCopy host = new HostCopy();
    private double[] scratch = new double[0];

    /** Loss summed over the rows and the number of rows whose largest logit is the label. */
    record Result(double lossSum, int correct) {
    }

    /**
     * Computes the loss of {@code logits} [n, classes] against {@code labels}, and writes the
     * gradient of the mean loss into {@code gradient} [n, classes].
     */
    Result lossAndGradient(INDArray logits, int[] labels, INDArray gradient) {
        int n = (int) logits.size(0);
        int classes = (int) logits.size(1);
        double[] z = scratch(n * classes);
        host.read(logits, z, n * classes);
        double lossSum = 0;
        int correct = 0;
        for (int r = 0; r < n; r++) {
            int base = r * classes;
            int label = labels[r];
            int best = argmax(z, base, classes);
            if (best == label) {
                correct++;
            }
            double max = z[base + best];
            double labelLogit = z[base + label];
            // One exp per logit, kept for the softmax (these exps were half of the loss's time).
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                double e = Math.exp(z[base + c] - max);
                z[base + c] = e;
                sum += e;
            }
            lossSum += max + Math.log(sum) - labelLogit;
            double scale = 1.0 / (sum * n);
            for (int c = 0; c < classes; c++) {
                z[base + c] *= scale;
            }
            z[base + label] -= 1.0 / n;
        }
        host.write(gradient, z, n * classes);
        return new Result(lossSum, correct);
    }

    /** Replaces each row of {@code z} [n, classes] by its log-softmax. */
    static void logSoftmaxRows(double[] z, int n, int classes) {
        for (int r = 0; r < n; r++) {
            int base = r * classes;
            double logSum = logSumExp(z, base, classes, z[base + argmax(z, base, classes)]);
            for (int c = 0; c < classes; c++) {
                z[base + c] -= logSum;
            }
        }
    }

    static int argmax(double[] z, int base, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (z[base + c] > z[base + best]) {
                best = c;
            }
        }
        return best;
    }

    private static double logSumExp(double[] z, int base, int classes, double max) {
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(z[base + c] - max);
        }
        return max + Math.log(sum);
    }

    private double[] scratch(int size) {
        if (scratch.length != size) {
            scratch = new double[size];
        }
        return scratch;
    }
}
