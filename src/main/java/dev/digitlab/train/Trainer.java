package dev.digitlab.train;

import dev.digitlab.data.BatchOrder;
import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.nn.BatchTrainer;
import dev.digitlab.nn.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Keras's {@code fit}: for each epoch, shuffle the training images (seeded), step through them in
 * batches, then evaluate on the validation images. Progress leaves only through the listener,
 * which may cancel before any batch; a cancelled run leaves the model with the weights of its last
 * batch. With augmentation, the next batch is gathered and changed on another thread while the
 * network learns from this one, and the training thread lends a hand with what is left of it
 * when it is done learning ({@link NextBatch}), so both cores work and neither waits for the other.
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
        return fit(model, data, null, null, config, listener);
    }

    /**
     * Trains {@code model} in place on {@code data}'s training images and {@code extra} ones, each
     * changed by {@code augmenter} every time it is used.
     *
     * @param extra     images added to the training images after the validation split (so never
     *                  validated on), or null
     * @param augmenter the training-time augmentation, or null for none
     * @throws TrainingException when the loss stops being a finite number (the learning rate is too large)
     */
    public static TrainingResult fit(Network model, MnistDataset data, ImageSet extra, Augmenter augmenter,
                                     TrainingConfig config, TrainingListener listener) {
        MnistDataset.TrainValidation split = data.split(config.validationSplit());
        ImageSet train = extra == null ? split.train() : ImageSet.concat(List.of(split.train(), extra));
        return new Run(model, train, split.validation(), config, augmenter, listener).run();
    }

    /** The state of one fit: a few short methods around the loop. */
    private static final class Run {

        private final Network model;
        private final ImageSet train;
        private final ImageSet validation;
        private final TrainingConfig config;
        private final TrainingListener listener;
        private final Augmenter augmenter;
        private final BatchTrainer steps;
        private final BatchOrder order;
        private final int batches;
        /** Two batches' buffers: one learnt from while the other is prepared. */
        private final float[][] images = new float[2][];
        private final int[][] labels = new int[2][];
        private final List<EpochResult> history = new ArrayList<>();
        /** Prepares the next batch while the network learns from this one; null without augmentation. */
        private ExecutorService preparer;
        /** Each preparing thread's copy of the image being changed. */
        private final ThreadLocal<float[]> original;

        Run(Network model, ImageSet train, ImageSet validation, TrainingConfig config, Augmenter augmenter,
            TrainingListener listener) {
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
            if (augmenter != null && train.rows() != train.cols()) {
                throw new TrainingException("augmentation needs square images, not " + train.rows() + "x" + train.cols());
            }
            this.model = model;
            this.train = train;
            this.validation = validation;
            this.config = config;
            this.listener = listener == null ? TrainingListener.NONE : listener;
            this.augmenter = augmenter;
            this.steps = new BatchTrainer(model, config.optimizer());
            this.order = new BatchOrder(train.size(), config.seed());
            this.batches = order.batchCount(config.batchSize());
            for (int k = 0; k < 2; k++) {
                images[k] = new float[config.batchSize() * train.imageSize()];
                labels[k] = new int[config.batchSize()];
            }
            this.original = ThreadLocal.withInitial(() -> new float[train.imageSize()]);
        }

        TrainingResult run() {
            if (augmenter != null) {
                preparer = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "digitlab-batches");
                    t.setDaemon(true);
                    return t;
                });
            }
            try {
                listener.onStart(config.epochs(), batches);
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    if (!runEpoch(epoch)) {
                        return new TrainingResult(history, true);
                    }
                }
                return new TrainingResult(history, false);
            } finally {
                if (preparer != null) {
                    preparer.shutdownNow();
                }
            }
        }

        /** One epoch; false when cancelled. */
        private boolean runEpoch(int epoch) {
            int[] permutation = order.epoch(epoch - 1);
            long start = System.nanoTime();
            double lossSum = 0;
            long correct = 0;
            long seen = 0;
            NextBatch next = prepare(permutation, epoch, 0);
            for (int b = 0; b < batches; b++) {
                if (listener.isCancelled()) {
                    return false;
                }
                int count = next.await();
                // Batch b + 1 goes into the other buffers, which batch b - 1 has finished with.
                next = b + 1 < batches ? prepare(permutation, epoch, b + 1) : null;
                BatchTrainer.StepResult r = steps.step(images[b % 2], labels[b % 2], count);
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

        /** Batch {@code b} made ready in buffers {@code b % 2}: started on the preparer thread, or here and now. */
        private NextBatch prepare(int[] permutation, int epoch, int b) {
            int from = b * config.batchSize();
            NextBatch batch = new NextBatch(permutation, epoch, from, Math.min(config.batchSize(), permutation.length - from),
                    b % 2);
            if (preparer == null) {
                batch.work();
            } else {
                preparer.execute(batch::work);
            }
            return batch;
        }

        /**
         * Copies image {@code i} of the batch starting at {@code from} in the permutation into slot
         * {@code i} of buffers {@code buffer}, changed by the augmenter if there is one.
         */
        private void gather(int[] permutation, int epoch, int from, int i, int buffer) {
            int pixels = train.imageSize();
            int index = permutation[from + i];
            labels[buffer][i] = train.label(index);
            if (augmenter == null) {
                train.copyImage(index, images[buffer], i * pixels);
            } else {
                float[] source = original.get();
                train.copyImage(index, source, 0);
                augmenter.apply(source, 0, images[buffer], i * pixels, train.cols(),
                        Augmenter.random(config.seed(), epoch - 1, from + i));
            }
        }

        /**
         * A batch being made ready: its images are claimed one at a time, by the preparer thread and,
         * once the network has learnt from the batch before, by the training thread as well. What an
         * image becomes depends only on the seed, the epoch and its place, so who prepares it does not
         * change the result.
         */
        private final class NextBatch {

            private final int[] permutation;
            private final int epoch;
            private final int from;
            private final int count;
            private final int buffer;
            private final AtomicInteger claimed = new AtomicInteger();
            private final AtomicInteger finished = new AtomicInteger();
            private volatile RuntimeException failure;

            NextBatch(int[] permutation, int epoch, int from, int count, int buffer) {
                this.permutation = permutation;
                this.epoch = epoch;
                this.from = from;
                this.count = count;
                this.buffer = buffer;
            }

            /** Prepares images until none is left unclaimed. */
            void work() {
                for (int i = claimed.getAndIncrement(); i < count; i = claimed.getAndIncrement()) {
                    try {
                        gather(permutation, epoch, from, i, buffer);
                    } catch (RuntimeException e) {
                        failure = e;
                    } finally {
                        finished.incrementAndGet();
                    }
                }
            }

            /** Helps until every image is claimed, waits for the ones still being prepared, and returns the batch's size. */
            int await() {
                work();
                for (int spins = 0; finished.get() < count; spins++) {
                    // The other thread is finishing its last image (microseconds), unless the machine took its core away.
                    if (spins < 10_000) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.parkNanos(20_000);
                    }
                }
                if (failure != null) {
                    throw failure;
                }
                return count;
            }
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
