package dev.digitlab.nn.cpu;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies between Java arrays and the native memory of a contiguous C-order INDArray, through
 * NIO views of that memory: one copy, no temporary INDArray, no per-element JNI call.
 */
public final class NdBuffers {

    private NdBuffers() {
    }

    /** Copies {@code count} values from {@code values[from]} on into the start of {@code target}. */
    public static void write(INDArray target, float[] values, int from, int count) {
        checkContiguous(target);
        long offset = target.offset();
        if (target.dataType() == DataType.FLOAT) {
            ((FloatBuffer) NativeViews.nio(target)).put((int) offset, values, from, count);
        } else if (target.dataType() == DataType.DOUBLE) {
            DoubleBuffer buffer = target.data().asNioDouble();
            for (int i = 0; i < count; i++) {
                buffer.put((int) offset + i, values[from + i]);
            }
        } else {
            throw new IllegalStateException("unsupported data type " + target.dataType());
        }
    }

    /** Copies {@code values} into the first {@code values.length} elements of {@code target}. */
    public static void write(INDArray target, double[] values) {
        checkContiguous(target);
        long offset = target.offset();
        if (target.dataType() == DataType.DOUBLE) {
            ((DoubleBuffer) NativeViews.nio(target)).put((int) offset, values, 0, values.length);
        } else if (target.dataType() == DataType.FLOAT) {
            FloatBuffer buffer = target.data().asNioFloat();
            for (int i = 0; i < values.length; i++) {
                buffer.put((int) offset + i, (float) values[i]);
            }
        } else {
            throw new IllegalStateException("unsupported data type " + target.dataType());
        }
    }

    /** Copies the first {@code count} elements of {@code source} into {@code values}. */
    public static void read(INDArray source, float[] values, int count) {
        checkContiguous(source);
        long offset = source.offset();
        if (source.dataType() == DataType.FLOAT) {
            ((FloatBuffer) NativeViews.nio(source)).get((int) offset, values, 0, count);
        } else {
            DoubleBuffer buffer = source.data().asNioDouble();
            for (int i = 0; i < count; i++) {
                values[i] = (float) buffer.get((int) offset + i);
            }
        }
    }

    /** Copies the first {@code count} elements of {@code source} into {@code values}. */
    public static void read(INDArray source, double[] values, int count) {
        checkContiguous(source);
        long offset = source.offset();
        if (source.dataType() == DataType.DOUBLE) {
            ((DoubleBuffer) NativeViews.nio(source)).get((int) offset, values, 0, count);
        } else {
            FloatBuffer buffer = source.data().asNioFloat();
            for (int i = 0; i < count; i++) {
                values[i] = buffer.get((int) offset + i);
            }
        }
    }

    private static void checkContiguous(INDArray array) {
        if (array.ordering() != 'c' || array.elementWiseStride() != 1) {
            throw new IllegalArgumentException("needs a contiguous C-order array, got " + array.shapeInfoToString());
        }
    }
}
