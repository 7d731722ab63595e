package dev.digitlab.nn;

import dev.digitlab.nn.cpu.BufferCache;
import dev.digitlab.nn.cpu.HostArrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Max pooling over {@code size x size} windows moved by {@code size}, per channel: input
 * {@code [batch, channels, height, width]} (or a flat square image), output {@code [batch,
 * channels, height / size, width / size]}; rows and columns that do not fill a window are dropped.
 * The forward pass remembers where each maximum came from, and the backward pass sends each
 * gradient back there.
 */
final class MaxPool2D implements ParameterFreeLayer {

    private final String name;
    private final LayerSpec spec;
    private final int channels;
    private final int height;
    private final int width;
    private final int size;
    private final int inputSize;
    private final int outputSize;
    private final DataType type;
    private final BufferCache outputs;
    private final BufferCache inputGradients;

    private int[] argmax = new int[0];
    private Object inputValues;
    private Object outputValues;

    MaxPool2D(String name, LayerSpec spec, int[] inputShape, DataType type) {
        int[] image = Shapes.image(inputShape);
        this.name = name;
        this.spec = spec;
        this.channels = image[0];
        this.height = image[1];
        this.width = image[2];
        this.size = spec.poolSize();
        this.inputSize = channels * height * width;
        this.outputSize = channels * (height / size) * (width / size);
        this.type = type;
        this.outputs = new BufferCache(type, outputShape());
        // Shaped as the input came: a flat input gets a flat gradient, as a dense layer before needs it.
        this.inputGradients = new BufferCache(type, inputShape);
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
        return new int[] {channels, height / size, width / size};
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        int n = (int) input.size(0);
        inputValues = HostArrays.ensure(inputValues, type, n * inputSize);
        outputValues = HostArrays.ensure(outputValues, type, n * outputSize);
        if (argmax.length < n * outputSize) {
            argmax = new int[n * outputSize];
        }
        HostArrays.get(input, 0, inputValues, n * inputSize);
        LayerKernels.maxPool(inputValues, outputValues, argmax, n * channels, height, width, size);
        INDArray out = outputs.get(n);
        HostArrays.put(outputValues, n * outputSize, out, 0);
        return out;
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        int n = (int) outputGradient.size(0);
        HostArrays.get(outputGradient, 0, outputValues, n * outputSize);
        HostArrays.zero(inputValues, n * inputSize);
        LayerKernels.unpool(outputValues, argmax, inputValues, n * outputSize);
        INDArray inputGradient = inputGradients.get(n);
        HostArrays.put(inputValues, n * inputSize, inputGradient, 0);
        return inputGradient;
    }
}
