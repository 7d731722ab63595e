package dev.digitlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkTest {

    private static final ModelSpec TUTORIAL = ModelSpec.preset("tutorial");

    @Test
    void parametersAreListedLayerByLayerWithShapes() {
        Network network = Network.create(ModelSpec.preset("dropout"), 1);
        assertEquals(List.of(
                new Parameter("dense_0/W", new int[] {784, 256}), new Parameter("dense_0/b", new int[] {256}),
                new Parameter("dense_1/W", new int[] {256, 128}), new Parameter("dense_1/b", new int[] {128}),
                new Parameter("dense_2/W", new int[] {128, 10}), new Parameter("dense_2/b", new int[] {10})),
                network.parameters());
        assertEquals(101_770, Network.create(TUTORIAL, 1).parameterCount());
    }

    @Test
    void weightsAreGlorotUniformAndBiasesZero() {
        Network network = Network.create(TUTORIAL, 42);
        float[] w = network.parameterValues("dense_0/W");
        double limit = Math.sqrt(6.0 / (784 + 128));
        double sum = 0;
        double squares = 0;
        for (float v : w) {
            assertTrue(Math.abs(v) <= limit, "weight " + v + " outside +-" + limit);
            sum += v;
            squares += v * v;
        }
        assertEquals(0, sum / w.length, limit * 0.01);
        assertEquals(limit * limit / 3, squares / w.length, limit * limit * 0.01);
        assertArrayEquals(new float[128], network.parameterValues("dense_0/b"));
    }

    @Test
    void sameSeedGivesSameWeightsAndAnotherSeedOthers() {
        Network a = Network.create(TUTORIAL, 42);
        Network b = Network.create(TUTORIAL, 42);
        Network c = Network.create(TUTORIAL, 43);
        for (Parameter p : a.parameters()) {
            assertArrayEquals(a.parameterValues(p.name()), b.parameterValues(p.name()), p.name());
        }
        assertFalse(Arrays.equals(a.parameterValues("dense_0/W"), c.parameterValues("dense_0/W")));
    }

    @Test
    void parameterValuesCanBeReplacedAndReadBack() {
        Network network = Network.create(TUTORIAL, 1);
        float[] bias = new float[10];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = i * 0.5f;
        }
        network.setParameterValues("dense_1/b", bias);
        assertArrayEquals(bias, network.parameterValues("dense_1/b"));
    }

    @Test
    void replacingWithTheWrongCountOrNameIsRefused() {
        Network network = Network.create(TUTORIAL, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> network.setParameterValues("dense_1/b", new float[9]));
        assertEquals("parameter dense_1/b[10] needs 10 values, got 9", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> network.parameterValues("dense_7/W"));
    }

    @Test
    void probabilitiesFollowTheSoftmaxOfTheLogits() {
        Network network = Network.create(ModelSpec.parse("3 -> 3 softmax"), 1);
        network.setParameterValues("dense_0/W", new float[] {1, 0, 0, 0, 2, 0, 0, 0, 3});
        network.setParameterValues("dense_0/b", new float[] {0, 0, 1});
        float[] p = network.probabilities(new float[] {1, 1, 0});
        // logits 1, 2, 1
        double sum = 2 * Math.exp(1) + Math.exp(2);
        assertArrayEquals(new float[] {(float) (Math.exp(1) / sum), (float) (Math.exp(2) / sum),
            (float) (Math.exp(1) / sum)}, p, 1e-6f);
    }

    @Test
    void probabilitiesStayFiniteForHugeLogits() {
        Network network = Network.create(ModelSpec.parse("2 -> 2 softmax"), 1);
        network.setParameterValues("dense_0/W", new float[] {1e4f, 0, 0, 1e4f});
        float[] p = network.probabilities(new float[] {1, 0});
        assertArrayEquals(new float[] {1, 0}, p, 0);
        double[] logs = network.logProbabilities(new float[] {1, 0}, 1);
        assertEquals(-1e4, logs[1], 1e-6);
    }

    @Test
    void predictGivesTheSameRowsAsOneImageAtATime() {
        Network network = Network.create(TUTORIAL, 5);
        int count = 1003; // more than one internal chunk
        float[] images = new float[count * 784];
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextDouble();
        }
        float[][] all = network.predict(images, count);
        assertEquals(count, all.length);
        for (int i : new int[] {0, 999, 1000, 1002}) {
            float[] one = network.probabilities(Arrays.copyOfRange(images, i * 784, (i + 1) * 784));
            assertArrayEquals(one, all[i], 1e-6f);
            double sum = 0;
            for (float v : one) {
                sum += v;
            }
            assertEquals(1, sum, 1e-5);
        }
    }

    @Test
    void aCopyPredictsTheSameAndChangesIndependently() {
        Network network = Network.create(TUTORIAL, 5);
        Network copy = network.copy();
        float[] image = new float[784];
        image[300] = 1;
        assertArrayEquals(network.probabilities(image), copy.probabilities(image));
        copy.setParameterValues("dense_1/b", new float[10]);
        network.setParameterValues("dense_1/b", new float[] {9, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertArrayEquals(new float[10], copy.parameterValues("dense_1/b"));
        assertEquals(TUTORIAL, copy.spec());
    }

    @Test
    void anImageOfTheWrongSizeIsRefused() {
        Network network = Network.create(TUTORIAL, 5);
        assertEquals("an image needs 784 values, got 100",
                assertThrows(IllegalArgumentException.class, () -> network.probabilities(new float[100])).getMessage());
    }
}
