package dev.digitlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.MnistDataset;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.optim.OptimizerConfig;
import dev.digitlab.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static final ModelSpec SMALL = ModelSpec.parse("16 -> 12 relu -> dropout 0.1 -> 10 softmax");
    private static final MnistDataset DATA = SyntheticDigits.dataset(1000, 200);

    private static TrainingConfig config(int epochs, long seed) {
        return new TrainingConfig(epochs, 32, 0.2, seed, OptimizerConfig.adam(0.01, 0));
    }

    @Test
    void learnsASimpleProblem() {
        Network model = Network.create(SMALL, 3);
        TrainingResult result = Trainer.fit(model, DATA, config(5, 3), null);
        EpochResult last = result.history().get(4);
        assertTrue(last.valAccuracy() > 0.9, "validation accuracy " + last.valAccuracy());
        assertTrue(last.loss() < result.history().get(0).loss());
        assertTrue(Evaluator.evaluate(model, DATA.test()).accuracy() > 0.9);
    }

    @Test
    void aSeededRunIsRepeatable() {
        Network a = Network.create(SMALL, 11);
        Network b = Network.create(SMALL, 11);
        TrainingResult ra = Trainer.fit(a, DATA, config(2, 5), null);
        TrainingResult rb = Trainer.fit(b, DATA, config(2, 5), null);
        for (Parameter p : a.parameters()) {
            assertArrayEquals(a.parameterValues(p.name()), b.parameterValues(p.name()), p.name());
        }
        for (int i = 0; i < 2; i++) {
            EpochResult x = ra.history().get(i);
            EpochResult y = rb.history().get(i);
            assertEquals(x.loss(), y.loss());
            assertEquals(x.accuracy(), y.accuracy());
            assertEquals(x.valLoss(), y.valLoss());
            assertEquals(x.valAccuracy(), y.valAccuracy());
        }
        Network c = Network.create(SMALL, 11);
        Trainer.fit(c, DATA, config(2, 6), null);
        assertFalse(java.util.Arrays.equals(a.parameterValues("dense_0/W"), c.parameterValues("dense_0/W")),
                "another seed shuffles differently");
    }

    @Test
    void listenerHearsEveryBatchAndEpoch() {
        List<BatchProgress> batches = new ArrayList<>();
        List<EpochResult> epochs = new ArrayList<>();
        int[] start = new int[2];
        TrainingResult result = Trainer.fit(Network.create(SMALL, 1), DATA, config(2, 1), new TrainingListener() {
            @Override
            public void onStart(int e, int b) {
                start[0] = e;
                start[1] = b;
            }

            @Override
            public void onBatch(BatchProgress p) {
                batches.add(p);
            }

            @Override
            public void onEpoch(EpochResult r) {
                epochs.add(r);
            }
        });
        assertArrayEquals(new int[] {2, 25}, start, "800 training images in batches of 32");
        assertEquals(50, batches.size());
        assertEquals(new BatchProgress(2, 2, 25, 25, batches.get(49).loss(), batches.get(49).accuracy(),
                batches.get(49).samplesPerSecond()), batches.get(49));
        assertEquals(epochs, result.history());
        assertEquals(epochs.get(1).loss(), batches.get(49).loss(), 1e-12, "the epoch loss is the running loss at its end");
        assertFalse(result.cancelled());
        assertTrue(epochs.get(0).hasValidation());
    }

    @Test
    void cancelStopsWithinOneBatchAndLeavesAUsableModel() {
        Network model = Network.create(SMALL, 1);
        int[] ran = new int[1];
        TrainingResult result = Trainer.fit(model, DATA, config(3, 1), new TrainingListener() {
            @Override
            public void onBatch(BatchProgress p) {
                ran[0]++;
            }

            @Override
            public boolean isCancelled() {
                return ran[0] >= 30;
            }
        });
        assertTrue(result.cancelled());
        assertTrue(ran[0] == 30 || ran[0] == 31, "batches run: " + ran[0]);
        assertEquals(1, result.history().size(), "the first epoch (25 batches) finished, the second did not");
        float[] p = model.probabilities(DATA.test().image(0));
        double sum = 0;
        for (float v : p) {
            assertTrue(Float.isFinite(v));
            sum += v;
        }
        assertEquals(1, sum, 1e-5);
    }

    @Test
    void aLossThatBlowsUpStopsTrainingWithAdvice() {
        Network model = Network.create(SMALL, 1);
        TrainingConfig wild = new TrainingConfig(2, 32, 0.2, 1, OptimizerConfig.sgd(1e30, 0));
        TrainingException e = assertThrows(TrainingException.class, () -> Trainer.fit(model, DATA, wild, null));
        assertTrue(e.getMessage().matches("the loss became (NaN|infinite) in epoch 1, batch \\d+: the learning rate "
                + "1\\.0E30 is probably too large; try 0\\.001"), e.getMessage());
    }

    @Test
    void withoutValidationTheValidationFiguresAreMissing() {
        TrainingConfig noValidation = new TrainingConfig(1, 32, 0, 1, OptimizerConfig.adam());
        EpochResult r = Trainer.fit(Network.create(SMALL, 1), DATA, noValidation, null).history().get(0);
        assertFalse(r.hasValidation());
        assertTrue(Double.isNaN(r.valAccuracy()));
    }

    @Test
    void dataThatDoesNotFitTheModelIsRefused() {
        Network wrongInputs = Network.create(ModelSpec.parse("784 -> 10 softmax"), 1);
        assertEquals("the model takes 784 inputs but the images have 16 pixels", assertThrows(TrainingException.class,
                () -> Trainer.fit(wrongInputs, DATA, config(1, 1), null)).getMessage());
        Network fewClasses = Network.create(ModelSpec.parse("16 -> 3 softmax"), 1);
        assertTrue(assertThrows(TrainingException.class, () -> Trainer.fit(fewClasses, DATA, config(1, 1), null))
                .getMessage().endsWith("but the model knows only 3 classes"));
    }

    @Test
    void badConfigsAreRefused() {
        assertEquals("the number of epochs must be at least 1, not -1", assertThrows(IllegalArgumentException.class,
                () -> new TrainingConfig(-1, 64, 0.2, 1, OptimizerConfig.adam())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(1, 64, 1.0, 1, OptimizerConfig.adam()));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(1, 0, 0.2, 1, OptimizerConfig.adam()));
    }
}
