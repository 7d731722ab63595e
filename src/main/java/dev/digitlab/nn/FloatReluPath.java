package dev.digitlab.nn;

import dev.digitlab.nn.cpu.NdBuffers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The element-wise work of a float32 dense layer whose activation is ReLU or none (the logits
 * before the fused softmax): the bias, the activation, its derivative and the bias gradient, in
 * float arrays copied to and from native memory in bulk. Every loop has one index into each array
 * it writes, so the JIT turns them into vector instructions (an {@code a[i] > 0 ? g[i] : 0} or a
 * bias and ReLU in one statement did not vectorise and took 4-5x as long).
 *
 * <p>The values are those of {@link Dense}'s double path rounded once to float, as the outputs are
 * stored in float anyway; a test holds the two paths together.
 */
final class FloatReluPath {

    /**
     * 2^100: a ReLU output times this twice is at least 2^51 when the output is above 0 (the
     * smallest float is 2^-149) and 0 when it is 0, so {@code min(a * 2^100 * 2^100, 1)} is ReLU's
     * derivative as 1 or 0 without a comparison, which would not vectorise.
     */
    private static final float SCALE = 0x1p100f;

    private final int units;
    private final boolean relu;
    private final float[] bias;
    private float[] activations = new float[0];
    private float[] gradients = new float[0];

    FloatReluPath(int units, Activation activation) {
        if (!handles(activation)) {
            throw new IllegalArgumentException("the float path has no " + activation.specName());
        }
        this.units = units;
        this.relu = activation == Activation.RELU;
        this.bias = new float[units];
    }

    /** Whether this path computes {@code activation}: ReLU, linear, and the softmax layer's logits. */
    static boolean handles(Activation activation) {
        return activation == Activation.RELU || activation == Activation.LINEAR || activation == Activation.SOFTMAX;
    }

    /** Adds {@code biasRow} to each of the {@code n} rows of {@code out} and applies the activation, in place. */
    void forward(INDArray out, INDArray biasRow, int n) {
        int size = n * units;
        float[] a = activations = ensure(activations, size);
        NdBuffers.read(out, a, size);
        NdBuffers.read(biasRow, bias, units);
        float[] b = bias;
        for (int r = 0; r < n; r++) {
            int base = r * units;
            for (int j = 0; j < units; j++) {
                a[base + j] += b[j];
            }
        }
        if (relu) {
            for (int i = 0; i < size; i++) {
                a[i] = Math.max(a[i], 0f);
            }
        }
        NdBuffers.write(out, a, 0, size);
    }

    /**
     * Turns {@code outputGradient} into the gradient of the pre-activation values, in place, from
     * the last forward pass's outputs, and writes their column sums into {@code biasGradient}.
     */
    void backward(INDArray outputGradient, INDArray biasGradient, int n) {
        int size = n * units;
        float[] g = gradients = ensure(gradients, size);
        NdBuffers.read(outputGradient, g, size);
        if (relu) {
            float[] a = activations;
            for (int i = 0; i < size; i++) {
                g[i] *= Math.min(a[i] * SCALE * SCALE, 1f);
            }
        }
        float[] b = bias;
        java.util.Arrays.fill(b, 0f);
        for (int r = 0; r < n; r++) {
            int base = r * units;
            for (int j = 0; j < units; j++) {
                b[j] += g[base + j];
            }
        }
        if (relu) {
            NdBuffers.write(outputGradient, g, 0, size);
        }
        NdBuffers.write(biasGradient, b, 0, units);
    }

    private static float[] ensure(float[] current, int size) {
        return current.length >= size ? current : new float[size];
    }
}
