package dev.digitlab.train;

import dev.digitlab.nn.optim.OptimizerConfig;

/**
 * How to train: Keras's {@code fit} arguments.
 *
 * @param epochs          passes over the training images
 * @param batchSize       images per optimizer step
 * @param validationSplit the last fraction of the training images held out for validation, in [0, 1)
 * @param seed            makes the batch order (and dropout) repeatable
 * @param optimizer       the optimizer and its settings
 */
public record TrainingConfig(int epochs, int batchSize, double validationSplit, long seed, OptimizerConfig optimizer) {

    /**
     * The largest batch a new training run takes: MNIST's 60,000 training images (a larger batch
     * is the whole set anyway, and its buffers would overflow). Not checked on a loaded model,
     * whose settings are only its history.
     */
    public static final int MAX_BATCH = 60_000;

    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("the number of epochs must be at least 1, not " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, not " + batchSize);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("the validation split must be in [0, 1), not " + validationSplit);
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("an optimizer is needed");
        }
    }

    /** The Keras tutorial's settings: 10 epochs, batch 64, validation 0.2, Adam(0.001, decay=1e-6), seed 42. */
    public static TrainingConfig tutorial() {
        return new TrainingConfig(10, 64, 0.2, 42, OptimizerConfig.adam(0.001, 1e-6));
    }
}
