package dev.digitlab.train.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.nn.LayerTokens;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.optim.OptimizerConfig;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.TrainingConfig;
import dev.digitlab.train.coach.Advice.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoachTest {

    private static final ModelSpec TUTORIAL = ModelSpec.preset("tutorial");
    private static final TrainingConfig TEN = TrainingConfig.tutorial();

    private static List<Kind> kinds(List<Advice> advice) {
        return advice.stream().map(Advice::kind).toList();
    }

    /** Every prefix of a run as the coach sees it epoch by epoch, then the end. */
    private static List<Advice> everything(ModelSpec spec, TrainingConfig config, List<EpochResult> h, double test) {
        List<Advice> all = new java.util.ArrayList<>();
        for (int n = 1; n <= h.size(); n++) {
            all.addAll(Coach.review(RunRecord.running(spec, config, h.subList(0, n))));
        }
        all.addAll(Coach.review(RunRecord.ended(spec, config, h, test)));
        return all;
    }

    @Test
    void theTutorialsOwnRunDrawsNoAdviceAtAnyEpochNorAtTheEnd() throws Exception {
        List<EpochResult> run = RecordedRuns.shipped("mnist-mlp");
        assertEquals(10, run.size());
        assertEquals(List.of(), kinds(everything(TUTORIAL, TEN, run, 0.9754)));
    }

    @Test
    void theShippedCnnRunDrawsNoAdvice() throws Exception {
        List<EpochResult> run = RecordedRuns.shipped("mnist-cnn");
        assertEquals(List.of(), kinds(everything(ModelSpec.preset("cnn"), epochs(5), run, 0.9916)));
    }

    @Test
    void aDenseNetworkEndingAt93PercentIsToldItIsNormalAndOfferedTheCnn() {
        // SGD at its usual rate: converged at 93%, flat at the end.
        List<EpochResult> run = RecordedRuns.of(
                new double[] {0.60, 0.85, 0.36, 0.90},
                new double[] {0.33, 0.905, 0.30, 0.915},
                new double[] {0.29, 0.918, 0.28, 0.921},
                new double[] {0.27, 0.924, 0.265, 0.926},
                new double[] {0.258, 0.927, 0.257, 0.928});
        TrainingConfig sgd = new TrainingConfig(5, 64, 0.2, 42, OptimizerConfig.sgd(0.01, 0));
        List<Advice> advice = Coach.review(RunRecord.ended(TUTORIAL, sgd, run, 0.931));
        assertEquals(List.of(Kind.DENSE_CEILING), kinds(advice));
        assertEquals(93.1, (double) advice.get(0).args().get(0), 1e-9);
        ModelSpec cnn = ModelSpec.preset("cnn");
        assertEquals(new Suggestion(null, null, null, cnn.dropoutRate(), LayerTokens.format(cnn)),
                advice.get(0).suggestion());
    }

    @Test
    void theDenseCeilingSaysNothingAbove96NorForACnn() {
        List<EpochResult> run = RecordedRuns.of(new double[] {0.3, 0.93, 0.2, 0.94}, new double[] {0.29, 0.932, 0.2, 0.941});
        assertEquals(List.of(), kinds(Coach.review(RunRecord.ended(TUTORIAL, epochs(2), run, 0.965))));
        assertEquals(List.of(), kinds(Coach.review(RunRecord.ended(ModelSpec.preset("cnn"), epochs(2), run,
                0.94))));
    }

    @Test
    void aLossThatStopsFallingDuringTheRunSuggestsACalmerRateAndBatch128() {
        List<EpochResult> run = RecordedRuns.of(new double[] {1.20, 0.60, 1.10, 0.62}, new double[] {1.19, 0.61, 1.12, 0.6});
        TrainingConfig fast = new TrainingConfig(10, 64, 0.2, 42, OptimizerConfig.adam(0.005, 0));
        List<Advice> advice = Coach.review(RunRecord.running(TUTORIAL, fast, run));
        assertEquals(List.of(Kind.LOSS_STALLED), kinds(advice));
        assertEquals(new Suggestion(0.0005, 128, null, null, null), advice.get(0).suggestion());
        assertEquals(2, advice.get(0).args().get(0), "names the epoch");
    }

    @Test
    void aLossThatJumpsIsCalledAJumpAndATooHighRateGoesBackToTheUsualOne() {
        List<EpochResult> run = RecordedRuns.of(new double[] {0.9, 0.8, 0.8, 0.82}, new double[] {2.4, 0.5, 2.2, 0.5});
        TrainingConfig wild = new TrainingConfig(10, 256, 0.2, 42, OptimizerConfig.adam(0.05, 0));
        List<Advice> advice = Coach.review(RunRecord.running(TUTORIAL, wild, run));
        assertEquals(List.of(Kind.LOSS_JUMPED), kinds(advice));
        assertEquals(new Suggestion(0.001, null, null, null, null), advice.get(0).suggestion(),
                "batch 256 is already large; only the rate changes");
    }

    @Test
    void aLossNearZeroThatNoLongerFallsIsNoProblem() {
        List<EpochResult> run = RecordedRuns.of(new double[] {0.012, 0.999, 0.05, 0.98}, new double[] {0.0121, 0.999, 0.049, 0.98});
        assertEquals(List.of(), kinds(Coach.review(RunRecord.running(TUTORIAL, TEN, run))));
    }

    @Test
    void aNanLossSaysTheRateIsTooHighAndProposesTheUsualOne() {
        TrainingConfig wild = new TrainingConfig(10, 64, 0.2, 42, OptimizerConfig.adam(0.5, 0));
        List<Advice> advice = Coach.review(RunRecord.diverged(TUTORIAL, wild, List.of()));
        assertEquals(List.of(Kind.LOSS_NOT_FINITE), kinds(advice));
        assertEquals(0.001, advice.get(0).suggestion().learningRate());
        assertEquals(List.of(0.5, 0.001), advice.get(0).args());
        TrainingConfig already = new TrainingConfig(10, 64, 0.2, 42, OptimizerConfig.adam(0.001, 0));
        assertEquals(0.0001, Coach.review(RunRecord.diverged(TUTORIAL, already, List.of())).get(0)
                .suggestion().learningRate(), 1e-12);
    }

    @Test
    void validationLossRisingTwoEpochsWhileTrainingLossFallsIsOverfittingWithDropoutAndTheBestEpoch() {
        List<EpochResult> run = RecordedRuns.of(
                new double[] {0.25, 0.93, 0.14, 0.958},
                new double[] {0.10, 0.970, 0.10, 0.970},
                new double[] {0.06, 0.981, 0.09, 0.974},
                new double[] {0.04, 0.988, 0.095, 0.975},
                new double[] {0.025, 0.993, 0.11, 0.974});
        TrainingConfig twenty = epochs(20);
        List<Advice> advice = Coach.review(RunRecord.running(ModelSpec.preset("deeper"), twenty, run));
        assertEquals(List.of(Kind.OVERFITTING), kinds(advice));
        assertEquals(new Suggestion(null, null, 3, 0.2, null), advice.get(0).suggestion());
    }

    @Test
    void aSmallRiseOfTheValidationLossLikeTheTutorialsLastEpochsIsNotOverfitting() {
        List<EpochResult> run = RecordedRuns.of(
                new double[] {0.06, 0.98, 0.085, 0.974},
                new double[] {0.05, 0.985, 0.086, 0.974},
                new double[] {0.04, 0.988, 0.092, 0.974});
        assertEquals(List.of(), kinds(Coach.review(RunRecord.running(TUTORIAL, TEN, run))));
    }

    @Test
    void validationAccuracyFarUnderTrainingAccuracyIsOverfittingToo() {
        List<EpochResult> run = RecordedRuns.of(new double[] {0.3, 0.92, 0.5, 0.88}, new double[] {0.1, 0.98, 0.45, 0.90});
        List<Advice> advice = Coach.review(RunRecord.running(TUTORIAL, TEN, run));
        assertEquals(List.of(Kind.ACCURACY_GAP), kinds(advice));
        assertEquals(0.2, advice.get(0).suggestion().dropout());
    }

    @Test
    void lowAccuraciesStillRisingAtTheEndAskForMoreEpochs() {
        List<EpochResult> run = RecordedRuns.of(
                new double[] {1.9, 0.45, 1.6, 0.60},
                new double[] {1.3, 0.70, 1.0, 0.78},
                new double[] {0.8, 0.82, 0.7, 0.85});
        TrainingConfig three = new TrainingConfig(3, 64, 0.2, 42, OptimizerConfig.sgd(0.001, 0));
        List<Advice> advice = Coach.review(RunRecord.ended(TUTORIAL, three, run, 0.85));
        assertEquals(List.of(Kind.UNDERFITTING), kinds(advice));
        assertEquals(new Suggestion(null, null, 6, null, null), advice.get(0).suggestion());
    }

    @Test
    void aNarrowLayerThatUnderfitsIsWidenedInstead() {
        List<EpochResult> run = RecordedRuns.of(new double[] {1.2, 0.70, 1.0, 0.75}, new double[] {0.9, 0.78, 0.8, 0.80});
        ModelSpec narrow = ModelSpec.mlp(784, new int[] {8}, 0, 10);
        List<Advice> advice = Coach.review(RunRecord.ended(narrow, epochs(2), run, 0.8));
        assertEquals(List.of(Kind.UNDERFITTING_NARROW), kinds(advice));
        assertEquals("128", advice.get(0).suggestion().layers());
    }

    @Test
    void aRunStoppedEarlyIsNotCalledUnderfitting() {
        List<EpochResult> run = RecordedRuns.of(new double[] {1.9, 0.45, 1.6, 0.60}, new double[] {1.3, 0.70, 1.0, 0.78});
        List<Advice> advice = Coach.review(RunRecord.ended(TUTORIAL, TEN, run, 0.78));
        assertTrue(kinds(advice).isEmpty(), kinds(advice).toString());
    }

    @Test
    void everyKindHasAMessageKeyUnderCoach() {
        for (Kind kind : Kind.values()) {
            assertTrue(kind.key().startsWith("coach."), kind.key());
        }
    }

    /** The tutorial's settings with another number of epochs. */
    private static TrainingConfig epochs(int epochs) {
        return new TrainingConfig(epochs, TEN.batchSize(), TEN.validationSplit(), TEN.seed(), TEN.optimizer());
    }
}
