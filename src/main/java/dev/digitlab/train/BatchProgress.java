package dev.digitlab.train;

/**
 * Progress after one batch.
 *
 * @param epoch             1-based epoch
 * @param epochs            epochs in the run
 * @param batch             1-based batch within the epoch
 * @param batches           batches per epoch
 * @param loss              mean loss over the epoch's batches so far
 * @param accuracy          fraction right over the epoch's batches so far
 * @param samplesPerSecond  training speed over the epoch so far
 */
public record BatchProgress(int epoch, int epochs, int batch, int batches, double loss, double accuracy,
                            double samplesPerSecond) {
}
