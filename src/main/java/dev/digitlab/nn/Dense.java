package dev.digitlab.nn;

import dev.digitlab.nn.cpu.Blas;
import dev.digitlab.nn.cpu.BufferCache;
import dev.digitlab.nn.cpu.HostCopy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fully connected layer {@code y = f(x W + b)}, with W of shape {@code [inputs, units]} and b of
 * {@code [units]}, initialised as Keras does: Glorot-uniform W, zero b.
 *
 * <p>A softmax layer computes only {@code x W + b} (the logits): the network applies the softmax
 * itself, fused with the cross-entropy loss, which is both faster and numerically stable.
 */
final class Dense extends WeightedLayer {

    /** The slope of leaky_relu below 0, Keras's default for the activation. */
    static final double LEAKY_SLOPE = 0.2;

    private final int inputs;
    private final int units;
    private final Activation activation;
    /** How many lanes the large products are split into (see Blas). */
    private final int lanes;
    private final BufferCache outputs;
    private final BufferCache inputGradients;
    private final HostCopy host = new HostCopy();
    /** The bias on the way forward, the bias gradient on the way back. */
    private final double[] biasValues;

    private INDArray lastInput;
    /** The last forward pass's outputs (after the activation), kept for its derivative. */
    private double[] activations = new double[0];
    private double[] gradients = new double[0];
    /**
     * float32 ReLU and linear layers (the tutorial's, and every preset's) work in float arrays with
     * plain bulk copies: the double work arrays' widening and narrowing copies and half-width loops
     * cost ~20 us of a ~400 us tutorial step; these loops take ~6. See {@link FloatReluPath}.
     */
    private final FloatReluPath floats;

    Dense(String name, LayerSpec spec, int inputs, org.nd4j.linalg.api.buffer.DataType type) {
        this(name, spec, inputs, type, 1);
    }

    /** As the constructor above, with the products' rows split among {@code lanes} lanes; same values. */
    Dense(String name, LayerSpec spec, int inputs, org.nd4j.linalg.api.buffer.DataType type, int lanes) {
        super(name, spec, new int[] {inputs, spec.units()}, inputs, spec.units(), inputs, spec.units());
        this.lanes = lanes;
        this.inputs = inputs;
        this.units = spec.units();
        this.activation = Activation.of(spec.activation());
        this.outputs = new BufferCache(type, units);
        this.inputGradients = new BufferCache(type, inputs);
        this.biasValues = new double[units];
        this.floats = type == DataType.FLOAT && FloatReluPath.handles(activation) ? new FloatReluPath(units, activation)
                : null;
    }

    @Override
    public int[] outputShape() {
        return new int[] {units};
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        int n = (int) input.size(0);
        int size = n * units;
        INDArray out = outputs.get(n);
        Blas.gemm(input, false, weights, false, out, 1.0, 0.0, lanes);
        lastInput = input;
        if (floats != null) {
            floats.forward(out, bias, n);
            return out;
        }
        activations = HostCopy.ensure(activations, size);
        host.read(out, activations, size);
        host.read(bias, biasValues, units);
        activate(activations, n);
        host.write(out, activations, size);
        return out;
    }

    /**
     * Adds the bias and applies the activation, in place. One plain loop per activation (no switch
     * inside the loop), so the JIT can vectorise it: with the switch inside, this took ~8 ns per
     * value, a tenth of a training step.
     */
    private void activate(double[] a, int n) {
        double[] b = biasValues;
        int u = units;
        for (int r = 0; r < n; r++) {
            int base = r * u;
            for (int j = 0; j < u; j++) {
                a[base + j] += b[j];
            }
        }
        int size = n * u;
        switch (activation) {
            case RELU -> {
                for (int i = 0; i < size; i++) {
                    a[i] = Math.max(a[i], 0.0);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < size; i++) {
                    a[i] = 1 / (1 + Math.exp(-a[i]));
                }
            }
            case TANH -> {
                for (int i = 0; i < size; i++) {
                    a[i] = Math.tanh(a[i]);
                }
            }
            case ELU -> {
                for (int i = 0; i < size; i++) {
                    a[i] = a[i] > 0 ? a[i] : Math.expm1(a[i]);
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < size; i++) {
                    a[i] = Math.max(a[i], LEAKY_SLOPE * a[i]);
                }
            }
            case LINEAR, SOFTMAX -> {
                // the logits: the softmax is fused with the loss or applied by the network
            }
        }
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        int n = (int) outputGradient.size(0);
        if (floats != null) {
            floats.backward(outputGradient, biasGradient, n);
        } else {
            backwardInDouble(outputGradient, n);
        }
        Blas.gemm(lastInput, true, outputGradient, false, weightGradient, 1.0, 0.0, lanes);
        if (!needInputGradient) {
            return null;
        }
        INDArray inputGradient = inputGradients.get(n);
        Blas.gemm(outputGradient, false, weights, true, inputGradient, 1.0, 0.0, lanes);
        return inputGradient;
    }

    /**
     * Turns the output gradient into {@code dLoss/d(xW + b)} in place and writes the bias gradient,
     * in double work arrays. A hot loop kept in one piece (a little over 40 lines): the derivative,
     * the bias sum and the copies are one pass over the batch that the JIT compiles as a unit.
     */
    private void backwardInDouble(INDArray outputGradient, int n) {
        int size = n * units;
        double[] g = gradients = HostCopy.ensure(gradients, size);
        host.read(outputGradient, g, size);
        // g becomes dLoss/d(xW + b): the output gradient times the activation's derivative,
        // written from the activation's output; the bias gradient is its column sum.
        double[] a = activations;
        switch (activation) {
            case RELU -> {
                for (int i = 0; i < size; i++) {
                    g[i] = a[i] > 0 ? g[i] : 0;
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < size; i++) {
                    g[i] *= a[i] * (1 - a[i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < size; i++) {
                    g[i] *= 1 - a[i] * a[i];
                }
            }
            case ELU -> {
                // elu' = 1 above 0, exp(x) = output + 1 below
                for (int i = 0; i < size; i++) {
                    g[i] *= a[i] > 0 ? 1 : a[i] + 1;
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < size; i++) {
                    g[i] *= a[i] > 0 ? 1 : LEAKY_SLOPE;
                }
            }
            case LINEAR, SOFTMAX -> {
                // the gradient arrives already taken through the fused softmax
            }
        }
        java.util.Arrays.fill(biasValues, 0);
        for (int r = 0; r < n; r++) {
            int base = r * units;
            for (int j = 0; j < units; j++) {
                biasValues[j] += g[base + j];
            }
        }
        host.write(outputGradient, g, size);
        host.write(biasGradient, biasValues, units);
    }
}
