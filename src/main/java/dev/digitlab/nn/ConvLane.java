package dev.digitlab.nn;

import dev.digitlab.nn.cpu.Blas;
import dev.digitlab.nn.cpu.BufferCache;
import dev.digitlab.nn.cpu.HostArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One lane of a {@link Conv2D}: the layer's work for a range of the batch's examples, with buffers
 * of its own (column matrix, product, column gradient, their Java twins), so that lanes run at the
 * same time on different threads. Lanes write into the layer's shared arrays (activations, argmax,
 * gradients) only at their own examples' places, and the kernel gradient into a matrix of their
 * own, which the layer adds up in lane order.
 *
 * <p>Within its range a lane goes in chunks of at most {@link #chunk} examples, which bounds its
 * column matrix (predicting a thousand images): forward first to last, backward last to first so
 * that the last chunk's column matrix is still there.
 */
final class ConvLane {

    private final Conv2D layer;
    private final ConvGeometry g;
    private final int chunk;
    private final BufferCache columns;
    private final BufferCache products;
    private final BufferCache columnGradients;

    /** Which examples the native column matrix of the last {@link #loadColumns} holds. */
    private int columnsFirst = -1;
    private int columnsCount;
    private Object images;
    private Object columnValues;
    private Object productValues;
    private Object pooledValues;

    ConvLane(Conv2D layer, int chunk) {
        this.layer = layer;
        this.g = layer.geometry();
        this.chunk = chunk;
        int patch = g.patchSize();
        int positions = g.positions();
        int filters = layer.filters();
        this.columns = new BufferCache(layer.type(), m -> new long[] {patch + 1, m * positions});
        this.products = new BufferCache(layer.type(), m -> new long[] {filters, m * positions});
        this.columnGradients = new BufferCache(layer.type(), m -> new long[] {patch, m * positions});
    }

    /** The forward pass of examples {@code from .. to - 1} into the layer's activations (and argmax). */
    void forward(INDArray input, int from, int to) {
        int filters = layer.filters();
        int positions = g.positions();
        for (int first = from; first < to; first += chunk) {
            int m = Math.min(chunk, to - first);
            INDArray cols = loadColumns(input, first, m);
            INDArray product = products.get(m);
            Blas.gemm(layer.weightsAndBias, true, cols, false, product, 1.0, 0.0);
            productValues = HostArrays.ensure(productValues, layer.type(), filters * m * positions);
            HostArrays.get(product, 0, productValues, filters * m * positions);
            if (layer.poolSize() > 0) {
                activateAndPool(first, m);
            } else {
                LayerKernels.activate(productValues, layer.activations, first, m, filters, positions, layer.activation());
            }
        }
    }

    /**
     * Pooling of the product's planes ({@code [filter][example]} order), then the activation on the
     * pooled values: every activation here is non-decreasing, so the maximum of the activated
     * window is the activation of its maximum, and this touches a quarter of the values (for 2x2).
     */
    private void activateAndPool(int first, int m) {
        int filters = layer.filters();
        int pooled = filters * m * layer.outputPositions();
        pooledValues = HostArrays.ensure(pooledValues, layer.type(), pooled);
        LayerKernels.maxPool(productValues, pooledValues, layer.argmax, first * layer.outputSize(), filters * m,
                g.outHeight(), g.outWidth(), layer.poolSize());
        LayerKernels.activate(pooledValues, 0, pooled, layer.activation());
        LayerKernels.transpose(pooledValues, layer.activations, first, m, filters, layer.outputPositions());
    }

    /** Builds the column matrix of examples {@code first .. first + m - 1} in native memory. */
    private INDArray loadColumns(INDArray input, int first, int m) {
        int imageValues = m * g.imageSize();
        images = HostArrays.ensure(images, layer.type(), imageValues);
        HostArrays.get(input, (long) first * g.imageSize(), images, imageValues);
        int size = (g.patchSize() + 1) * m * g.positions();
        columnValues = HostArrays.ensure(columnValues, layer.type(), size);
        LayerKernels.im2col(images, columnValues, m, g);
        INDArray cols = columns.get(m);
        HostArrays.put(columnValues, size, cols, 0);
        columnsFirst = first;
        columnsCount = m;
        return cols;
    }

    /**
     * The backward pass of examples {@code from .. to - 1}: their kernel and bias gradient into
     * {@code kernelGradient} (overwritten), and with {@code imageGradients} non-null their input
     * gradient into it (which must hold zeros at their places). The layer's output gradient of
     * these examples has the activation's derivative applied already when pooling runs inside.
     */
    void backward(int from, int to, INDArray kernelGradient, Object imageGradients) {
        int filters = layer.filters();
        int positions = g.positions();
        int chunks = (to - from + chunk - 1) / chunk;
        for (int c = chunks - 1; c >= 0; c--) {
            int first = from + c * chunk;
            int m = Math.min(chunk, to - first);
            productValues = HostArrays.ensure(productValues, layer.type(), filters * m * positions);
            if (layer.poolSize() > 0) {
                HostArrays.zero(productValues, filters * m * positions);
                LayerKernels.unpool(layer.outputGradients, layer.argmax, first * layer.outputSize(), productValues, first,
                        m, filters, layer.outputPositions());
            } else {
                LayerKernels.derive(layer.outputGradients, layer.activations, productValues, first, m, filters, positions,
                        layer.activation());
            }
            INDArray gradient = products.get(m);
            HostArrays.put(productValues, filters * m * positions, gradient, 0);
            INDArray cols = columnsFirst == first && columnsCount == m ? columns.get(m) : loadColumns(layer.lastInput, first, m);
            Blas.gemm(cols, false, gradient, true, kernelGradient, 1.0, c == chunks - 1 ? 0.0 : 1.0);
            if (imageGradients != null) {
                INDArray columnGradient = columnGradients.get(m);
                Blas.gemm(layer.weights, false, gradient, false, columnGradient, 1.0, 0.0);
                int size = g.patchSize() * m * positions;
                columnValues = HostArrays.ensure(columnValues, layer.type(), size);
                HostArrays.get(columnGradient, 0, columnValues, size);
                LayerKernels.col2im(columnValues, imageGradients, first * g.imageSize(), m, g);
            }
        }
    }
}
