package dev.digitlab.train;

/**
 * The figures Keras prints after an epoch.
 *
 * @param epoch       1-based epoch
 * @param epochs      epochs in the run
 * @param loss        mean training loss over the epoch (weights changing as it goes, as Keras)
 * @param accuracy    training accuracy over the epoch
 * @param valLoss     loss on the validation images after the epoch; NaN without validation
 * @param valAccuracy accuracy on the validation images; NaN without validation
 * @param seconds     time spent training the epoch, without validation
 */
public record EpochResult(int epoch, int epochs, double loss, double accuracy, double valLoss, double valAccuracy,
                          double seconds) {

    /** Whether the run held out validation images. */
    public boolean hasValidation() {
        return !Double.isNaN(valLoss);
    }
}
