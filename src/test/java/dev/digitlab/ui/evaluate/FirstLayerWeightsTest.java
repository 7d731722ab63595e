package dev.digitlab.ui.evaluate;

import dev.digitlab.ui.evaluate.FirstLayerWeights;
import dev.digitlab.ui.evaluate.FirstLayerWeightsTest;
import dev.digitlab.ui.evaluate.WeightGridView;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.Parameter;
import org.junit.jupiter.api.Test;

class FirstLayerWeightsTest {

    @Test
    void aDenseLayerGivesOneSquareTilePerUnitHoldingThatUnitsColumnOfW() {
        Network network = Network.create(ModelSpec.parse("16 -> 3 relu -> 10 softmax"), 1);
        float[] w = new float[16 * 3];
        for (int p = 0; p < 16; p++) {
            for (int u = 0; u < 3; u++) {
                w[p * 3 + u] = 100 * u + p; // W[p][u]
            }
        }
        network.setParameterValues("dense_0/W", w);
        FirstLayerWeights tiles = FirstLayerWeights.of(network);
        assertTrue(tiles.drawable());
        assertNull(tiles.problem());
        assertEquals("dense_0", tiles.layer());
        assertEquals(3, tiles.count());
        assertEquals(4, tiles.rows());
        assertEquals(4, tiles.cols());
        // Pixel (r, c) of a 4x4 image is input r * 4 + c.
        assertEquals(0 + 2 * 4 + 1, tiles.value(0, 2, 1));
        assertEquals(200 + 3 * 4 + 3, tiles.value(2, 3, 3));
        assertEquals(100 + 5, tiles.value(1, 1, 1));
    }

    @Test
    void theTutorialModelGives128TilesOf28x28() {
        FirstLayerWeights tiles = FirstLayerWeights.of(Network.create(ModelSpec.preset("tutorial"), 42));
        assertEquals(128, tiles.count());
        assertEquals(28, tiles.rows());
        assertEquals(28, tiles.cols());
        assertEquals(16, WeightGridView.columns(tiles.count()), "16 x 8 tiles");
    }

    @Test
    void theGridLeavesNoEmptyPlacesWhereTheCountAllowsIt() {
        assertEquals(16, WeightGridView.columns(256), "16 x 16");
        assertEquals(25, WeightGridView.columns(300), "25 x 12, nearer 2:1 than 20 x 15");
        assertEquals(5, WeightGridView.columns(10), "5 x 2");
        assertEquals(8, WeightGridView.columns(32), "8 x 4 filters");
        assertEquals(1, WeightGridView.columns(1));
        int primes = WeightGridView.columns(127);
        assertTrue(primes * ((127 + primes - 1) / primes) - 127 < primes, "a prime count still fills all but one row");
    }

    @Test
    void convolutionFiltersAreReadInEitherLayout() {
        // Two 2x3 filters; filter f at (y, x) holds 10 * f + 3 * y + x.
        float[] oiyx = new float[2 * 6];
        float[] yxio = new float[2 * 6];
        for (int f = 0; f < 2; f++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    float v = 10 * f + 3 * y + x;
                    oiyx[f * 6 + y * 3 + x] = v;
                    yxio[(y * 3 + x) * 2 + f] = v;
                }
            }
        }
        for (FirstLayerWeights tiles : new FirstLayerWeights[] {
                FirstLayerWeights.of(new Parameter("conv2d_0/W", new int[] {2, 1, 2, 3}), oiyx),
                FirstLayerWeights.of(new Parameter("conv2d_0/W", new int[] {2, 3, 1, 2}), yxio)}) {
            assertTrue(tiles.drawable(), tiles.problem());
            assertEquals(2, tiles.count());
            assertEquals(2, tiles.rows());
            assertEquals(3, tiles.cols());
            assertEquals(10 + 3 + 2, tiles.value(1, 1, 2));
            assertEquals(1, tiles.value(0, 0, 1));
        }
    }

    @Test
    void layersThatCannotBeDrawnSaySoInASentence() {
        FirstLayerWeights channels = FirstLayerWeights.of(new Parameter("conv2d_0/W", new int[] {8, 3, 5, 5}),
                new float[8 * 3 * 25]);
        assertFalse(channels.drawable());
        assertTrue(channels.problem().contains("input channels"), channels.problem());
        assertEquals(0, channels.count());

        FirstLayerWeights unknown = FirstLayerWeights.of(new Parameter("lstm_0/W", new int[] {4, 4}), new float[16]);
        assertFalse(unknown.drawable());
        assertTrue(unknown.problem().contains("lstm_0/W"), unknown.problem());

        FirstLayerWeights notSquare = FirstLayerWeights.of(Network.create(ModelSpec.parse("12 -> 10 softmax"), 1));
        assertFalse(notSquare.drawable());
        assertTrue(notSquare.problem().contains("12 inputs"), notSquare.problem());
    }

    @Test
    void scalesAreThe99thPercentileOfAbsoluteWeightsSoOutliersSaturate() {
        // 100 weights: -1..-99 step and one outlier of 1000; 99th percentile of |w| is 99.
        float[] w = new float[100];
        for (int i = 0; i < 99; i++) {
            w[i] = -(i + 1);
        }
        w[99] = 1000;
        FirstLayerWeights tiles = FirstLayerWeights.of(new Parameter("dense_0/W", new int[] {25, 4}), w);
        assertEquals(99, tiles.globalScale());
        // Unit 3 holds w[3], w[7], ..., w[99]: |w| = 4, 8, ..., 96 and 1000; its 99th percentile is 1000.
        assertEquals(1000, tiles.scale(3));
        // Unit 0 holds 1, 5, ..., 97: the top one.
        assertEquals(97, tiles.scale(0));
    }
}
