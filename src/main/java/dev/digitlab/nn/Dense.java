package dev.digitlab.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A fully connected layer {@code y = f(x W + b)}, with W of shape {@code [inputs, units]} and b of
 * {@code [units]}, initialised as Keras does: Glorot-uniform W, zero b.
 *
 * <p>A softmax layer computes only {@code x W + b} (the logits): the network applies the softmax
 * itself, fused with the cross-entropy loss, which is both faster and numerically stable.
 */
final class Dense implements Layer {

    private final String name;
    private final LayerSpec spec;
    private final int inputs;
    private final int units;
    private final Activation activation;
    private final BufferCache outputs;
    private final BufferCache inputGradients;

    private INDArray weights;
    private INDArray bias;
    private INDArray weightGradient;
    private INDArray biasGradient;
    private INDArray lastInput;
    private INDArray lastOutput;

    Dense(String name, LayerSpec spec, int inputs, org.nd4j.linalg.api.buffer.DataType type) {
        this.name = name;
        this.spec = spec;
        this.inputs = inputs;
        this.units = spec.units();
        this.activation = Activation.of(spec.activation());
        this.outputs = new BufferCache(type, units);
        this.inputGradients = new BufferCache(type, inputs);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public int[] outputShape() {
        return new int[] {units};
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(new Parameter(name + "/W", new int[] {inputs, units}),
                new Parameter(name + "/b", new int[] {units}));
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients) {
        long w = (long) inputs * units;
        weights = parameters.get(NDArrayIndex.interval(0, w)).reshape('c', inputs, units);
        bias = parameters.get(NDArrayIndex.interval(w, w + units)).reshape('c', 1, units);
        weightGradient = gradients.get(NDArrayIndex.interval(0, w)).reshape('c', inputs, units);
        biasGradient = gradients.get(NDArrayIndex.interval(w, w + units)).reshape('c', 1, units);
    }

    @Override
    public void initialize(SplittableRandom random) {
        // Glorot (Xavier) uniform, as Keras's default kernel_initializer: U(-l, l), l = sqrt(6 / (fan_in + fan_out)).
        double limit = Math.sqrt(6.0 / (inputs + units));
        double[] values = new double[inputs * units];
        for (int i = 0; i < values.length; i++) {
            values[i] = (2 * random.nextDouble() - 1) * limit;
        }
        NdBuffers.write(weights, values);
        bias.assign(0);
    }

    @Override
    public INDArray parameter(String localName) {
        return switch (localName) {
            case "W" -> weights;
            case "b" -> bias;
            default -> throw new IllegalArgumentException(name + " has no parameter '" + localName + "'");
        };
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        long batch = input.size(0);
        INDArray out = outputs.get(batch);
        Nd4j.gemm(input, weights, out, false, false, 1.0, 0.0);
        out.addiRowVector(bias);
        switch (activation) {
            case RELU -> Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear(out, out, 0.0));
            case SIGMOID -> Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid(out, out));
            case TANH -> Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh(out, out));
            case LINEAR, SOFTMAX -> {
                // logits: the softmax is fused with the loss (training) or applied by the network
            }
        }
        lastInput = input;
        lastOutput = out;
        return out;
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        INDArray delta = outputGradient; // becomes dLoss/d(xW + b), in place
        switch (activation) {
            case RELU -> delta.muli(lastOutput.gt(0).castTo(delta.dataType()));
            case SIGMOID -> delta.muli(lastOutput.rsub(1).muli(lastOutput));
            case TANH -> delta.muli(lastOutput.mul(lastOutput).rsubi(1));
            case LINEAR, SOFTMAX -> {
                // the gradient arrives already taken through the fused softmax
            }
        }
        Nd4j.gemm(lastInput, delta, weightGradient, true, false, 1.0, 0.0);
        biasGradient.assign(delta.sum(true, 0));
        if (!needInputGradient) {
            return null;
        }
        INDArray inputGradient = inputGradients.get(delta.size(0));
        Nd4j.gemm(delta, weights, inputGradient, false, true, 1.0, 0.0);
        return inputGradient;
    }
}
