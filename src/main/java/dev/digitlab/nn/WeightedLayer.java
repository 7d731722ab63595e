package dev.digitlab.nn;

import dev.digitlab.nn.cpu.NdBuffers;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What the layers with weights share: a kernel {@code W} and a bias {@code b} lying one after the
 * other in the network's flat vectors, so that together they are one {@code [rows + 1, columns]}
 * matrix (the bias its last row), and Keras's initialisation, Glorot-uniform W and zero b. The
 * subclass computes with the bound views; its numeric loops are its own.
 */
abstract class WeightedLayer implements Layer {

    private final String name;
    private final LayerSpec spec;
    /** W's shape as stored in model files, e.g. Keras's {@code [kh, kw, channels, filters]}. */
    private final int[] kernelShape;
    private final int rows;
    private final int columns;
    private final double fanIn;
    private final double fanOut;

    /** W as a {@code [rows, columns]} matrix. */
    protected INDArray weights;
    /** b as a {@code [1, columns]} row. */
    protected INDArray bias;
    /** W and b as one {@code [rows + 1, columns]} matrix. */
    protected INDArray weightsAndBias;
    protected INDArray weightGradient;
    protected INDArray biasGradient;
    /** The gradients of W and b as one {@code [rows + 1, columns]} matrix. */
    protected INDArray gradientsOfWeightsAndBias;

    /**
     * @param kernelShape W's stored shape; its values are {@code rows x columns}, row-major
     * @param fanIn       Glorot's fan-in: inputs per output value (the receptive field times the channels)
     * @param fanOut      Glorot's fan-out: outputs per input value
     */
    WeightedLayer(String name, LayerSpec spec, int[] kernelShape, int rows, int columns, double fanIn, double fanOut) {
        this.name = name;
        this.spec = spec;
        this.kernelShape = kernelShape.clone();
        this.rows = rows;
        this.columns = columns;
        this.fanIn = fanIn;
        this.fanOut = fanOut;
    }

    /** The parameters of a layer with weights: {@code <name>/W} of {@code kernelShape}, {@code <name>/b} of {@code biasSize}. */
    static List<Parameter> parameters(String name, int[] kernelShape, int biasSize) {
        return List.of(new Parameter(name + "/W", kernelShape), new Parameter(name + "/b", new int[] {biasSize}));
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final LayerSpec spec() {
        return spec;
    }

    @Override
    public final List<Parameter> parameters() {
        return parameters(name, kernelShape, columns);
    }

    @Override
    public final void bind(INDArray parameters, INDArray gradients) {
        long w = (long) rows * columns;
        long all = w + columns;
        weights = parameters.get(NDArrayIndex.interval(0, w)).reshape('c', rows, columns);
        bias = parameters.get(NDArrayIndex.interval(w, all)).reshape('c', 1, columns);
        weightsAndBias = parameters.get(NDArrayIndex.interval(0, all)).reshape('c', rows + 1, columns);
        weightGradient = gradients.get(NDArrayIndex.interval(0, w)).reshape('c', rows, columns);
        biasGradient = gradients.get(NDArrayIndex.interval(w, all)).reshape('c', 1, columns);
        gradientsOfWeightsAndBias = gradients.get(NDArrayIndex.interval(0, all)).reshape('c', rows + 1, columns);
    }

    @Override
    public final void initialize(SplittableRandom random) {
        // Glorot (Xavier) uniform, as Keras's default kernel_initializer: U(-l, l), l = sqrt(6 / (fan_in + fan_out)).
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (2 * random.nextDouble() - 1) * limit;
        }
        NdBuffers.write(weights, values);
        bias.assign(0);
    }

    @Override
    public final INDArray parameter(String localName) {
        return switch (localName) {
            case "W" -> weights;
            case "b" -> bias;
            default -> throw new IllegalArgumentException(name + " has no parameter '" + localName + "'");
        };
    }
}
