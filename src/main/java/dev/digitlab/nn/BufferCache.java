package dev.digitlab.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch-sized buffers kept from one call to the next, so a training loop allocates nothing after
 * its first two batches (the full size and the smaller last one). Keeps a few batch sizes; the
 * least recently used is dropped when a new one comes.
 */
final class BufferCache {

    private static final int SLOTS = 4;

    private final DataType type;
    private final long[] exampleShape;
    private final int[] rows = new int[SLOTS];
    private final INDArray[] arrays = new INDArray[SLOTS];
    private final long[] used = new long[SLOTS];
    private long clock;

    BufferCache(DataType type, int... exampleShape) {
        this.type = type;
        this.exampleShape = new long[exampleShape.length];
        for (int i = 0; i < exampleShape.length; i++) {
            this.exampleShape[i] = exampleShape[i];
        }
    }

    /** A buffer of shape {@code [batch, exampleShape...]}; its contents are whatever was left in it. */
    INDArray get(long batch) {
        clock++;
        int oldest = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (arrays[i] != null && rows[i] == batch) {
                used[i] = clock;
                return arrays[i];
            }
            if (used[i] < used[oldest]) {
                oldest = i;
            }
        }
        long[] shape = new long[exampleShape.length + 1];
        shape[0] = batch;
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        arrays[oldest] = Nd4j.create(type, shape);
        rows[oldest] = (int) batch;
        used[oldest] = clock;
        return arrays[oldest];
    }
}
