package dev.digitlab.train;

import dev.digitlab.nn.Network;
import java.time.Instant;
import java.util.List;

/**
 * A network together with what is known of how it was made: what the app holds as its active
 * model, what a model file stores, and what the Draw tab shows.
 *
 * @param name            a short name for the user (e.g. the file name without extension)
 * @param network         the weights and architecture
 * @param config          how it was trained; null when unknown
 * @param datasetName     the data set it was trained on ("MNIST", "custom"); null when unknown
 * @param datasetChecksum SHA-256 of that data set's training images; null when unknown
 * @param history         one entry per finished epoch
 * @param testAccuracy    accuracy on the test set, or NaN when not measured
 * @param created         when training finished
 * @param adaptation      how it was adapted to a user's handwriting; null when it was not
 */
public record TrainedModel(String name, Network network, TrainingConfig config, String datasetName,
                           String datasetChecksum, List<EpochResult> history, double testAccuracy,
                           Instant created, Adaptation adaptation) {

    public TrainedModel {
        if (network == null) {
            throw new IllegalArgumentException("a trained model needs a network");
        }
        history = List.copyOf(history);
    }

    /** A model that was not adapted to anyone's handwriting. */
    public TrainedModel(String name, Network network, TrainingConfig config, String datasetName,
                        String datasetChecksum, List<EpochResult> history, double testAccuracy, Instant created) {
        this(name, network, config, datasetName, datasetChecksum, history, testAccuracy, created, null);
    }

    /** Whether the test accuracy was measured. */
    public boolean hasTestAccuracy() {
        return !Double.isNaN(testAccuracy);
    }

    /** This model under another name (e.g. after "Save as"). */
    public TrainedModel withName(String newName) {
        return new TrainedModel(newName, network, config, datasetName, datasetChecksum, history, testAccuracy,
                created, adaptation);
    }
}
