package dev.digitlab.train.coach;

import dev.digitlab.nn.LayerType;
import dev.digitlab.nn.LayerSpec;
import dev.digitlab.nn.LayerTokens;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.coach.Advice.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The tutorial's FAQ as rules over a run's history. {@link #review} is called after each epoch and
 * when the run ends; it returns what is worth saying now, most urgent first, each with the change
 * to try. The thresholds are chosen so that the tutorial's own run (784-128-10, Adam 0.001, batch
 * 64, 10 epochs: about 97.5%) draws no advice: a good run needs none.
 */
public final class Coach {

    /** A loss more than this many times the previous epoch's has jumped. */
    static final double JUMP = 1.5;
    /** A loss that fell by less than this fraction in an epoch did not fall. */
    static final double STALL = 0.01;
    /** Under this the loss is close to zero, and not falling further is no problem. */
    static final double SMALL_LOSS = 0.02;
    /** Validation loss this far above its best, rising two epochs running, is over-fitting. */
    static final double OVERFIT_RISE = 1.15;
    /** Validation accuracy this far under the training accuracy is over-fitting. */
    static final double ACCURACY_GAP = 0.04;
    /** Under this accuracy (on both) a network has not learned MNIST yet. */
    static final double LOW_ACCURACY = 0.95;
    /** An accuracy still rising by this much in the last epoch had more to learn. */
    static final double STILL_RISING = 0.005;
    /** The band in which a dense network's accuracy is normal (the tutorial's FAQ). */
    static final double DENSE_LOW = 0.92;
    static final double DENSE_HIGH = 0.96;
    /** The learning rates the advice keeps to (the FAQ's 0.0001 to 0.01). */
    static final double LR_MIN = 0.0001;
    static final double LR_MAX = 0.01;
    static final double LR_USUAL = 0.001;
    static final int LARGER_BATCH = 128;
    static final double DROPOUT = 0.2;
    /** Hidden layers narrower than this are the first thing to widen. */
    static final int NARROW = 64;
    static final int MAX_EPOCHS = 1000;

    private Coach() {
    }

    /** What to say about {@code run} now, most urgent first; empty when all is well. */
    public static List<Advice> review(RunRecord run) {
        List<Advice> advice = new ArrayList<>();
        if (run.lossNotFinite()) {
            advice.add(lossNotFinite(run));
            return advice;
        }
        lossTrouble(run, advice);
        boolean overfitting = overfitting(run, advice);
        if (!overfitting) {
            accuracyGap(run, advice);
        }
        if (run.finished()) {
            boolean underfitting = underfitting(run, advice);
            if (!underfitting && !overfitting) {
                denseCeiling(run, advice);
            }
        }
        return advice;
    }

    private static Advice lossNotFinite(RunRecord run) {
        double lr = run.config().optimizer().learningRate();
        double next = lr > LR_USUAL ? LR_USUAL : lr / 10;
        return new Advice(Kind.LOSS_NOT_FINITE, List.of(lr, next), Suggestion.NONE.withLearningRate(next));
    }

    /** The training loss jumped or did not fall in the last epoch. */
    private static void lossTrouble(RunRecord run, List<Advice> advice) {
        EpochResult last = run.last();
        EpochResult before = run.beforeLast();
        if (last == null || before == null) {
            return;
        }
        double lr = run.config().optimizer().learningRate();
        double next = calmerLearningRate(lr);
        Suggestion change = Suggestion.NONE.withLearningRate(next);
        if (run.config().batchSize() < LARGER_BATCH) {
            change = change.withBatchSize(LARGER_BATCH);
        }
        if (last.loss() > JUMP * before.loss()) {
            advice.add(new Advice(Kind.LOSS_JUMPED, List.of(last.epoch(), before.loss(), last.loss(), next), change));
        } else if (last.loss() > (1 - STALL) * before.loss() && last.loss() > SMALL_LOSS) {
            advice.add(new Advice(Kind.LOSS_STALLED, List.of(last.epoch(), before.loss(), last.loss(), next), change));
        }
    }

    /**
     * A learning rate more likely to make the loss fall: back to the usual one from outside the
     * 0.0001-0.01 range, else ten times smaller (never under 0.0001).
     */
    static double calmerLearningRate(double lr) {
        if (lr > LR_MAX || lr < LR_MIN) {
            return LR_USUAL;
        }
        return Math.max(LR_MIN, lr / 10);
    }

    /** Validation loss rising two epochs running, well above its best, while the training loss falls. */
    private static boolean overfitting(RunRecord run, List<Advice> advice) {
        List<EpochResult> h = run.history();
        int n = h.size();
        if (n < 3 || !h.get(n - 1).hasValidation()) {
            return false;
        }
        EpochResult a = h.get(n - 3);
        EpochResult b = h.get(n - 2);
        EpochResult c = h.get(n - 1);
        boolean valRising = c.valLoss() > b.valLoss() && b.valLoss() > a.valLoss();
        boolean trainFalling = c.loss() < b.loss() && b.loss() < a.loss();
        EpochResult best = h.stream().min((x, y) -> Double.compare(x.valLoss(), y.valLoss())).orElseThrow();
        if (!valRising || !trainFalling || c.valLoss() < OVERFIT_RISE * best.valLoss()) {
            return false;
        }
        advice.add(new Advice(Kind.OVERFITTING, List.of(best.epoch(), best.valLoss(), c.valLoss()),
                lessFitting(run, best.epoch())));
        return true;
    }

    /** Validation accuracy well under the training accuracy (from the second epoch on). */
    private static void accuracyGap(RunRecord run, List<Advice> advice) {
        EpochResult last = run.last();
        if (last == null || last.epoch() < 2 || !last.hasValidation()
                || last.accuracy() - last.valAccuracy() < ACCURACY_GAP) {
            return;
        }
        EpochResult best = run.history().stream()
                .max((x, y) -> Double.compare(x.valAccuracy(), y.valAccuracy())).orElseThrow();
        advice.add(new Advice(Kind.ACCURACY_GAP, List.of(100 * last.accuracy(), 100 * last.valAccuracy()),
                lessFitting(run, best.epoch())));
    }

    /** Dropout 0.2 (when there is less and a hidden dense layer to drop from) and stopping at the best epoch. */
    private static Suggestion lessFitting(RunRecord run, int bestEpoch) {
        Suggestion change = Suggestion.NONE;
        if (run.spec().dropoutRate() < DROPOUT && !hiddenDense(run.spec()).isEmpty()) {
            change = change.withDropout(DROPOUT);
        }
        if (bestEpoch < run.config().epochs()) {
            change = change.withEpochs(bestEpoch);
        }
        return change;
    }

    /** Both accuracies low and still rising when the planned epochs were done. */
    private static boolean underfitting(RunRecord run, List<Advice> advice) {
        EpochResult last = run.last();
        EpochResult before = run.beforeLast();
        if (before == null || run.history().size() < run.config().epochs()) {
            return false;
        }
        boolean validation = last.hasValidation();
        boolean low = last.accuracy() < LOW_ACCURACY && (!validation || last.valAccuracy() < LOW_ACCURACY);
        boolean rising = last.accuracy() - before.accuracy() >= STILL_RISING
                || validation && last.valAccuracy() - before.valAccuracy() >= STILL_RISING;
        if (!low || !rising) {
            return false;
        }
        double shown = 100 * (validation ? last.valAccuracy() : last.accuracy());
        List<Integer> hidden = hiddenDense(run.spec());
        int narrowest = hidden.stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
        if (!run.convolutional() && narrowest < NARROW) {
            List<Integer> wider = hidden.stream().map(u -> Math.max(u, 2 * NARROW)).toList();
            String layers = wider.stream().map(String::valueOf).reduce((x, y) -> x + ", " + y).orElseThrow();
            advice.add(new Advice(Kind.UNDERFITTING_NARROW, List.of(shown, run.config().epochs(), layers),
                    Suggestion.NONE.withLayers(layers)));
        } else {
            int more = Math.min(MAX_EPOCHS, 2 * run.config().epochs());
            advice.add(new Advice(Kind.UNDERFITTING, List.of(shown, run.config().epochs(), more),
                    Suggestion.NONE.withEpochs(more)));
        }
        return true;
    }

    /** A dense network between 92% and 96%: normal for it; 98% and more takes a CNN. */
    private static void denseCeiling(RunRecord run, List<Advice> advice) {
        if (run.convolutional()) {
            return;
        }
        double accuracy = !Double.isNaN(run.testAccuracy()) ? run.testAccuracy()
                : run.last() != null && run.last().hasValidation() ? run.last().valAccuracy() : Double.NaN;
        if (!(accuracy >= DENSE_LOW && accuracy < DENSE_HIGH)) {
            return;
        }
        ModelSpec cnn = ModelSpec.preset("cnn");
        advice.add(new Advice(Kind.DENSE_CEILING, List.of(100 * accuracy),
                Suggestion.NONE.withLayers(LayerTokens.format(cnn)).withDropout(cnn.dropoutRate())));
    }

    /** The units of the hidden dense layers (every dense layer but the last). */
    private static List<Integer> hiddenDense(ModelSpec spec) {
        List<Integer> units = new ArrayList<>();
        List<LayerSpec> layers = spec.layers();
        for (int i = 0; i < layers.size() - 1; i++) {
            if (layers.get(i).is(LayerType.DENSE)) {
                units.add(layers.get(i).units());
            }
        }
        return units;
    }
}
