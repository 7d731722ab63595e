package dev.digitlab.train;

import dev.digitlab.data.ImageSet;
import dev.digitlab.nn.Network;
import java.util.Arrays;

/**
 * What a model says about every image of a set: the class probabilities and the top prediction of
 * each image, next to its true label. From these come the loss, the accuracy and the confusion
 * matrix (as {@link Evaluator} computes them), and the lists of images behind each cell of the
 * matrix, e.g. every 4 the model read as a 9.
 *
 * <p>Immutable once computed; the probabilities take {@code 40 bytes} per image (400 KB for the
 * 10,000 MNIST test images).
 */
public final class Predictions {

    private static final int BATCH = 1000;

    private final ImageSet images;
    private final int classes;
    private final float[] probabilities;
    private final byte[] predicted;
    private final double loss;

    private Predictions(ImageSet images, int classes, float[] probabilities, byte[] predicted, double loss) {
        this.images = images;
        this.classes = classes;
        this.probabilities = probabilities;
        this.predicted = predicted;
        this.loss = loss;
    }

    /**
     * Runs {@code model} over every image of {@code images}, in batches of a thousand.
     *
     * @throws IllegalArgumentException when the images do not have the size the model takes
     */
    public static Predictions of(Network model, ImageSet images) {
        int pixels = images.imageSize();
        if (pixels != model.inputs()) {
            throw new IllegalArgumentException("the model takes " + model.inputs() + " pixels per image, but the "
                    + "images have " + pixels);
        }
        int classes = model.classes();
        if (classes > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("predictions are kept for up to 127 classes, not " + classes);
        }
        int n = images.size();
        float[] probabilities = new float[n * classes];
        byte[] predicted = new byte[n];
        double lossSum = 0;
        float[] batch = new float[Math.min(BATCH, Math.max(n, 1)) * pixels];
        for (int from = 0; from < n; from += BATCH) {
            int count = Math.min(BATCH, n - from);
            for (int i = 0; i < count; i++) {
                images.copyImage(from + i, batch, i * pixels);
            }
            double[] logProbs = model.logProbabilities(batch, count);
            for (int i = 0; i < count; i++) {
                int row = i * classes;
                int best = 0;
                for (int c = 0; c < classes; c++) {
                    probabilities[(from + i) * classes + c] = (float) Math.exp(logProbs[row + c]);
                    if (logProbs[row + c] > logProbs[row + best]) {
                        best = c;
                    }
                }
                predicted[from + i] = (byte) best;
                lossSum -= logProbs[row + images.label(from + i)];
            }
        }
        return new Predictions(images, classes, probabilities, predicted, n == 0 ? Double.NaN : lossSum / n);
    }

    /** The images the predictions are about. */
    public ImageSet images() {
        return images;
    }

    /** Number of images. */
    public int size() {
        return predicted.length;
    }

    /** Number of classes. */
    public int classes() {
        return classes;
    }

    /** The true class of image {@code i}. */
    public int label(int i) {
        return images.label(i);
    }

    /** The class the model gives image {@code i} the highest probability. */
    public int predicted(int i) {
        return predicted[i];
    }

    /** A copy of the class probabilities of image {@code i}. */
    public float[] probabilities(int i) {
        return Arrays.copyOfRange(probabilities, i * classes, (i + 1) * classes);
    }

    /** The probability of the predicted class of image {@code i}: how sure the model is. */
    public float topProbability(int i) {
        return probabilities[i * classes + predicted[i]];
    }

    /** Mean categorical cross-entropy; NaN for no images. */
    public double loss() {
        return loss;
    }

    /** The loss, the accuracy and the confusion matrix, as {@link Evaluator#evaluate} gives them. */
    public Evaluation evaluation() {
        int[][] confusion = new int[classes][classes];
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            confusion[label(i)][predicted[i]]++;
            if (label(i) == predicted[i]) {
                correct++;
            }
        }
        int n = predicted.length;
        return new Evaluation(loss, n == 0 ? Double.NaN : (double) correct / n, confusion);
    }

    /** The indices of the images of class {@code actual} that the model read as {@code predictedClass}, in order. */
    public int[] indices(int actual, int predictedClass) {
        int[] out = new int[predicted.length];
        int count = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == predictedClass && label(i) == actual) {
                out[count++] = i;
            }
        }
        return Arrays.copyOf(out, count);
    }
}
