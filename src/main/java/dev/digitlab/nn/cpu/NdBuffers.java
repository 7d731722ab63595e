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

    /**
     * Copies the {@code count} elements of contiguous float32 {@code source} from element
     * {@code from} on into the start of {@code values}.
     */
    public static void readFloats(INDArray source, long from, float[] values, int count) {
        ((FloatBuffer) NativeViews.nio(checkFloats(source, from, count))).get((int) (source.offset() + from), values, 0,
                count);
    }

    /** Copies the first {@code count} of {@code values} into contiguous float32 {@code target} from element {@code from} on. */
    public static void writeFloats(INDArray target, long from, float[] values, int count) {
        ((FloatBuffer) NativeViews.nio(checkFloats(target, from, count))).put((int) (target.offset() + from), values, 0,
                count);
    }

    private static INDArray checkFloats(INDArray array, long from, int count) {
        checkContiguous(array);
        if (array.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("needs a float32 array, got " + array.dataType());
        }
        if (from < 0 || count < 0 || from + count > array.length()) {
            throw new IndexOutOfBoundsException("elements " + from + " + " + count + " of " + array.length());
        }
        return array;
    }

    private static void checkContiguous(INDArray array) {
        if (array.ordering() != 'c' || array.elementWiseStride() != 1) {
            throw new IllegalArgumentException("needs a contiguous C-order array, got " + array.shapeInfoToString());
        }
    }
}
