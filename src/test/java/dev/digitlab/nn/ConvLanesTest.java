package dev.digitlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A conv layer whose batches are split into two lanes (run at the same time on two threads) computes
 * what the same layer computes in one: the same outputs and input gradients to the bit (each value is
 * the same product of the same numbers), and the kernel and bias gradients up to the order in which
 * the two halves' sums are added.
 */
class ConvLanesTest {

    @ParameterizedTest(name = "{0} examples, {1}, pool {2}, chunk budget {3}")
    @CsvSource({
        "1, relu, 2, 0", "2, relu, 2, 0", "3, relu, 2, 0", "7, relu, 2, 0", "64, relu, 2, 0", "65, relu, 2, 0",
        "9, tanh, 0, 0", "33, linear, 0, 0", "5, sigmoid, 3, 0",
        // A small budget: several chunks per lane, the lanes' ranges cut across chunk sizes.
        "17, relu, 2, 2", "31, elu, 0, 3"})
    void twoLanesComputeWhatOneLaneComputes(int batch, String activation, int pool, int chunkExamples) {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            LayerSpec spec = LayerSpec.conv(3, 3, 5, activation, "valid");
            int[] in = {2, 10, 10};
            int budget = chunkExamples == 0 ? Conv2D.COLUMN_BUDGET : chunkExamples * (3 * 3 * 2 + 1) * 64 * 2;
            Bound one = bind(new Conv2D("c", spec, in, type, pool, budget, 1), type);
            Bound two = bind(new Conv2D("c", spec, in, type, pool, budget, 2), type);
            one.layer().initialize(new SplittableRandom(3));
            one.layer().parameter("b").assign(Nd4j.linspace(type, -0.2, 0.1, 5));
            two.parameters().assign(one.parameters());
            SplittableRandom random = new SplittableRandom(batch);
            INDArray input = values(Nd4j.create(type, batch, 2, 10, 10), random);
            String what = type + ", " + batch + " examples";

            double[] outputOne = one.layer().forward(input, true).dup().castTo(DataType.DOUBLE).data().asDouble();
            double[] outputTwo = two.layer().forward(input, true).dup().castTo(DataType.DOUBLE).data().asDouble();
            assertArrayEquals(outputOne, outputTwo, 0, what + ": outputs");

            INDArray gradient = values(Nd4j.create(type, batch, 5, pool == 0 ? 8 : 8 / pool, pool == 0 ? 8 : 8 / pool),
                    random);
            double[] inputGradientOne = one.layer().backward(gradient.dup(), true).dup().castTo(DataType.DOUBLE).data()
                    .asDouble();
            double[] inputGradientTwo = two.layer().backward(gradient.dup(), true).dup().castTo(DataType.DOUBLE).data()
                    .asDouble();
            assertArrayEquals(inputGradientOne, inputGradientTwo, 0, what + ": input gradients");
            assertClose(one.gradients(), two.gradients(), type, what + ": kernel and bias gradients");

            // The first layer's pass without an input gradient: the kernel gradients alone.
            one.gradients().assign(0);
            two.gradients().assign(7);
            assertNull(two.layer().backward(gradient.dup(), false));
            one.layer().backward(gradient.dup(), false);
            assertClose(one.gradients(), two.gradients(), type, what + ": kernel gradients without input gradient");
        }
    }

    private static void assertClose(INDArray expected, INDArray actual, DataType type, String what) {
        double[] e = expected.castTo(DataType.DOUBLE).data().asDouble();
        double[] a = actual.castTo(DataType.DOUBLE).data().asDouble();
        double scale = 0;
        for (double v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 0, what + ": the test needs gradients that are not all zero");
        double tolerance = (type == DataType.FLOAT ? 1e-6 : 1e-14) * scale;
        assertEquals(e.length, a.length);
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], tolerance, what + " at " + i);
        }
    }

    private record Bound(Conv2D layer, INDArray parameters, INDArray gradients) {
    }

    private static Bound bind(Conv2D layer, DataType type) {
        INDArray parameters = Nd4j.create(type, 1, layer.parameterCount());
        INDArray gradients = Nd4j.create(type, 1, layer.parameterCount());
        layer.bind(parameters.getRow(0), gradients.getRow(0));
        return new Bound(layer, parameters, gradients);
    }

    /** Fills {@code target} with values in [-1, 1), a few of them equal (ties in the pooling windows). */
    private static INDArray values(INDArray target, SplittableRandom random) {
        long n = target.length();
        double[] v = new double[(int) n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextInt(10) == 0 ? 0 : random.nextDouble() * 2 - 1;
        }
        return target.assign(Nd4j.createFromArray(v).castTo(target.dataType()).reshape(target.shape()));
    }
}
