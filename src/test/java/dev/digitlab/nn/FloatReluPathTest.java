package dev.digitlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The float32 ReLU path at the edges its comparison-free derivative must get right. */
class FloatReluPathTest {

    @Test
    void theSmallestPositiveOutputPassesItsGradientAndZeroStopsIt() {
        FloatReluPath path = new FloatReluPath(4, Activation.RELU);
        INDArray out = Nd4j.create(new float[] {-1f, Float.MIN_VALUE, 5f, 3e38f, 0.5f, -0f, 0f, 1e-30f}, new long[] {2, 4});
        INDArray bias = Nd4j.create(new float[] {0f, 0f, 0f, 0f}, new long[] {1, 4});
        path.forward(out, bias, 2);
        assertArrayEquals(new float[] {0f, Float.MIN_VALUE, 5f, 3e38f, 0.5f, 0f, 0f, 1e-30f}, out.data().asFloat());

        INDArray gradient = Nd4j.create(new float[] {2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f}, new long[] {2, 4});
        INDArray biasGradient = Nd4j.create(DataType.FLOAT, 1, 4);
        path.backward(gradient, biasGradient, 2);
        assertArrayEquals(new float[] {0f, 3f, 4f, 5f, 6f, 0f, 0f, 9f}, gradient.data().asFloat());
        assertArrayEquals(new float[] {6f, 3f, 4f, 14f}, biasGradient.data().asFloat());
    }

    @Test
    void aLinearLayerAddsTheBiasAndPassesEveryGradient() {
        FloatReluPath path = new FloatReluPath(2, Activation.SOFTMAX);
        INDArray out = Nd4j.create(new float[] {-1f, 2f, 0f, -3f}, new long[] {2, 2});
        path.forward(out, Nd4j.create(new float[] {0.5f, 1f}, new long[] {1, 2}), 2);
        assertArrayEquals(new float[] {-0.5f, 3f, 0.5f, -2f}, out.data().asFloat());
        INDArray gradient = Nd4j.create(new float[] {1f, 2f, 3f, 4f}, new long[] {2, 2});
        INDArray biasGradient = Nd4j.create(DataType.FLOAT, 1, 2);
        path.backward(gradient, biasGradient, 2);
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f}, gradient.data().asFloat());
        assertArrayEquals(new float[] {4f, 6f}, biasGradient.data().asFloat());
    }
}
