package dev.digitlab.nn.cpu;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies between an INDArray's native memory and a Java {@code double[]} work array, so that the
 * element-wise parts of a layer (bias, activation and its derivative, bias gradient, dropout) run
 * as one fused Java loop over the batch instead of several ND4J ops. Measured here: an ND4J op on a
 * 64x128 batch costs 7-20 microseconds whatever it does (ReLU derivative via {@code gt/castTo/muli}
 * ~40-75, a column sum ~30-55), while the whole copy-compute-copy of one fused loop costs ~7.
 *
 * <p>float32 arrays go through a float[] with one bulk copy and a widening loop (both vectorised by
 * the JIT); the arithmetic is in double, so the same code serves the double-precision gradient
 * checks. One instance per layer: not shared between threads.
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
