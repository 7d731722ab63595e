package dev.digitlab.train;

import dev.digitlab.imaging.Preprocessing;
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
 * @param preprocessing   how a drawing is made into this model's input
 * @param origin          where a model not made by DigitLab came from, e.g. {@code "Keras 2.10.0,
 *                        mnist_model.h5"}; null for DigitLab's own
 * @param adaptation      how it was adapted to a user's handwriting; null when it was not
 */
public record TrainedModel(String name, Network network, TrainingConfig config, String datasetName,
                           String datasetChecksum, List<EpochResult> history, double testAccuracy,
                           Instant created, Preprocessing preprocessing, String origin,
                           Adaptation adaptation) {

    public TrainedModel {
        if (network == null) {
            throw new IllegalArgumentException("a trained model needs a network");
        }
        if (preprocessing == null) {
            throw new IllegalArgumentException("a trained model needs a preprocessing recipe");
        }
        history = List.copyOf(history);
    }

    /** A model trained on MNIST as it comes, so with {@link Preprocessing#MNIST}'s recipe. */
    public TrainedModel(String name, Network network, TrainingConfig config, String datasetName,
                        String datasetChecksum, List<EpochResult> history, double testAccuracy, Instant created) {
        this(name, network, config, datasetName, datasetChecksum, history, testAccuracy, created, Preprocessing.MNIST);
    }

    /** A model DigitLab made itself (no {@link #origin()}) with the given recipe. */
    public TrainedModel(String name, Network network, TrainingConfig config, String datasetName,
                        String datasetChecksum, List<EpochResult> history, double testAccuracy, Instant created,
                        Preprocessing preprocessing) {
        this(name, network, config, datasetName, datasetChecksum, history, testAccuracy, created, preprocessing, null,
                null);
    }

    /** A model of DigitLab's or imported from {@code origin}, not adapted to anyone's handwriting. */
    public TrainedModel(String name, Network network, TrainingConfig config, String datasetName,
                        String datasetChecksum, List<EpochResult> history, double testAccuracy, Instant created,
                        Preprocessing preprocessing, String origin) {
        this(name, network, config, datasetName, datasetChecksum, history, testAccuracy, created, preprocessing, origin,
                null);
    }

    /** This model as adapted to a user's handwriting by {@code how}. */
    public TrainedModel adaptedBy(Adaptation how) {
        return new TrainedModel(name, network, config, datasetName, datasetChecksum, history, testAccuracy, created,
                preprocessing, origin, how);
    }

    /** This model with the test accuracy DigitLab measured for it. */
    public TrainedModel withTestAccuracy(double accuracy) {
        return new TrainedModel(name, network, config, datasetName, datasetChecksum, history, accuracy, created,
                preprocessing, origin, adaptation);
    }

    /** Whether this model reads what its recipe makes: as many inputs as the recipe's field has pixels. */
    public boolean readsItsRecipe() {
        return network.inputs() == preprocessing.inputs();
    }

    /** Whether the test accuracy was measured. */
    public boolean hasTestAccuracy() {
        return !Double.isNaN(testAccuracy);
    }

    /** This model under another name (e.g. after "Save as"). */
    public TrainedModel withName(String newName) {
        return new TrainedModel(newName, network, config, datasetName, datasetChecksum, history, testAccuracy,
                created, preprocessing, origin, adaptation);
    }
}
