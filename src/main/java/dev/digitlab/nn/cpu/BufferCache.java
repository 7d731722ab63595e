package dev.digitlab.nn.cpu;

import java.util.function.LongFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch-sized buffers kept from one call to the next, so a training loop allocates nothing after
 * its first two batches (the full size and the smaller last one). Keeps a few batch sizes; the
 * least recently used is dropped when a new one comes.
 */
public final class BufferCache {

    private static final int SLOTS = 4;

    private final DataType type;
    private final LongFunction<long[]> shapeOf;
    private final int[] rows = new int[SLOTS];
    private final INDArray[] arrays = new INDArray[SLOTS];
    private final long[] used = new long[SLOTS];
    private long clock;

    /** Buffers of shape {@code [batch, exampleShape...]}. */
    public BufferCache(DataType type, int... exampleShape) {
        this(type, batch -> {
            long[] shape = new long[exampleShape.length + 1];
            shape[0] = batch;
            for (int i = 0; i < exampleShape.length; i++) {
                shape[i + 1] = exampleShape[i];
            }
            return shape;
        });
    }

    /** Buffers whose shape for a batch is {@code shapeOf.apply(batch)}, e.g. {@code [k, batch * positions]}. */
    public BufferCache(DataType type, LongFunction<long[]> shapeOf) {
        this.type = type;
        this.shapeOf = shapeOf;
    }

    /** A buffer for {@code batch} examples; its contents are whatever was left in it. */
    public INDArray get(long batch) {
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
        arrays[oldest] = Nd4j.create(type, shapeOf.apply(batch));
        rows[oldest] = (int) batch;
        used[oldest] = clock;
        return arrays[oldest];
    }
}
