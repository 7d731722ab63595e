package dev.digitlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.MnistDataset;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.optim.OptimizerConfig;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainingJobTest {

    private static final ModelSpec SMALL = ModelSpec.parse("16 -> 12 relu -> 10 softmax");
    private static final MnistDataset DATA = SyntheticDigits.dataset(600, 200);
    private static final TrainingConfig CONFIG = new TrainingConfig(3, 32, 0.2, 7, OptimizerConfig.adam(0.01, 0));

    @Test
    void aJobTrainsTestsAndNamesTheModelLikeFitAndEvaluateByHand() {
        TrainingJob.Outcome outcome = new TrainingJob(SMALL, CONFIG, DATA, "bars").run(null).orElseThrow();

        Network byHand = Network.create(SMALL, CONFIG.seed());
        TrainingResult fit = Trainer.fit(byHand, DATA, CONFIG, null);
        Evaluation test = Evaluator.evaluate(byHand, DATA.test());
        TrainedModel model = outcome.model();
        assertEquals("bars", model.name());
        assertEquals("synthetic", model.datasetName());
        assertEquals(CONFIG, model.config());
        assertEquals(3, model.history().size());
        assertEquals(fit.history().get(2).loss(), model.history().get(2).loss());
        assertEquals(test.accuracy(), model.testAccuracy());
        assertEquals(test.accuracy(), outcome.test().accuracy());
        assertArrayEquals(byHand.parameterValues("dense_0/W"), model.network().parameterValues("dense_0/W"));
        assertFalse(outcome.stopped());
    }

    @Test
    void aStoppedJobStillTestsTheModelTrainedSoFar() {
        TrainingListener stopAfterFirstEpoch = new TrainingListener() {
            private boolean epochEnded;

            @Override
            public void onEpoch(EpochResult result) {
                epochEnded = true;
            }

            @Override
            public boolean isCancelled() {
                return epochEnded;
            }
        };
        TrainingJob.Outcome outcome = new TrainingJob(SMALL, CONFIG, DATA, "bars").run(stopAfterFirstEpoch)
                .orElseThrow();
        assertTrue(outcome.stopped());
        assertEquals(1, outcome.model().history().size());
        assertTrue(outcome.model().hasTestAccuracy());
    }

    @Test
    void anAbandonedJobReturnsNothing() {
        TrainingListener closed = new TrainingListener() {
            @Override
            public boolean isCancelled() {
                return true;
            }

            @Override
            public boolean isAbandoned() {
                return true;
            }
        };
        Optional<TrainingJob.Outcome> outcome = new TrainingJob(SMALL, CONFIG, DATA, "bars").run(closed);
        assertTrue(outcome.isEmpty());
    }
}
