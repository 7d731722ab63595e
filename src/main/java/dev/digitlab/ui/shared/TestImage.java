package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.TestImage;

import dev.digitlab.train.Predictions;

/**
 * One test image with what the model made of it: its pixels, its true label, the model's ten
 * probabilities and its top prediction. What the gallery, the enlarged view, the random-image view
 * and the Draw tab's "open in Draw" hook pass around. Reads from the evaluation it came from, so
 * a gallery of a thousand images copies nothing until an image is drawn.
 */
public final class TestImage {

    private final Predictions predictions;
    private final int index;

    public TestImage(Predictions predictions, int index) {
        if (index < 0 || index >= predictions.size()) {
            throw new IndexOutOfBoundsException("test image " + index + " of " + predictions.size());
        }
        this.predictions = predictions;
        this.index = index;
    }

    /** The image's position in the test set (0-based). */
    public int index() {
        return index;
    }

    /** A copy of the pixels, row-major, in [0, 1] (0 = background, 1 = ink). */
    public float[] pixels() {
        return predictions.images().image(index);
    }

    public int rows() {
        return predictions.images().rows();
    }

    public int cols() {
        return predictions.images().cols();
    }

    /** The true digit. */
    public int label() {
        return predictions.label(index);
    }

    /** The digit the model gives the highest probability. */
    public int predicted() {
        return predictions.predicted(index);
    }

    /** Whether the model reads the image right. */
    public boolean correct() {
        return label() == predicted();
    }

    /** A copy of the model's probability for each digit. */
    public float[] probabilities() {
        return predictions.probabilities(index);
    }

    /** The probability of the predicted digit. */
    public float topProbability() {
        return predictions.topProbability(index);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestImage t && t.predictions == predictions && t.index == index;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(predictions) * 31 + index;
    }

    @Override
    public String toString() {
        return "test image " + index + " (true " + label() + ", predicted " + predicted() + ")";
    }
}
