package dev.digitlab.train;

/**
 * How to fine-tune a trained model on a user's own drawings (see {@link FineTuner}).
 *
 * @param steps        optimizer steps (Adam, a fresh state)
 * @param batchSize    images per step
 * @param ownPerBatch  how many of each batch are the user's drawings (jittered); the rest are MNIST
 *                     training images, which keep the model from forgetting MNIST
 * @param learningRate Adam's learning rate
 * @param jitter       the random changes each drawing gets every time it is used
 * @param seed         makes the choice of images and the jitter repeatable
 */
public record FineTuneConfig(int steps, int batchSize, int ownPerBatch, double learningRate, Jitter jitter,
                             long seed) {

    public FineTuneConfig {
        if (steps < 1 || batchSize < 1) {
            throw new IllegalArgumentException("steps and batch size must be at least 1: " + steps + ", "
                    + batchSize);
        }
        if (ownPerBatch < 1 || ownPerBatch > batchSize) {
            throw new IllegalArgumentException("the drawings per batch must be 1 to " + batchSize + ", not "
                    + ownPerBatch);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("the learning rate must be positive: " + learningRate);
        }
        if (jitter == null) {
            throw new IllegalArgumentException("a jitter is needed (Jitter.NONE for none)");
        }
    }

    /** The settings "Teach the model" and {@code digitlab adapt} use, measured on pen-written digits. */
    public static FineTuneConfig standard() {
        return new FineTuneConfig(25, 64, 24, 1e-3, new Jitter(12, 0.12, 1.5), 42);
    }

    /** These settings with another number of steps. */
    public FineTuneConfig withSteps(int n) {
        return new FineTuneConfig(n, batchSize, ownPerBatch, learningRate, jitter, seed);
    }

    /** These settings with another seed. */
    public FineTuneConfig withSeed(long s) {
        return new FineTuneConfig(steps, batchSize, ownPerBatch, learningRate, jitter, s);
    }
}
