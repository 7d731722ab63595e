package dev.digitlab.train;

import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import java.time.Instant;
import java.util.Optional;

/**
 * One whole training job, the same for the Training tab and {@code digitlab train}: builds the
 * network from the spec (its weights seeded by the config's seed), fits it with the
 * {@link Trainer}, tests it on the test images and assembles the {@link TrainedModel}.
 *
 * @param spec      the network to build
 * @param config    how to train it; its seed also initialises the weights
 * @param data      the training and test images
 * @param modelName the name the trained model gets
 * @param start     the network to go on training from its weights (fine-tuning, e.g. a learner's
 *                  Keras model), or null to build a new one from {@code spec}
 * @param extra     training images added to the data set's (e.g. pen digits), or null
 * @param augmenter varies every training image each epoch (shifts, rotation, pen width), or null
 * @param dataName  the training data's name the model records (the data set's when null)
 */
public record TrainingJob(ModelSpec spec, TrainingConfig config, MnistDataset data, String modelName, Network start,
                          ImageSet extra, Augmenter augmenter, String dataName) {

    /** A job that trains a new network built from {@code spec}. */
    public TrainingJob(ModelSpec spec, TrainingConfig config, MnistDataset data, String modelName) {
        this(spec, config, data, modelName, null, null, null, null);
    }

    /** A job that goes on training {@code start} from its weights. */
    public static TrainingJob from(Network start, TrainingConfig config, MnistDataset data, String modelName) {
        return new TrainingJob(start.spec(), config, data, modelName, start, null, null, null);
    }

    /** This job with {@code images} added to the training images, recorded under the name {@code name}. */
    public TrainingJob withExtra(ImageSet images, String name) {
        return new TrainingJob(spec, config, data, modelName, start, images, augmenter, name);
    }

    /** This job with every training image varied each epoch by {@code by} (null: not varied). */
    public TrainingJob augmented(Augmenter by) {
        return new TrainingJob(spec, config, data, modelName, start, extra, by, dataName);
    }

    /**
     * What a job produced.
     *
     * @param model   the trained model, tested
     * @param test    its figures on the test images
     * @param stopped whether the listener ended the run before its last epoch
     */
    public record Outcome(TrainedModel model, Evaluation test, boolean stopped) {
    }

    /**
     * Runs the job on the calling thread.
     *
     * @param listener hears the progress and may stop the run after any batch; a stopped run's model
     *                 is still tested and returned, unless the listener {@linkplain
     *                 TrainingListener#isAbandoned() abandoned} it
     * @return the outcome, or empty when the run was abandoned
     * @throws TrainingException when the data do not fit the network or the loss stops being finite
     */
    public Optional<Outcome> run(TrainingListener listener) {
        TrainingListener heard = listener == null ? TrainingListener.NONE : listener;
        TrainingMemory.requireRoom(spec, config.batchSize());
        Network network = start != null ? start : Network.create(spec, config.seed());
        TrainingResult result = Trainer.fit(network, data, extra, augmenter, config, heard);
        if (result.cancelled() && heard.isAbandoned()) {
            return Optional.empty();
        }
        Evaluation test = Evaluator.evaluate(network, data.test());
        TrainedModel model = new TrainedModel(modelName, network, config, dataName == null ? data.name() : dataName, data.checksum(),
                result.history(), test.accuracy(), Instant.now());
        return Optional.of(new Outcome(model, test, result.cancelled()));
    }
}
