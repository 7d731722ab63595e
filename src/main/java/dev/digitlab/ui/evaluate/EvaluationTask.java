package dev.digitlab.ui.evaluate;

import dev.digitlab.ui.evaluate.EvaluationTask;

import dev.digitlab.data.ImageSet;
import dev.digitlab.nn.Network;
import dev.digitlab.train.Predictions;
import dev.digitlab.ui.shared.Messages;
import javafx.concurrent.Task;

/**
 * Runs a model over the test images in the background and keeps how long that took. A model whose
 * outputs are not numbers (its sums overflow) fails with a sentence instead of showing NaN.
 */
final class EvaluationTask extends Task<Predictions> {

    private final Network network;
    private final ImageSet images;
    private volatile long nanos;

    EvaluationTask(Network network, ImageSet images) {
        this.network = network;
        this.images = images;
    }

    @Override
    protected Predictions call() {
        long start = System.nanoTime();
        Predictions predictions = Predictions.of(network, images);
        if (!Double.isFinite(predictions.loss())) {
            throw new IllegalArgumentException(Messages.get("evaluate.notANumber"));
        }
        nanos = System.nanoTime() - start;
        return predictions;
    }

    /** How long the evaluation took, in seconds (valid once the task succeeded). */
    double seconds() {
        return nanos / 1e9;
    }
}
