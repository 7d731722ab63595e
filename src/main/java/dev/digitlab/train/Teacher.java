package dev.digitlab.train;

import dev.digitlab.data.ImageSet;
import dev.digitlab.nn.Network;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * "Teach the model": fine-tunes a model on a user's drawings ({@link FineTuner}) and measures,
 * before and after, how well it reads those drawings and MNIST's test set. The drawings are judged
 * fairly: the figure after is {@value #FOLDS}-fold, each drawing read by a model fine-tuned on the
 * other folds only, never by one that saw it; the figure before is the base model's, which saw
 * none. Plain Java, used by the Draw tab's task and by {@code digitlab adapt}.
 */
public final class Teacher {

    /** Folds of the fair check: each drawing is read by a model that learned from the other two thirds. */
    public static final int FOLDS = 3;

    /** What the teacher is doing. */
    public enum Stage {
        /** Fine-tuning the model that will be kept. */
        TEACHING,
        /** Fine-tuning models on part of the drawings to read the rest fairly. */
        CHECKING_DRAWINGS,
        /** Reading MNIST's test set with the new model. */
        CHECKING_MNIST
    }

    /** Hears how far teaching has come; called on the teaching thread. */
    public interface Listener {
        /** A listener that hears nothing and never stops. */
        Listener NONE = (stage, done) -> { };

        /** {@code done} of the whole job is done, from 0 to 1, now in {@code stage}. */
        void onProgress(Stage stage, double done);

        /**
         * The model to keep is made; the checks follow. Lets a window use it at once rather than
         * after the checks, which take about three times as long.
         */
        default void onTaught(Network network) {
        }

        /** Checked before every step: true stops teaching, which then returns null. */
        default boolean isCancelled() {
            return false;
        }
    }

    /**
     * What teaching made and measured.
     *
     * @param network     the fine-tuned network
     * @param drawings    how many drawings it learned from
     * @param ownBefore   the base model's accuracy on the drawings
     * @param ownAfter    the fair (held-out) accuracy after teaching, NaN with fewer than {@value #FOLDS} drawings
     * @param mnistBefore the base model's accuracy on MNIST's test set, NaN when not known
     * @param mnistAfter  the new model's accuracy on MNIST's test set, NaN without a test set
     */
    public record Outcome(Network network, int drawings, double ownBefore, double ownAfter, double mnistBefore,
                          double mnistAfter) {

        /**
         * The taught network as a model made from {@code base}: named after it ("mnist-cnn + my
         * handwriting"), its training record kept, its test accuracy the one measured after teaching,
         * and the file saying what it was adapted from and with how many drawings.
         */
        public TrainedModel model(TrainedModel base) {
            Adaptation before = base.adaptation();
            String baseName = before != null && before.baseModel() != null ? before.baseModel() : base.name();
            int total = drawings + (before != null ? before.drawings() : 0);
            return new TrainedModel(Adaptation.nameAfter(baseName), network, base.config(), base.datasetName(),
                    base.datasetChecksum(), base.history(), mnistAfter, Instant.now(), base.preprocessing(), base.origin(),
                    new Adaptation(baseName, total));
        }
    }

    private final FineTuneConfig config;

    public Teacher(FineTuneConfig config) {
        this.config = config;
    }

    /**
     * Teaches {@code base} the drawings in {@code own}.
     *
     * @param mnistTrain  images mixed into every step
     * @param mnistTest   MNIST's test set for the figure after, or null to skip it
     * @param mnistBefore the base model's known test accuracy; NaN to measure it on {@code mnistTest}
     * @return what was made, or null when stopped
     */
    public Outcome teach(Network base, ImageSet own, ImageSet mnistTrain, ImageSet mnistTest, double mnistBefore,
                         Listener listener) {
        Listener heard = listener == null ? Listener.NONE : listener;
        boolean fair = own.size() >= FOLDS;
        // Shares of the work, for the progress bar: the kept model, the folds, the test set.
        double teachShare = fair ? 0.35 : 0.9;
        double foldShare = fair ? 0.55 / FOLDS : 0;
        double before = Evaluator.evaluate(base, own).accuracy();
        Network taught = FineTuner.tune(base, own, mnistTrain, config, steps(heard, Stage.TEACHING, 0, teachShare));
        if (taught == null) {
            return null;
        }
        heard.onTaught(taught);
        double after = Double.NaN;
        if (fair) {
            after = heldOut(base, own, mnistTrain, heard, teachShare, foldShare);
            if (Double.isNaN(after) && heard.isCancelled()) {
                return null;
            }
        }
        heard.onProgress(Stage.CHECKING_MNIST, teachShare + FOLDS * foldShare);
        double mnistAfter = Double.NaN;
        if (mnistTest != null && mnistTest.size() > 0) {
            if (Double.isNaN(mnistBefore)) {
                mnistBefore = Evaluator.evaluate(base, mnistTest).accuracy();
            }
            mnistAfter = Evaluator.evaluate(taught, mnistTest).accuracy();
        }
        heard.onProgress(Stage.CHECKING_MNIST, 1);
        return new Outcome(taught, own.size(), before, after, mnistBefore, mnistAfter);
    }

    /** The k-fold accuracy on the drawings; NaN when stopped. */
    private double heldOut(Network base, ImageSet own, ImageSet mnistTrain, Listener heard, double offset,
                           double foldShare) {
        int[] fold = folds(own);
        int right = 0;
        for (int k = 0; k < FOLDS; k++) {
            ImageSet learn = select(own, fold, k, false);
            ImageSet judge = select(own, fold, k, true);
            Network model = FineTuner.tune(base, learn, mnistTrain, config.withSeed(config.seed() + k + 1),
                    steps(heard, Stage.CHECKING_DRAWINGS, offset + k * foldShare, foldShare));
            if (model == null) {
                return Double.NaN;
            }
            Evaluation e = Evaluator.evaluate(model, judge);
            right += (int) Math.round(e.accuracy() * judge.size());
        }
        return (double) right / own.size();
    }

    /**
     * The fold of each drawing: the drawings of each digit are dealt out in turn, so every fold
     * holds about a third of every digit (and the learning part always has some of each digit
     * that has at least two).
     */
    static int[] folds(ImageSet own) {
        int[] fold = new int[own.size()];
        int[] next = new int[10];
        int start = 0;
        for (int i = 0; i < own.size(); i++) {
            int label = own.label(i);
            if (label >= 0 && label < next.length) {
                if (next[label] == 0) {
                    // Each digit starts where the last one started plus one, so folds stay even in size.
                    next[label] = start++ % FOLDS + 1;
                }
                fold[i] = (next[label] - 1) % FOLDS;
                next[label] = next[label] % FOLDS + 1;
            } else {
                fold[i] = i % FOLDS;
            }
        }
        return fold;
    }

    private static ImageSet select(ImageSet set, int[] fold, int k, boolean inFold) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            if ((fold[i] == k) == inFold) {
                chosen.add(i);
            }
        }
        int pixels = set.imageSize();
        float[] images = new float[chosen.size() * pixels];
        byte[] labels = new byte[chosen.size()];
        for (int j = 0; j < chosen.size(); j++) {
            set.copyImage(chosen.get(j), images, j * pixels);
            labels[j] = (byte) set.label(chosen.get(j));
        }
        return new ImageSet(images, labels, set.rows(), set.cols());
    }

    private static TrainingListener steps(Listener heard, Stage stage, double offset, double share) {
        return new TrainingListener() {
            @Override
            public void onBatch(BatchProgress p) {
                heard.onProgress(stage, offset + share * p.batch() / p.batches());
            }

            @Override
            public boolean isCancelled() {
                return heard.isCancelled();
            }
        };
    }
}
