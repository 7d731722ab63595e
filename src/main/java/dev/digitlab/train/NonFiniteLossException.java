package dev.digitlab.train;

/**
 * The loss became NaN or infinite, so the run stopped: the learning rate is almost always too
 * large. Carries the learning rate, so advice can say what to change instead of parsing the message.
 */
public final class NonFiniteLossException extends TrainingException {

    private final double learningRate;
    private final int epoch;

    /**
     * @param message      the sentence for the user
     * @param learningRate the learning rate of the run
     * @param epoch        the 1-based epoch in which the loss stopped being finite
     */
    public NonFiniteLossException(String message, double learningRate, int epoch) {
        super(message);
        this.learningRate = learningRate;
        this.epoch = epoch;
    }

    /** The learning rate of the run that failed. */
    public double learningRate() {
        return learningRate;
    }

    /** The 1-based epoch in which the loss stopped being finite. */
    public int epoch() {
        return epoch;
    }
}
