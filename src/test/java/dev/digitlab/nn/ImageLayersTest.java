package dev.digitlab.nn;

import dev.digitlab.nn.cpu.NdBuffers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Conv, max-pool and flatten against plain loops that compute what the documentation says: a
 * channels-first image, a kernel in Keras's layout {@code [kh][kw][in][out]}, Keras's "same"
 * padding. (The gradient check shows that backward matches forward; this shows that forward is
 * the documented convolution and not some other consistent function.)
 */
class ImageLayersTest {

    @ParameterizedTest
    @ValueSource(strings = {"valid", "same"})
    void convolutionIsTheDocumentedSumOverKernelAndChannels(String padding) {
        int channels = 2;
        int side = 6;
        LayerSpec spec = LayerSpec.conv(3, 4, 3, "linear", padding);
        Conv2D conv = bind(new Conv2D("conv2d_0", spec, new int[] {channels, side, side}, DataType.DOUBLE),
                DataType.DOUBLE).layer();
        double[] kernel = values(conv.parameter("W"), 3 * 4 * channels * 3, 11);
        double[] bias = values(conv.parameter("b"), 3, 12);
        int batch = 2;
        INDArray input = Nd4j.create(DataType.DOUBLE, batch, channels, side, side);
        double[] x = values(input, batch * channels * side * side, 13);

        double[] out = conv.forward(input, false).dup().data().asDouble();

        int[] shape = conv.outputShape();
        assertArrayEquals(padding.equals("same") ? new int[] {3, 6, 6} : new int[] {3, 4, 3}, shape);
        // Keras pads "same" with (k - 1) / 2 zeros before, the rest after: 1 row above, 1 left and 2 right here.
        int padTop = padding.equals("same") ? 1 : 0;
        int padLeft = padding.equals("same") ? 1 : 0;
        int i = 0;
        for (int e = 0; e < batch; e++) {
            for (int f = 0; f < 3; f++) {
                for (int oy = 0; oy < shape[1]; oy++) {
                    for (int ox = 0; ox < shape[2]; ox++) {
                        double sum = bias[f];
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 4; kx++) {
                                for (int c = 0; c < channels; c++) {
                                    int iy = oy + ky - padTop;
                                    int ix = ox + kx - padLeft;
                                    if (iy >= 0 && iy < side && ix >= 0 && ix < side) {
                                        sum += kernel[((ky * 4 + kx) * channels + c) * 3 + f]
                                                * x[((e * channels + c) * side + iy) * side + ix];
                                    }
                                }
                            }
                        }
                        assertEquals(sum, out[i++], 1e-12, "example " + e + " filter " + f + " at " + oy + "," + ox);
                    }
                }
            }
        }
    }

    @Test
    void aFlatInputIsOneSquareChannel() {
        Conv2D conv = bind(new Conv2D("conv2d_0", LayerSpec.conv(2, 2, 1, "linear", "valid"), new int[] {9},
                DataType.DOUBLE), DataType.DOUBLE).layer();
        NdBuffers.write(conv.parameter("W"), new double[] {1, 10, 100, 1000});
        INDArray input = Nd4j.create(DataType.DOUBLE, 1, 9);
        NdBuffers.write(input, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        INDArray out = conv.forward(input, false);
        assertArrayEquals(new long[] {1, 1, 2, 2}, out.shape());
        // Top-left window 1 2 / 4 5 weighted 1, 10, 100, 1000.
        assertArrayEquals(new double[] {5421, 6532, 8754, 9865}, out.dup().data().asDouble(), 1e-9);
        INDArray gradient = conv.backward(Nd4j.ones(DataType.DOUBLE, 1, 1, 2, 2), true);
        assertArrayEquals(new long[] {1, 9}, gradient.shape(), "a flat input gets a flat gradient");
    }

    @Test
    void reluOutputsAreTheLinearOnesClippedAtZero() {
        LayerSpec linear = LayerSpec.conv(3, 3, 4, "linear", "same");
        LayerSpec relu = LayerSpec.conv(3, 3, 4, "relu", "same");
        Conv2D a = bind(new Conv2D("a", linear, new int[] {2, 5, 5}, DataType.FLOAT), DataType.FLOAT).layer();
        Conv2D b = bind(new Conv2D("b", relu, new int[] {2, 5, 5}, DataType.FLOAT), DataType.FLOAT).layer();
        a.initialize(new SplittableRandom(1));
        b.parameter("W").assign(a.parameter("W"));
        b.parameter("b").assign(Nd4j.linspace(DataType.FLOAT, -0.2, 0.1, 4));
        a.parameter("b").assign(b.parameter("b"));
        INDArray input = Nd4j.rand(DataType.FLOAT, 3, 2, 5, 5).subi(0.5);
        float[] z = a.forward(input, true).dup().data().asFloat();
        float[] r = b.forward(input, true).dup().data().asFloat();
        int negatives = 0;
        for (int i = 0; i < z.length; i++) {
            assertEquals(Math.max(z[i], 0f), r[i], 0f);
            negatives += z[i] < 0 ? 1 : 0;
        }
        assertEquals(true, negatives > 0 && negatives < z.length, "the test needs both signs");
    }

    @Test
    void reluDerivativeIsExactlyOneForEveryPositiveOutputAndZeroAtZero() {
        float[] outputs = {0f, Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f, 3f, Float.MAX_VALUE, 0f};
        float[] gradient = {1.5f, 1.5f, -2f, 7f, 0.25f, 3f, 9f};
        float[] product = new float[7];
        LayerKernels.derive(gradient, outputs, product, 0, 1, 1, 7, Activation.RELU);
        assertArrayEquals(new float[] {0f, 1.5f, -2f, 7f, 0.25f, 3f, 0f}, product);
        double[] outputsD = {0, Double.MIN_VALUE, 1e-300, 3, Double.MAX_VALUE, 0};
        double[] gradientD = {1.5, 1.5, -2, 0.25, 3, 9};
        double[] productD = new double[6];
        LayerKernels.derive(gradientD, outputsD, productD, 0, 1, 1, 6, Activation.RELU);
        assertArrayEquals(new double[] {0, 1.5, -2, 0.25, 3, 0}, productD);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void chunkedBatchesGiveTheSameOutputsAndGradientsAsOneChunk(int chunkExamples) {
        LayerSpec spec = LayerSpec.conv(3, 3, 4, "tanh", "same");
        int[] in = {2, 6, 6};
        // The column matrix of one example is (3 * 3 * 2 + 1) x 36 values.
        Bound<Conv2D> one = bind(new Conv2D("c", spec, in, DataType.DOUBLE), DataType.DOUBLE);
        Bound<Conv2D> several = bind(new Conv2D("c", spec, in, DataType.DOUBLE, 0, chunkExamples * 19 * 36), DataType.DOUBLE);
        Conv2D whole = one.layer();
        Conv2D chunked = several.layer();
        whole.initialize(new SplittableRandom(4));
        chunked.parameter("W").assign(whole.parameter("W"));
        chunked.parameter("b").assign(Nd4j.linspace(DataType.DOUBLE, -0.3, 0.2, 4));
        whole.parameter("b").assign(chunked.parameter("b"));
        INDArray input = Nd4j.rand(DataType.DOUBLE, 7, 2, 6, 6);
        INDArray gradient = Nd4j.rand(DataType.DOUBLE, 7, 4, 6, 6);

        assertArrayEquals(whole.forward(input, true).dup().data().asDouble(),
                chunked.forward(input, true).dup().data().asDouble(), 1e-12);
        double[] inputGradientWhole = whole.backward(gradient.dup(), true).dup().data().asDouble();
        double[] inputGradientChunked = chunked.backward(gradient.dup(), true).dup().data().asDouble();
        assertArrayEquals(inputGradientWhole, inputGradientChunked, 1e-12);
        assertArrayEquals(one.gradients().data().asDouble(), several.gradients().data().asDouble(), 1e-12);
        assertEquals(true, one.gradients().norm2Number().doubleValue() > 0);
    }

    @ParameterizedTest
    @CsvSource({"relu, 2, 0", "relu, 2, 2", "tanh, 3, 0", "sigmoid, 2, 3", "linear, 3, 2"})
    void poolingInsideTheConvLayerIsExactlyAConvLayerThenAPoolLayer(String activation, int size, int chunkExamples) {
        LayerSpec spec = LayerSpec.conv(3, 2, 4, activation, "same");
        int[] in = {2, 7, 8};
        int budget = chunkExamples == 0 ? Conv2D.COLUMN_BUDGET : chunkExamples * (3 * 2 * 2 + 1) * 56;
        Bound<Conv2D> fused = bind(new Conv2D("c", spec, in, DataType.DOUBLE, size, budget), DataType.DOUBLE);
        Bound<Conv2D> conv = bind(new Conv2D("c", spec, in, DataType.DOUBLE), DataType.DOUBLE);
        MaxPool2D pool = new MaxPool2D("p", LayerSpec.maxPool(size), conv.layer().outputShape(), DataType.DOUBLE);
        conv.layer().initialize(new SplittableRandom(6));
        fused.parameters().assign(conv.parameters());
        INDArray input = Nd4j.rand(DataType.DOUBLE, 7, 2, 7, 8).subi(0.5);
        // Ties, as ReLU makes them: a whole example of zeros.
        input.get(org.nd4j.linalg.indexing.NDArrayIndex.point(3)).assign(0);

        INDArray expected = pool.forward(conv.layer().forward(input, true), true);
        INDArray actual = fused.layer().forward(input, true);
        assertArrayEquals(expected.shape(), actual.shape());
        assertArrayEquals(expected.dup().data().asDouble(), actual.dup().data().asDouble(), 0);

        INDArray gradient = Nd4j.rand(DataType.DOUBLE, expected.shape());
        double[] inputGradient = conv.layer().backward(pool.backward(gradient.dup(), true), true).dup().data().asDouble();
        assertArrayEquals(inputGradient, fused.layer().backward(gradient.dup(), true).dup().data().asDouble(), 1e-12);
        assertArrayEquals(conv.gradients().data().asDouble(), fused.gradients().data().asDouble(), 1e-12);
    }

    @Test
    void maxPoolTakesEachWindowsLargestAndDropsWhatDoesNotFill() {
        MaxPool2D pool = new MaxPool2D("p", LayerSpec.maxPool(2), new int[] {1, 3, 5}, DataType.FLOAT);
        INDArray input = Nd4j.create(DataType.FLOAT, 1, 1, 3, 5);
        NdBuffers.write(input, new float[] {
            1, 9, 2, 2, 7,
            3, 4, 5, 2, 8,
            6, 6, 6, 6, 6}, 0, 15);
        INDArray out = pool.forward(input, true);
        assertArrayEquals(new long[] {1, 1, 1, 2}, out.shape());
        assertArrayEquals(new float[] {9, 5}, out.dup().data().asFloat());
        INDArray gradient = Nd4j.create(DataType.FLOAT, 1, 1, 1, 2);
        NdBuffers.write(gradient, new float[] {10, 20}, 0, 2);
        assertArrayEquals(new float[] {
            0, 10, 0, 0, 0,
            0, 0, 20, 0, 0,
            0, 0, 0, 0, 0}, pool.backward(gradient, true).dup().data().asFloat());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void poolingTiesSendTheGradientToTheFirstOfTheEqualValues(int size) {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            MaxPool2D pool = new MaxPool2D("p", LayerSpec.maxPool(size), new int[] {2, size, size}, type);
            INDArray input = Nd4j.zeros(type, 1, 2, size, size);
            input.putScalar(new long[] {0, 1, size - 1, 0}, 4);
            input.putScalar(new long[] {0, 1, size - 1, 1}, 4);
            assertArrayEquals(new double[] {0, 4}, pool.forward(input, true).dup().castTo(DataType.DOUBLE).data().asDouble());
            double[] back = pool.backward(Nd4j.ones(type, 1, 2, 1, 1), true).castTo(DataType.DOUBLE).data().asDouble();
            double[] expected = new double[2 * size * size];
            expected[0] = 1;
            expected[size * size + (size - 1) * size] = 1;
            assertArrayEquals(expected, back, type.toString());
        }
    }

    @Test
    void flattenIsAViewBothWays() {
        Flatten flatten = new Flatten("f", LayerSpec.flatten(), new int[] {2, 3, 4});
        INDArray input = Nd4j.rand(DataType.FLOAT, 5, 2, 3, 4);
        INDArray out = flatten.forward(input, true);
        assertArrayEquals(new long[] {5, 24}, out.shape());
        out.putScalar(0, 1, 42);
        assertEquals(42, input.getFloat(0, 0, 0, 1), "forward shares the memory");
        INDArray back = flatten.backward(out, true);
        assertArrayEquals(new long[] {5, 2, 3, 4}, back.shape());
        assertEquals(42, back.getFloat(0, 0, 0, 1));
        assertNull(flatten.backward(out, false));
    }

    @Test
    void withoutAnInputGradientTheParameterGradientsAreStillComputed() {
        Bound<Conv2D> bound = bind(new Conv2D("c", LayerSpec.conv(3, 3, 2, "linear", "valid"), new int[] {16},
                DataType.DOUBLE), DataType.DOUBLE);
        Conv2D conv = bound.layer();
        conv.initialize(new SplittableRandom(2));
        INDArray input = Nd4j.rand(DataType.DOUBLE, 4, 16);
        conv.forward(input, true);
        INDArray gradient = Nd4j.rand(DataType.DOUBLE, 4, 2, 2, 2);
        assertNull(conv.backward(gradient.dup(), false));
        double[] without = bound.gradients().dup().data().asDouble();
        conv.backward(gradient.dup(), true);
        assertArrayEquals(bound.gradients().data().asDouble(), without, 1e-12);
        // The bias gradient (last 2 values) is the gradient summed over examples and positions.
        assertEquals(gradient.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(1))
                .sumNumber().doubleValue(), without[without.length - 1], 1e-12);
    }

    /** A layer bound to flat parameter and gradient vectors of its own. */
    private record Bound<T extends Layer>(T layer, INDArray parameters, INDArray gradients) {
    }

    private static <T extends Layer> Bound<T> bind(T layer, DataType type) {
        INDArray parameters = Nd4j.create(type, 1, layer.parameterCount());
        INDArray gradients = Nd4j.create(type, 1, layer.parameterCount());
        layer.bind(parameters.getRow(0), gradients.getRow(0));
        return new Bound<>(layer, parameters, gradients);
    }

    /** Fills {@code target} with {@code count} seeded values in [-1, 1) and returns them. */
    private static double[] values(INDArray target, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = random.nextDouble() * 2 - 1;
        }
        NdBuffers.write(target, v);
        return v;
    }
}
