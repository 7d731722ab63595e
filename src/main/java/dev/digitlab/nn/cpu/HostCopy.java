package dev.digitlab.nn.cpu;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies between an INDArray's native memory and a Java {@code double[]} work array, for work that
 * wants double arithmetic whatever the network's type: the loss, whose 64x10 logits are summed in
 * double. (The layers' element-wise work runs in arrays of the network's own type, see
 * {@link HostArrays}; in double work arrays a float32 dense layer spent ~20 us of a ~400 us step in
 * widening and narrowing copies.) Against ND4J ops: an ND4J op on a 64x128 batch cost 7-20
 * microseconds whatever it did, while a copy-compute-copy of one fused Java loop costs a few.
 *
 * <p>float32 arrays go through a float[] with one bulk copy and a widening loop (both vectorised by
 * the JIT). One instance per user: not shared between threads.
 */
public final class HostCopy {

    private float[] floats = new float[0];

    /** Copies the first {@code count} elements of contiguous {@code source} into {@code target}. */
    public void read(INDArray source, double[] target, int count) {
        int offset = (int) source.offset();
        if (source.dataType() == DataType.FLOAT) {
            float[] f = floats(count);
            ((FloatBuffer) NativeViews.nio(source)).get(offset, f, 0, count);
            for (int i = 0; i < count; i++) {
                target[i] = f[i];
            }
        } else if (source.dataType() == DataType.DOUBLE) {
            ((DoubleBuffer) NativeViews.nio(source)).get(offset, target, 0, count);
        } else {
            throw new IllegalArgumentException("unsupported data type " + source.dataType());
        }
    }

    /** Copies the first {@code count} values of {@code values} into contiguous {@code target}. */
    public void write(INDArray target, double[] values, int count) {
        int offset = (int) target.offset();
        if (target.dataType() == DataType.FLOAT) {
            float[] f = floats(count);
            for (int i = 0; i < count; i++) {
                f[i] = (float) values[i];
            }
            ((FloatBuffer) NativeViews.nio(target)).put(offset, f, 0, count);
        } else if (target.dataType() == DataType.DOUBLE) {
            ((DoubleBuffer) NativeViews.nio(target)).put(offset, values, 0, count);
        } else {
            throw new IllegalArgumentException("unsupported data type " + target.dataType());
        }
    }

    private float[] floats(int count) {
        if (floats.length < count) {
            floats = new float[count];
        }
        return floats;
    }

    /** A work array of at least {@code count} values: {@code current} when it is large enough. */
    public static double[] ensure(double[] current, int count) {
        return current.length >= count ? current : new double[count];
    }
}
