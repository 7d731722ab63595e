package dev.digitlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns {@code [batch, channels, height, width]} into {@code [batch, channels * height * width]}
 * (channel by channel, row by row) for a dense layer, and the gradient back. Both are reshaped
 * views of the same contiguous memory: nothing is copied. The layers before and after keep their
 * buffers from batch to batch, so the view of the last buffer seen each way is kept too (ND4J makes
 * a dozen objects per reshape).
 */
final class Flatten implements ParameterFreeLayer {

    private final String name;
    private final LayerSpec spec;
    private final int[] inputShape;
    private final int size;
    private INDArray lastInput;
    private INDArray lastOutput;
    private INDArray lastGradient;
    private INDArray lastInputGradient;

    Flatten(String name, LayerSpec spec, int[] inputShape) {
        this.name = name;
        this.spec = spec;
        this.inputShape = inputShape.clone();
        this.size = (int) Shapes.size(inputShape);
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
        return new int[] {size};
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        if (input != lastInput) {
            lastOutput = input.reshape('c', input.size(0), size);
            lastInput = input;
        }
        return lastOutput;
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        if (outputGradient != lastGradient) {
            long[] shape = new long[inputShape.length + 1];
            shape[0] = outputGradient.size(0);
            for (int i = 0; i < inputShape.length; i++) {
                shape[i + 1] = inputShape[i];
            }
            lastInputGradient = outputGradient.reshape('c', shape);
            lastGradient = outputGradient;
        }
        return lastInputGradient;
    }
}
