package dev.digitlab.train.coach;

/**
 * The change to the training settings a piece of advice proposes; each field is null when it stays
 * as it is. {@code layers} is in the Training form's notation (e.g. {@code "256"} or
 * {@code "conv5x5x32, pool2, conv3x3x64, pool2, 128"}).
 *
 * @param learningRate the new learning rate
 * @param batchSize    the new batch size
 * @param epochs       the new number of epochs
 * @param dropout      the new dropout rate after the hidden layers
 * @param layers       the new layers before the softmax
 */
public record Suggestion(Double learningRate, Integer batchSize, Integer epochs, Double dropout, String layers) {

    /** A suggestion that changes nothing. */
    public static final Suggestion NONE = new Suggestion(null, null, null, null, null);

    /** Whether it changes nothing. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** This suggestion with another learning rate. */
    public Suggestion withLearningRate(double value) {
        return new Suggestion(value, batchSize, epochs, dropout, layers);
    }

    /** This suggestion with another batch size. */
    public Suggestion withBatchSize(int value) {
        return new Suggestion(learningRate, value, epochs, dropout, layers);
    }

    /** This suggestion with another number of epochs. */
    public Suggestion withEpochs(int value) {
        return new Suggestion(learningRate, batchSize, value, dropout, layers);
    }

    /** This suggestion with another dropout rate. */
    public Suggestion withDropout(double value) {
        return new Suggestion(learningRate, batchSize, epochs, value, layers);
    }

    /** This suggestion with other layers. */
    public Suggestion withLayers(String value) {
        return new Suggestion(learningRate, batchSize, epochs, dropout, value);
    }
}
