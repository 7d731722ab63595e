package dev.digitlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The dense layers' bias and ReLU loops at the edges their comparison-free forms must get right. */
class LayerKernelsTest {

    @Test
    void theSmallestPositiveOutputPassesItsGradientAndZeroStopsItInFloat() {
        float[] values = {-1.5f, Float.MIN_VALUE - 0.5f, 4.5f, 3e38f, 0f, -0.5f, -0.5f, 1e-30f};
        LayerKernels.addToRows(values, new float[] {0.5f, 0.5f, 0.5f, 0f}, 2, 4);
        LayerKernels.activate(values, 0, 8, Activation.RELU);
        // 0.5 - 0.5 rounds to 0 in the second column's first row: MIN_VALUE - 0.5 is -0.5 in float.
        assertArrayEquals(new float[] {0f, 0f, 5f, 3e38f, 0.5f, 0f, 0f, 1e-30f}, values);

        float[] outputs = {0f, Float.MIN_VALUE, 5f, 3e38f, 0.5f, 0f, 0f, 1e-30f};
        float[] gradient = {2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f};
        LayerKernels.derive(gradient, outputs, 0, 8, Activation.RELU);
        assertArrayEquals(new float[] {0f, 3f, 4f, 5f, 6f, 0f, 0f, 9f}, gradient);
        float[] sums = {99f, 99f, 99f, 99f};
        LayerKernels.sumRows(gradient, sums, 2, 4);
        assertArrayEquals(new float[] {6f, 3f, 4f, 14f}, sums);
    }

    @Test
    void theSameInDouble() {
        double[] outputs = {0, Double.MIN_VALUE, 5, 1e300, 0.5, 0, 0, 1e-300};
        double[] gradient = {2, 3, 4, 5, 6, 7, 8, 9};
        LayerKernels.derive(gradient, outputs, 0, 8, Activation.RELU);
        assertArrayEquals(new double[] {0, 3, 4, 5, 6, 0, 0, 9}, gradient);
        double[] sums = new double[4];
        LayerKernels.sumRows(gradient, sums, 2, 4);
        assertArrayEquals(new double[] {6, 3, 4, 14}, sums);
        double[] values = {-1, 2, 3, -4};
        LayerKernels.addToRows(values, new double[] {1, -1}, 2, 2);
        assertArrayEquals(new double[] {0, 1, 4, -5}, values);
    }
}
