package dev.digitlab.nn;

import dev.digitlab.nn.cpu.Blas;
import dev.digitlab.nn.cpu.BufferCache;
import dev.digitlab.nn.cpu.HostArrays;
import dev.digitlab.nn.cpu.Lanes;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2-D convolution with stride 1, "valid" or "same" zero padding, a bias per filter and an
 * activation, initialised as Keras does: Glorot-uniform kernel with {@code fan_in = kh * kw *
 * channels} and {@code fan_out = kh * kw * filters}, zero biases.
 *
 * <p>Input {@code [batch, channels, height, width]} (or a flat square image, one channel), output
 * {@code [batch, filters, outHeight, outWidth]}: channels first. The kernel {@code W} is stored as
 * Keras stores it, {@code [kh, kw, channels, filters]}, and {@code b} as {@code [filters]}.
 *
 * <p>How it is fast: im2col turns a batch into one column matrix and the convolution into one large
 * matrix product through {@link Blas} (see {@link LayerKernels} for the layouts); backward is two
 * more products (kernel gradient, and column gradient for the input gradient, which col2im folds
 * back onto the images; skipped for the first layer). The bias rides along in the products: W and
 * b lie one after the other in the flat vectors, so together they are a {@code [patchSize + 1,
 * filters]} matrix, and a row of ones in the column matrix adds the bias on the way forward and
 * sums the bias gradient on the way back. Activation and derivative are Java loops shaped for the
 * JIT. All buffers are kept from batch to batch. A batch larger than {@link #COLUMN_BUDGET} allows
 * (predicting a thousand images) goes through in chunks of examples, so the column matrix stays a
 * few megabytes.
 *
 * <p>A max-pool layer right after the conv layer in the spec runs inside it (the network builds
 * the pair as one layer with {@code poolSize > 0}): the pooling then reads the product where it
 * lies and the backward pass writes the pooled gradients straight back into the product's layout,
 * which saves five passes over the conv layer's full-size output per step (it is four times the
 * size of the pooled one). The values are exactly those of the two layers (the activation,
 * non-decreasing, is applied after pooling, to a quarter of the values), and ties go to the first
 * value of a window. The gradients are too, except where a window's maximum meets ties only after
 * the activation (several values at or below 0 under ReLU, where the gradient is 0 anyway, or
 * values a saturated sigmoid rounds to the same float): there the gradient goes to the window's
 * true maximum.
 *
 * <p>Lanes: with a lane count above 1 the examples of a batch are split into that many ranges, one
 * per {@link ConvLane}, which {@link Lanes} runs at the same time on the two (or more) cores: im2col,
 * the products, pooling and activation, and on the way back the unpooling, the products and col2im,
 * each lane on its own examples; the kernel gradients of the lanes are added up in lane order.
 * Outputs and input gradients are the same as with one lane (each value is computed by the same
 * product of the same numbers); the kernel gradient is the same sum added up in a different order,
 * so it may differ in the last bits. A batch of one example runs on the calling thread alone.
 */
final class Conv2D extends WeightedLayer {

    /** Values of the column matrix per chunk of examples, over all lanes: 16 MB in float32. */
    static final int COLUMN_BUDGET = 1 << 22;

    private final ConvGeometry g;
    private final int filters;
    private final int outputSize;
    /** Side of the max-pool window run inside this layer; 0 for none. */
    private final int poolSize;
    /** Values per filter of one example's output: pooled or not. */
    private final int outputPositions;
    private final Activation activation;
    private final DataType type;
    private final BufferCache outputs;
    private final BufferCache inputGradients;
    private final ConvLane[] lanes;
    /** The kernel gradients of lanes 1 and up; lane 0 writes the layer's own. */
    private final INDArray[] laneGradients;
    private final Lanes.Work forwardLane = this::forwardLane;
    private final Lanes.Work backwardLane = this::backwardLane;

    // Shared by the lanes, each at its own examples' places (see ConvLane).
    INDArray lastInput;
    Object activations;
    Object outputGradients;
    /** For each pooled output, the index in its chunk's product of the value it took. */
    int[] argmax = new int[0];
    private Object imageGradients;
    // The batch under way: set before the lanes run, read by them.
    private int batch;
    private int batchLanes;
    private INDArray laneOutput;
    private INDArray laneOutputGradient;
    private INDArray laneInputGradient;

    Conv2D(String name, LayerSpec spec, int[] inputShape, DataType type) {
        this(name, spec, inputShape, type, 0, COLUMN_BUDGET, 1);
    }

    /**
     * A conv layer followed by max pooling over {@code poolSize x poolSize} windows (0 for none),
     * computed in chunks of at most {@code columnBudget} column-matrix values.
     */
    Conv2D(String name, LayerSpec spec, int[] inputShape, DataType type, int poolSize, int columnBudget) {
        this(name, spec, inputShape, type, poolSize, columnBudget, 1);
    }

    /** As the constructor above, splitting each batch into {@code laneCount} lanes. */
    Conv2D(String name, LayerSpec spec, int[] inputShape, DataType type, int poolSize, int columnBudget, int laneCount) {
        this(name, spec, ConvGeometry.of(spec, Shapes.image(inputShape)), inputShape, type, poolSize, columnBudget,
                Lanes.check(laneCount));
    }

    private Conv2D(String name, LayerSpec spec, ConvGeometry g, int[] inputShape, DataType type, int poolSize,
                   int columnBudget, int laneCount) {
        // Keras's Glorot for a conv kernel: the receptive field times the channels on each side.
        super(name, spec, new int[] {g.kernelHeight(), g.kernelWidth(), g.channels(), spec.filters()}, g.patchSize(),
                spec.filters(), (double) g.kernelHeight() * g.kernelWidth() * g.channels(),
                (double) g.kernelHeight() * g.kernelWidth() * spec.filters());
        this.g = g;
        this.filters = spec.filters();
        this.poolSize = poolSize;
        this.outputPositions = poolSize > 0 ? (g.outHeight() / poolSize) * (g.outWidth() / poolSize) : g.positions();
        this.outputSize = filters * outputPositions;
        this.activation = Activation.of(spec.activation());
        this.type = type;
        this.outputs = new BufferCache(type, outputShape());
        // Shaped as the input came: a flat input gets a flat gradient, as a dense layer before needs it.
        this.inputGradients = new BufferCache(type, inputShape);
        // The budget is shared by the lanes, so that more lanes take no more memory.
        int chunk = (int) Math.max(1, columnBudget / laneCount / ((long) (g.patchSize() + 1) * g.positions()));
        this.lanes = new ConvLane[laneCount];
        this.laneGradients = new INDArray[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = new ConvLane(this, chunk);
            laneGradients[i] = i == 0 ? null : Nd4j.create(type, g.patchSize() + 1, filters);
        }
    }

    @Override
    public int[] outputShape() {
        return poolSize > 0 ? new int[] {filters, g.outHeight() / poolSize, g.outWidth() / poolSize}
                : new int[] {filters, g.outHeight(), g.outWidth()};
    }

    ConvGeometry geometry() {
        return g;
    }

    int filters() {
        return filters;
    }

    int poolSize() {
        return poolSize;
    }

    int outputPositions() {
        return outputPositions;
    }

    /** Values of one example's output. */
    int outputSize() {
        return outputSize;
    }

    Activation activation() {
        return activation;
    }

    DataType type() {
        return type;
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        int n = (int) input.size(0);
        lastInput = input;
        activations = HostArrays.ensure(activations, type, n * outputSize);
        if (poolSize > 0 && argmax.length < n * outputSize) {
            argmax = new int[n * outputSize];
        }
        startBatch(n);
        laneOutput = outputs.get(n);
        Lanes.run(batchLanes, forwardLane);
        return laneOutput;
    }

    private void startBatch(int n) {
        batch = n;
        // Every lane gets at least one example; a single example is never handed over.
        batchLanes = Math.max(1, Math.min(lanes.length, n));
    }

    /** The first example of lane {@code lane}'s range. */
    private int firstOf(int lane) {
        return (int) ((long) batch * lane / batchLanes);
    }

    private void forwardLane(int lane) {
        int from = firstOf(lane);
        int to = firstOf(lane + 1);
        lanes[lane].forward(lastInput, from, to);
        HostArrays.put(activations, from * outputSize, (to - from) * outputSize, laneOutput, (long) from * outputSize);
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        int n = (int) outputGradient.size(0);
        outputGradients = HostArrays.ensure(outputGradients, type, n * outputSize);
        if (needInputGradient) {
            imageGradients = HostArrays.ensure(imageGradients, type, n * g.imageSize());
        }
        startBatch(n);
        laneOutputGradient = outputGradient;
        laneInputGradient = needInputGradient ? inputGradients.get(n) : null;
        Lanes.run(batchLanes, backwardLane);
        for (int lane = 1; lane < batchLanes; lane++) {
            Blas.add(laneGradients[lane], gradientsOfWeightsAndBias);
        }
        laneOutputGradient = null;
        return laneInputGradient;
    }

    private void backwardLane(int lane) {
        int from = firstOf(lane);
        int to = firstOf(lane + 1);
        int values = (to - from) * outputSize;
        HostArrays.get(laneOutputGradient, (long) from * outputSize, outputGradients, from * outputSize, values);
        if (poolSize > 0) {
            LayerKernels.derive(outputGradients, activations, from * outputSize, to * outputSize, activation);
        }
        Object images = laneInputGradient == null ? null : imageGradients;
        int imageSize = g.imageSize();
        if (images != null) {
            HostArrays.zero(images, from * imageSize, to * imageSize);
        }
        lanes[lane].backward(from, to, lane == 0 ? gradientsOfWeightsAndBias : laneGradients[lane], images);
        if (images != null) {
            HostArrays.put(images, from * imageSize, (to - from) * imageSize, laneInputGradient, (long) from * imageSize);
        }
    }
}
