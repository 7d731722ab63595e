package dev.digitlab.nn;

import dev.digitlab.nn.cpu.Blas;
import dev.digitlab.nn.cpu.BufferCache;
import dev.digitlab.nn.cpu.HostArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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
 * matrix product through {@link Blas} (see {@link ImageKernels} for the layouts); backward is two
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
 */
final class Conv2D extends WeightedLayer {

    /** Values of the column matrix per chunk of examples: 16 MB in float32. */
    static final int COLUMN_BUDGET = 1 << 22;

    private final ConvGeometry g;
    private final int filters;
    private final int patch;
    private final int positions;
    private final int outputSize;
    /** Side of the max-pool window run inside this layer; 0 for none. */
    private final int poolSize;
    /** Values per filter of one example's output: pooled or not. */
    private final int outputPositions;
    private final int chunk;
    private final Activation activation;
    private final DataType type;
    private final BufferCache outputs;
    private final BufferCache inputGradients;
    private final BufferCache columns;
    private final BufferCache products;
    private final BufferCache columnGradients;

    private INDArray lastInput;
    /** Which examples the native column matrix of the last {@link #loadColumns} holds. */
    private int columnsFirst = -1;
    private int columnsCount;
    private Object images;
    private Object columnValues;
    private Object productValues;
    private Object activations;
    private Object outputGradients;
    private Object imageGradients;
    private Object pooledValues;
    /** For each pooled output, the index in its chunk's product of the value it took. */
    private int[] argmax = new int[0];

    Conv2D(String name, LayerSpec spec, int[] inputShape, DataType type) {
        this(name, spec, inputShape, type, 0, COLUMN_BUDGET);
    }

    /**
     * A conv layer followed by max pooling over {@code poolSize x poolSize} windows (0 for none),
     * computed in chunks of at most {@code columnBudget} column-matrix values.
     */
    Conv2D(String name, LayerSpec spec, int[] inputShape, DataType type, int poolSize, int columnBudget) {
        this(name, spec, ConvGeometry.of(spec, Shapes.image(inputShape)), inputShape, type, poolSize, columnBudget);
    }

    private Conv2D(String name, LayerSpec spec, ConvGeometry g, int[] inputShape, DataType type, int poolSize,
                   int columnBudget) {
        // Keras's Glorot for a conv kernel: the receptive field times the channels on each side.
        super(name, spec, new int[] {g.kernelHeight(), g.kernelWidth(), g.channels(), spec.filters()}, g.patchSize(),
                spec.filters(), (double) g.kernelHeight() * g.kernelWidth() * g.channels(),
                (double) g.kernelHeight() * g.kernelWidth() * spec.filters());
        this.g = g;
        this.filters = spec.filters();
        this.patch = g.patchSize();
        this.positions = g.positions();
        this.poolSize = poolSize;
        this.outputPositions = poolSize > 0 ? (g.outHeight() / poolSize) * (g.outWidth() / poolSize) : positions;
        this.outputSize = filters * outputPositions;
        this.chunk = (int) Math.max(1, columnBudget / ((long) (patch + 1) * positions));
        this.activation = Activation.of(spec.activation());
        this.type = type;
        this.outputs = new BufferCache(type, outputShape());
        // Shaped as the input came: a flat input gets a flat gradient, as a dense layer before needs it.
        this.inputGradients = new BufferCache(type, inputShape);
        this.columns = new BufferCache(type, m -> new long[] {patch + 1, m * positions});
        this.products = new BufferCache(type, m -> new long[] {filters, m * positions});
        this.columnGradients = new BufferCache(type, m -> new long[] {patch, m * positions});
    }

    @Override
    public int[] outputShape() {
        return poolSize > 0 ? new int[] {filters, g.outHeight() / poolSize, g.outWidth() / poolSize}
                : new int[] {filters, g.outHeight(), g.outWidth()};
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        int n = (int) input.size(0);
        lastInput = input;
        activations = HostArrays.ensure(activations, type, n * outputSize);
        if (poolSize > 0 && argmax.length < n * outputSize) {
            argmax = new int[n * outputSize];
        }
        for (int first = 0; first < n; first += chunk) {
            int m = Math.min(chunk, n - first);
            INDArray cols = loadColumns(input, first, m);
            INDArray product = products.get(m);
            Blas.gemm(weightsAndBias, true, cols, false, product, 1.0, 0.0);
            productValues = HostArrays.ensure(productValues, type, filters * m * positions);
            HostArrays.get(product, 0, productValues, filters * m * positions);
            if (poolSize > 0) {
                activateAndPool(first, m);
            } else {
                ImageKernels.activate(productValues, activations, first, m, filters, positions, activation);
            }
        }
        INDArray out = outputs.get(n);
        HostArrays.put(activations, n * outputSize, out, 0);
        return out;
    }

    /**
     * Pooling of the product's planes ({@code [filter][example]} order), then the activation on the
     * pooled values: every activation here is non-decreasing, so the maximum of the activated
     * window is the activation of its maximum, and this touches a quarter of the values (for 2x2).
     */
    private void activateAndPool(int first, int m) {
        int pooled = filters * m * outputPositions;
        pooledValues = HostArrays.ensure(pooledValues, type, pooled);
        ImageKernels.maxPool(productValues, pooledValues, argmax, first * outputSize, filters * m, g.outHeight(),
                g.outWidth(), poolSize);
        ImageKernels.activate(pooledValues, 0, pooled, activation);
        ImageKernels.transpose(pooledValues, activations, first, m, filters, outputPositions);
    }

    /** Builds the column matrix of examples {@code first .. first + m - 1} in native memory. */
    private INDArray loadColumns(INDArray input, int first, int m) {
        int imageValues = m * g.imageSize();
        images = HostArrays.ensure(images, type, imageValues);
        HostArrays.get(input, (long) first * g.imageSize(), images, imageValues);
        int size = (patch + 1) * m * positions;
        columnValues = HostArrays.ensure(columnValues, type, size);
        ImageKernels.im2col(images, columnValues, m, g);
        INDArray cols = columns.get(m);
        HostArrays.put(columnValues, size, cols, 0);
        columnsFirst = first;
        columnsCount = m;
        return cols;
    }

    /**
     * A hot loop kept in one piece (a little over 40 lines): the chunks run last to first so the
     * forward pass's column matrix is reused, which the loop's order and its buffers depend on.
     */
    @Override
    public INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        int n = (int) outputGradient.size(0);
        outputGradients = HostArrays.ensure(outputGradients, type, n * outputSize);
        HostArrays.get(outputGradient, 0, outputGradients, n * outputSize);
        if (poolSize > 0) {
            ImageKernels.derive(outputGradients, activations, 0, n * outputSize, activation);
        }
        if (needInputGradient) {
            imageGradients = HostArrays.ensure(imageGradients, type, n * g.imageSize());
            HostArrays.zero(imageGradients, n * g.imageSize());
        }
        int chunks = (n + chunk - 1) / chunk;
        // Last chunk first: its column matrix is still there from the forward pass.
        for (int c = chunks - 1; c >= 0; c--) {
            int first = c * chunk;
            int m = Math.min(chunk, n - first);
            productValues = HostArrays.ensure(productValues, type, filters * m * positions);
            if (poolSize > 0) {
                HostArrays.zero(productValues, filters * m * positions);
                ImageKernels.unpool(outputGradients, argmax, first * outputSize, productValues, first, m, filters,
                        outputPositions);
            } else {
                ImageKernels.derive(outputGradients, activations, productValues, first, m, filters, positions, activation);
            }
            INDArray gradient = products.get(m);
            HostArrays.put(productValues, filters * m * positions, gradient, 0);
            INDArray cols = columnsFirst == first && columnsCount == m ? columns.get(m) : loadColumns(lastInput, first, m);
            Blas.gemm(cols, false, gradient, true, gradientsOfWeightsAndBias, 1.0, c == chunks - 1 ? 0.0 : 1.0);
            if (needInputGradient) {
                INDArray columnGradient = columnGradients.get(m);
                Blas.gemm(weights, false, gradient, false, columnGradient, 1.0, 0.0);
                int size = patch * m * positions;
                columnValues = HostArrays.ensure(columnValues, type, size);
                HostArrays.get(columnGradient, 0, columnValues, size);
                ImageKernels.col2im(columnValues, imageGradients, first * g.imageSize(), m, g);
            }
        }
        if (!needInputGradient) {
            return null;
        }
        INDArray inputGradient = inputGradients.get(n);
        HostArrays.put(imageGradients, n * g.imageSize(), inputGradient, 0);
        return inputGradient;
    }
}
