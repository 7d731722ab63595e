package dev.digitlab.nn;

import dev.digitlab.nn.cpu.Blas;
import dev.digitlab.nn.cpu.BufferCache;
import dev.digitlab.nn.cpu.HostArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fully connected layer {@code y = f(x W + b)}, with W of shape {@code [inputs, units]} and b of
 * {@code [units]}, initialised as Keras does: Glorot-uniform W, zero b.
 *
 * <p>A softmax layer computes only {@code x W + b} (the logits): the network applies the softmax
 * itself, fused with the cross-entropy loss, which is both faster and numerically stable.
 *
 * <p>The bias, the activation and their gradients run in Java work arrays of the network's type
 * ({@link HostArrays}: float32 in training, double in gradient checks) through the loops the conv
 * layers use ({@link LayerKernels}), copied to and from native memory in bulk. In double work
 * arrays for a float32 network they cost ~20 us of a ~400 us tutorial step in widening and
 * narrowing copies and half-width loops; in float ~6.
 */
final class Dense extends WeightedLayer {

    private final int inputs;
    private final int units;
    private final DataType type;
    /** The activation the kernels apply: none for the logits of the softmax layer. */
    private final Activation activation;
    /** How many lanes the large products are split into (see Blas). */
    private final int lanes;
    private final BufferCache outputs;
    private final BufferCache inputGradients;
    /** The bias on the way forward, the bias gradient on the way back. */
    private final Object biasValues;

    private INDArray lastInput;
    /** The last forward pass's outputs (after the activation), kept for its derivative. */
    private Object activations;
    private Object gradients;

    Dense(String name, LayerSpec spec, int inputs, DataType type) {
        this(name, spec, inputs, type, 1);
    }

    /** As the constructor above, with the products' rows split among {@code lanes} lanes; same values. */
    Dense(String name, LayerSpec spec, int inputs, DataType type, int lanes) {
        super(name, spec, new int[] {inputs, spec.units()}, inputs, spec.units(), inputs, spec.units());
        this.lanes = lanes;
        this.inputs = inputs;
        this.units = spec.units();
        this.type = type;
        Activation a = Activation.of(spec.activation());
        this.activation = a == Activation.SOFTMAX ? Activation.LINEAR : a;
        this.outputs = new BufferCache(type, units);
        this.inputGradients = new BufferCache(type, inputs);
        this.biasValues = HostArrays.ensure(null, type, units);
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
        activations = HostArrays.ensure(activations, type, size);
        HostArrays.get(out, 0, activations, size);
        HostArrays.get(bias, 0, biasValues, units);
        LayerKernels.addToRows(activations, biasValues, n, units);
        LayerKernels.activate(activations, 0, size, activation);
        HostArrays.put(activations, size, out, 0);
        return out;
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        int n = (int) outputGradient.size(0);
        int size = n * units;
        // The output gradient becomes dLoss/d(xW + b): times the activation's derivative, written
        // from the activation's output; the bias gradient is its column sum.
        gradients = HostArrays.ensure(gradients, type, size);
        HostArrays.get(outputGradient, 0, gradients, size);
        if (activation != Activation.LINEAR) {
            LayerKernels.derive(gradients, activations, 0, size, activation);
            HostArrays.put(gradients, size, outputGradient, 0);
        }
        LayerKernels.sumRows(gradients, biasValues, n, units);
        HostArrays.put(biasValues, units, biasGradient, 0);
        Blas.gemm(lastInput, true, outputGradient, false, weightGradient, 1.0, 0.0, lanes);
        if (!needInputGradient) {
            return null;
        }
        INDArray inputGradient = inputGradients.get(n);
        Blas.gemm(outputGradient, false, weights, true, inputGradient, 1.0, 0.0, lanes);
        return inputGradient;
    }
}
