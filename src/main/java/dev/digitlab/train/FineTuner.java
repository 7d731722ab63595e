package dev.digitlab.train;

import dev.digitlab.data.ImageSet;
import dev.digitlab.nn.BatchTrainer;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.optim.OptimizerConfig;
import java.util.SplittableRandom;

/**
 * Fine-tunes a copy of a trained network on a few of a user's drawings: every step's batch holds
 * some of the drawings, each slightly rotated, scaled and shifted at random ({@link Jitter}), and
 * MNIST training images for the rest, so the network learns the user's hand without forgetting
 * MNIST. The base network is left as it was. Progress leaves through the listener, which may stop
 * the run before any step; a stopped run returns null.
 */
public final class FineTuner {

    private FineTuner() {
    }

    /**
     * A fine-tuned copy of {@code base}.
     *
     * @param own   the user's drawings, prepared as the network's inputs (at least one)
     * @param mnist MNIST training images to mix in (at least one unless every image of a batch is a drawing)
     * @return the tuned copy, or null when the listener stopped the run
     * @throws TrainingException when the loss stops being a finite number
     */
    public static Network tune(Network base, ImageSet own, ImageSet mnist, FineTuneConfig config,
                               TrainingListener listener) {
        check(base, own, mnist, config);
        TrainingListener heard = listener == null ? TrainingListener.NONE : listener;
        Network network = base.copy();
        BatchTrainer trainer = new BatchTrainer(network, OptimizerConfig.adam(config.learningRate(), 0));
        SplittableRandom random = new SplittableRandom(config.seed());
        int pixels = own.imageSize();
        int side = own.rows();
        float[] images = new float[config.batchSize() * pixels];
        int[] labels = new int[config.batchSize()];
        float[] source = new float[pixels];
        heard.onStart(1, config.steps());
        long start = System.nanoTime();
        for (int step = 1; step <= config.steps(); step++) {
            if (heard.isCancelled()) {
                return null;
            }
            for (int i = 0; i < config.batchSize(); i++) {
                boolean drawing = i < config.ownPerBatch() || mnist.size() == 0;
                ImageSet from = drawing ? own : mnist;
                int index = random.nextInt(from.size());
                labels[i] = from.label(index);
                if (drawing) {
                    from.copyImage(index, source, 0);
                    config.jitter().apply(source, 0, images, i * pixels, side, random);
                } else {
                    from.copyImage(index, images, i * pixels);
                }
            }
            BatchTrainer.StepResult r = trainer.step(images, labels, config.batchSize());
            if (!Double.isFinite(r.lossSum())) {
                throw new TrainingException("the loss became " + r.lossSum() + " in step " + step
                        + " of the fine-tuning: the learning rate " + config.learningRate() + " is too large");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            heard.onBatch(new BatchProgress(1, 1, step, config.steps(), r.loss(), (double) r.correct() / r.count(),
                    seconds > 0 ? step * config.batchSize() / seconds : 0));
        }
        return network;
    }

    private static void check(Network base, ImageSet own, ImageSet mnist, FineTuneConfig config) {
        if (own.size() == 0) {
            throw new TrainingException("there are no drawings to learn from");
        }
        if (own.imageSize() != base.inputs() || own.rows() != own.cols()) {
            throw new TrainingException("the model takes " + base.inputs() + " inputs but the drawings have "
                    + own.imageSize() + " pixels");
        }
        if (mnist.size() > 0 && mnist.imageSize() != own.imageSize()) {
            throw new TrainingException("the drawings have " + own.imageSize() + " pixels but the mixed-in images "
                    + mnist.imageSize());
        }
        for (int i = 0; i < own.size(); i++) {
            if (own.label(i) < 0 || own.label(i) >= base.classes()) {
                throw new TrainingException("drawing " + (i + 1) + " is labelled " + own.label(i)
                        + ", but the model knows only " + base.classes() + " classes");
            }
        }
    }
}
