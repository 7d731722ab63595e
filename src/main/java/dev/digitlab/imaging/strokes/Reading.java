package dev.digitlab.imaging.strokes;

import dev.digitlab.imaging.GrayImage;

/**
 * What the network made of one state of the drawing: the 28x28 input it received and its
 * probabilities, and the same for the naive whole-canvas shrink, shown beside it for contrast.
 *
 * @param input              the MNIST-style 28x28 input, or null when nothing is drawn
 * @param probabilities      ten probabilities for {@code input}, or null without a model
 * @param naiveInput         the whole canvas shrunk to 28x28, or null when nothing is drawn
 * @param naiveProbabilities ten probabilities for {@code naiveInput}, or null without a model
 */
public record Reading(GrayImage input, float[] probabilities, GrayImage naiveInput, float[] naiveProbabilities) {

    /** Nothing drawn: nothing to show. */
    public static final Reading EMPTY = new Reading(null, null, null, null);

    /** Whether there is a drawing to show. */
    public boolean drawn() {
        return input != null;
    }

    /**
     * Whether every probability is a number. A model whose weights are so large that its sums
     * overflow gives NaN; such a reading is shown {@link #withoutProbabilities() without them}.
     */
    public boolean finite() {
        return finite(probabilities) && finite(naiveProbabilities);
    }

    /** The same inputs, with no probabilities: shown as a drawing no model has read. */
    public Reading withoutProbabilities() {
        return new Reading(input, null, naiveInput, null);
    }

    private static boolean finite(float[] p) {
        if (p != null) {
            for (float v : p) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The predicted digit (the most probable), or -1 without probabilities. */
    public int digit() {
        return argmax(probabilities);
    }

    /** The naive shrink's predicted digit, or -1 without probabilities. */
    public int naiveDigit() {
        return argmax(naiveProbabilities);
    }

    public static int argmax(float[] p) {
        if (p == null) {
            return -1;
        }
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
