package dev.digitlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.optim.OptimizerConfig;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Teaching on small generated data: "MNIST" draws digit c as a bright row, the user as a bright
 * column, which a model that knows only rows cannot read.
 */
class FineTunerTest {

    private static MnistDataset rows;
    private static Network base;

    @BeforeAll
    static void trainOnRows() {
        rows = new MnistDataset("rows", "none", bars(2000, 1, true), bars(500, 2, true));
        base = Network.create(ModelSpec.parse("784 -> 32 relu -> 10 softmax"), 7);
        Trainer.fit(base, rows, new TrainingConfig(2, 32, 0, 7, OptimizerConfig.adam()), null);
    }

    /** 28x28 pictures of noise with digit c as a bright row (or column) at 4 + 2c. */
    static ImageSet bars(int count, long seed, boolean row) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[count * 784];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = i % 10;
            labels[i] = (byte) label;
            for (int p = 0; p < 784; p++) {
                int line = row ? p / 28 : p % 28;
                pixels[i * 784 + p] = line == 4 + 2 * label ? 1f : (float) (random.nextDouble() * 0.25);
            }
        }
        return new ImageSet(pixels, labels, 28, 28);
    }

    private static double accuracy(Network network, ImageSet images) {
        return Evaluator.evaluate(network, images).accuracy();
    }

    @Test
    void aShortFineTuneReadsTheUsersDrawingsAndStillReadsMnist() {
        ImageSet drawings = bars(30, 3, false);
        ImageSet otherDrawings = bars(200, 4, false);
        double mnistBefore = accuracy(base, rows.test());
        double drawingsBefore = accuracy(base, otherDrawings);

        Network taught = FineTuner.tune(base, drawings, rows.train(),
                new FineTuneConfig(60, 32, 12, 2e-3, Jitter.NONE, 1), null);

        assertTrue(mnistBefore > 0.95, "the base model reads its own data: " + mnistBefore);
        assertTrue(drawingsBefore < 0.4, "the base model cannot read columns yet: " + drawingsBefore);
        double drawingsAfter = accuracy(taught, otherDrawings);
        assertTrue(drawingsAfter > 0.9, "the user's other drawings after teaching: " + drawingsAfter);
        double mnistAfter = accuracy(taught, rows.test());
        assertTrue(mnistAfter >= mnistBefore - 0.02, "MNIST " + mnistBefore + " -> " + mnistAfter);
    }

    @Test
    void theBaseModelIsLeftAsItWas() {
        float[] before = base.parameterValues("dense_0/W");

        FineTuner.tune(base, bars(10, 5, false), rows.train(), FineTuneConfig.standard().withSteps(3), null);

        assertArrayEquals(before, base.parameterValues("dense_0/W"));
    }

    @Test
    void stoppingBeforeAStepReturnsNothing() {
        TrainingListener stop = new TrainingListener() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };

        assertNull(FineTuner.tune(base, bars(10, 5, false), rows.train(), FineTuneConfig.standard(), stop));
    }

    @Test
    void theTeacherJudgesEachDrawingWithAModelThatDidNotLearnIt() {
        ImageSet drawings = bars(30, 6, false);
        Teacher teacher = new Teacher(new FineTuneConfig(60, 32, 12, 2e-3, Jitter.NONE, 1));

        Teacher.Outcome outcome = teacher.teach(base, drawings, rows.train(), rows.test(), Double.NaN, null);

        assertEquals(30, outcome.drawings());
        assertTrue(outcome.ownBefore() < 0.4, "before " + outcome.ownBefore());
        // Two thirds of the drawings teach each fold's model enough to read the last third.
        assertTrue(outcome.ownAfter() > 0.85, "fair figure after " + outcome.ownAfter());
        assertEquals(accuracy(base, rows.test()), outcome.mnistBefore(), 1e-9);
        assertEquals(accuracy(outcome.network(), rows.test()), outcome.mnistAfter(), 1e-9);
    }

    @Test
    void foldsDealEachDigitsDrawingsOutInTurn() {
        ImageSet drawings = bars(30, 6, false);

        int[] fold = Teacher.folds(drawings);

        int[][] perDigit = new int[10][Teacher.FOLDS];
        for (int i = 0; i < fold.length; i++) {
            perDigit[drawings.label(i)][fold[i]]++;
        }
        for (int[] digit : perDigit) {
            assertArrayEquals(new int[] {1, 1, 1}, digit);
        }
    }

    @Test
    void aModelMadeByTeachingIsNamedAfterItsBaseAndCountsTheDrawings() {
        TrainedModel made = new TrainedModel("mnist-cnn", base, null, "MNIST", "abc", java.util.List.of(), 0.99,
                null);
        Teacher.Outcome outcome = new Teacher.Outcome(base, 30, 0.9, 0.99, 0.99, 0.989);

        TrainedModel adapted = outcome.model(made);
        TrainedModel again = new Teacher.Outcome(base, 5, 0.9, 0.99, 0.99, 0.989).model(adapted);

        assertEquals("mnist-cnn + my handwriting", adapted.name());
        assertEquals(new Adaptation("mnist-cnn", 30), adapted.adaptation());
        assertEquals(0.989, adapted.testAccuracy());
        assertEquals("mnist-cnn + my handwriting", again.name());
        assertEquals(new Adaptation("mnist-cnn", 35), again.adaptation());
    }
}
