package dev.digitlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.ImageSet;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import org.junit.jupiter.api.Test;

class PredictionsTest {

    /** More than two evaluation batches, so batch edges are crossed. */
    private final ImageSet images = SyntheticDigits.images(2345, 3);
    private final Network model = Network.create(ModelSpec.parse("16 -> 12 relu -> 10 softmax"), 5);

    @Test
    void lossAccuracyAndConfusionMatchTheEvaluator() {
        Evaluation oracle = Evaluator.evaluate(model, images);
        Evaluation e = Predictions.of(model, images).evaluation();
        assertArrayEquals(oracle.confusion(), e.confusion());
        assertEquals(oracle.accuracy(), e.accuracy(), 1e-12);
        assertEquals(oracle.loss(), e.loss(), 1e-9);
    }

    @Test
    void eachImageKeepsItsProbabilitiesAndTopPrediction() {
        Predictions p = Predictions.of(model, images);
        assertEquals(images.size(), p.size());
        for (int i : new int[] {0, 999, 1000, 2344}) {
            float[] expected = model.probabilities(images.image(i));
            assertArrayEquals(expected, p.probabilities(i), 1e-6f);
            int best = 0;
            for (int c = 1; c < 10; c++) {
                if (expected[c] > expected[best]) {
                    best = c;
                }
            }
            assertEquals(best, p.predicted(i));
            assertEquals(expected[best], p.topProbability(i), 1e-6f);
            assertEquals(images.label(i), p.label(i));
        }
    }

    @Test
    void indicesListExactlyTheImagesOfACell() {
        Predictions p = Predictions.of(model, images);
        int[][] confusion = p.evaluation().confusion();
        int total = 0;
        for (int a = 0; a < 10; a++) {
            for (int q = 0; q < 10; q++) {
                int[] cell = p.indices(a, q);
                assertEquals(confusion[a][q], cell.length, "cell " + a + "," + q);
                for (int k = 0; k < cell.length; k++) {
                    assertEquals(a, p.label(cell[k]));
                    assertEquals(q, p.predicted(cell[k]));
                    assertTrue(k == 0 || cell[k] > cell[k - 1], "in test-set order");
                }
                total += cell.length;
            }
        }
        assertEquals(images.size(), total);
    }

    @Test
    void imagesOfAnotherSizeAreRefusedWithTheSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Predictions.of(Network.create(ModelSpec.parse("784 -> 10 softmax"), 1), images));
        assertTrue(e.getMessage().contains("784") && e.getMessage().contains("16"), e.getMessage());
    }
}
