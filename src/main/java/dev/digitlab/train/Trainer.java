package dev.digitlab.train;

import dev.digitlab.data.BatchOrder;
import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.nn.BatchTrainer;
import dev.digitlab.nn.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras's {@code fit}: for each epoch, shuffle the training images (seeded), step through them in
 * batches, then evaluate on the validation images. Progress leaves only through the listener,
 * which may cancel before any batch; a cancelled run leaves the model with the weights of its last
 * batch.
 */
public final class Trainer {

    private Trainer() {
    }

    /**
     * Trains {@code model} in place.
     *
     * @throws TrainingException when the loss stops being a finite number (the learning rate is too large)
     */
    public static TrainingResult fit(Network model, MnistDataset data, TrainingConfig config,
                                     TrainingListener listener) {
        MnistDataset.TrainValidation split = data.split(config.validationSplit());
        return new Run(model, split.train(), split.validation(), config, listener).run();
    }

    /** The state of one fit: a few short methods around the loop. */
    private static final class Run {

        private final Network model;
        private final ImageSet train;
        private final ImageSet validation;
        private final TrainingConfig config;
        private final TrainingListener listener;
        private final BatchTrainer steps;
        private final BatchOrder order;
        private final int batches;
        private final float[] images;
        private final int[] labels;
        private final List<EpochResult> history = new ArrayList<>();

        Run(Network model, ImageSet train, ImageSet validation, TrainingConfig config, TrainingListener listener) {
            if (train.size() == 0) {
                throw new TrainingException("there are no training images left after the validation split of "
                        + config.validationSplit());
            }
            if (train.imageSize() != model.inputs()) {
                throw new TrainingException("the model takes " + model.inputs() + " inputs but the images have "
                        + train.imageSize() + " pixels");
            }
            for (int i = 0; i < train.size(); i++) {
                if (train.label(i) < 0 || train.label(i) >= model.classes()) {
                    throw new TrainingException("training image " + i + " has the label " + train.label(i)
                            + ", but the model knows only " + model.classes() + " classes");
                }
            }
            this.model = model;
            this.train = train;
            this.validation = validation;
            this.config = config;
            this.listener = listener == null ? TrainingListener.NONE : listener;
            this.steps = new BatchTrainer(model, config.optimizer());
            this.order = new BatchOrder(train.size(), config.seed());
            this.batches = order.batchCount(config.batchSize());
            this.images = new float[config.batchSize() * train.imageSize()];
            this.labels = new int[config.batchSize()];
        }

        TrainingResult run() {
            listener.onStart(config.epochs(), batches);
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                if (!runEpoch(epoch)) {
                    return new TrainingResult(history, true);
                }
            }
            return new TrainingResult(history, false);
        }

        /** One epoch; false when cancelled. */
        private boolean runEpoch(int epoch) {
            int[] permutation = order.epoch(epoch - 1);
            long start = System.nanoTime();
            double lossSum = 0;
            long correct = 0;
            long seen = 0;
            for (int b = 0; b < batches; b++) {
                if (listener.isCancelled()) {
                    return false;
                }
                int count = gather(permutation, b);
                BatchTrainer.StepResult r = steps.step(images, labels, count);
                checkFinite(r, epoch, b + 1);
                lossSum += r.lossSum();
                correct += r.correct();
                seen += count;
                double seconds = (System.nanoTime() - start) / 1e9;
                listener.onBatch(new BatchProgress(epoch, config.epochs(), b + 1, batches, lossSum / seen,
                        (double) correct / seen, seconds > 0 ? seen / seconds : 0));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            EpochResult result = validated(epoch, lossSum / seen, (double) correct / seen, seconds);
            history.add(result);
            listener.onEpoch(result);
            return true;
        }

        /** Copies batch {@code b} of the permutation into the batch buffers; returns its size. */
        private int gather(int[] permutation, int b) {
            int from = b * config.batchSize();
            int count = Math.min(config.batchSize(), permutation.length - from);
            int pixels = train.imageSize();
            for (int i = 0; i < count; i++) {
                int index = permutation[from + i];
                train.copyImage(index, images, i * pixels);
                labels[i] = train.label(index);
            }
            return count;
        }

        private void checkFinite(BatchTrainer.StepResult r, int epoch, int batch) {
            if (!Double.isFinite(r.lossSum())) {
                double lr = config.optimizer().learningRate();
                String suggestion = lr > 0.001 ? "; try 0.001" : "; try a ten times smaller one";
                throw new NonFiniteLossException("the loss became " + (Double.isNaN(r.lossSum()) ? "NaN" : "infinite")
                        + " in epoch " + epoch + ", batch " + batch + ": the learning rate " + lr
                        + " is probably too large" + suggestion, lr, epoch);
            }
        }

        private EpochResult validated(int epoch, double loss, double accuracy, double seconds) {
            if (validation.size() == 0) {
                return new EpochResult(epoch, config.epochs(), loss, accuracy, Double.NaN, Double.NaN, seconds);
            }
            Evaluation v = Evaluator.evaluate(model, validation);
            return new EpochResult(epoch, config.epochs(), loss, accuracy, v.loss(), v.accuracy(), seconds);
        }
    }
}
