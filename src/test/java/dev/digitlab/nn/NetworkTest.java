package dev.digitlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    void everyPresetHasKerassParameterCountAndGivesOneProbabilityRowPerImage() {
        Map<String, Long> keras = Map.of("tutorial", 101_770L, "deeper", 235_146L, "dropout", 235_146L,
                "cnn", 225_546L);
        assertEquals(keras.keySet(), Set.copyOf(ModelSpec.PRESETS));
        for (String name : ModelSpec.PRESETS) {
            ModelSpec spec = ModelSpec.preset(name);
            Network network = Network.create(spec, 1);
            assertEquals(keras.get(name), network.parameterCount(), name);
            assertEquals(spec.parameters(), network.parameters(), name);
            assertEquals(spec.parameterCount(), network.parameterCount(), name);
            float[][] p = network.predict(randomImages(3, 1), 3);
            assertEquals(3, p.length);
            for (float[] row : p) {
                assertEquals(10, row.length);
                double sum = 0;
                for (float v : row) {
                    sum += v;
                }
                assertEquals(1, sum, 1e-5, name);
            }
        }
    }

    @Test
    void cnnPresetHasKerassShapesAndParameters() {
        ModelSpec spec = ModelSpec.preset("cnn");
        assertEquals(List.of("[32, 24, 24]", "[32, 12, 12]", "[64, 10, 10]", "[64, 5, 5]", "[1600]", "[128]", "[128]", "[10]"),
                spec.shapes().stream().map(Arrays::toString).toList());
        Network network = Network.create(spec, 1);
        // Each max-pool runs inside the conv layer before it.
        assertEquals(List.of("conv2d_0 [32, 12, 12] 832", "conv2d_1 [64, 5, 5] 18496", "flatten_0 [1600] 0",
                "dense_0 [128] 204928", "dropout_0 [128] 0", "dense_1 [10] 1290"), network.layers().stream()
                .map(l -> l.name() + " " + Arrays.toString(l.outputShape()) + " " + l.parameterCount()).toList());
        assertEquals(List.of(new Parameter("conv2d_0/W", new int[] {5, 5, 1, 32}), new Parameter("conv2d_0/b", new int[] {32}),
                new Parameter("conv2d_1/W", new int[] {3, 3, 32, 64}), new Parameter("conv2d_1/b", new int[] {64}),
                new Parameter("dense_0/W", new int[] {1600, 128}), new Parameter("dense_0/b", new int[] {128}),
                new Parameter("dense_1/W", new int[] {128, 10}), new Parameter("dense_1/b", new int[] {10})),
                network.parameters());
    }

    @Test
    void aDenseLayerAfterAnImageFlattensItWithoutAFlattenLayerInTheSpec() {
        // The PyTorch peer's CNN: conv 5x5x32 (832) + 4608 x 128 (589,952) + 128 x 10 (1,290).
        ModelSpec spec = ModelSpec.parse("784 -> conv 5x5x32 relu -> maxpool 2 -> 128 relu -> 10 softmax");
        Network network = Network.create(spec, 1);
        assertEquals(592_074, network.parameterCount());
        assertEquals(List.of("conv2d_0", "flatten_0", "dense_0", "dense_1"),
                network.layers().stream().map(Layer::name).toList());
        assertArrayEquals(new int[] {32, 12, 12}, network.layers().get(0).outputShape(), "pooled inside the conv layer");
        assertEquals(spec, network.spec(), "the spec stays as written");
    }

    @Test
    void convKernelsAreGlorotUniformWithKerassFansAndBiasesZero() {
        Network network = Network.create(ModelSpec.preset("cnn"), 42);
        float[] w = network.parameterValues("conv2d_1/W");
        double limit = Math.sqrt(6.0 / (3 * 3 * 32 + 3 * 3 * 64));
        double squares = 0;
        for (float v : w) {
            assertTrue(Math.abs(v) <= limit, "weight " + v + " outside +-" + limit);
            squares += v * v;
        }
        assertEquals(limit * limit / 3, squares / w.length, limit * limit * 0.02);
        assertArrayEquals(new float[64], network.parameterValues("conv2d_1/b"));
    }

    @Test
    void aCnnPredictsTheSameInLargeBatchesAsOneImageAtATime() {
        Network network = Network.create(ModelSpec.preset("cnn"), 3);
        int count = 600; // more than one prediction chunk, and more than one column-matrix chunk
        float[] images = randomImages(count, 4);
        float[][] all = network.predict(images, count);
        for (int i : new int[] {0, 226, 227, 599}) {
            assertArrayEquals(network.probabilities(Arrays.copyOfRange(images, i * 784, (i + 1) * 784)), all[i], 1e-6f);
        }
    }

    private static float[] randomImages(int count, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        float[] images = new float[count * 784];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextDouble();
        }
        return images;
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
