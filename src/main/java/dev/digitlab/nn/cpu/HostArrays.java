package dev.digitlab.nn.cpu;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Java work arrays of a network's own data type, {@code float[]} for FLOAT and {@code double[]}
 * for DOUBLE, and bulk copies between them and the native memory of contiguous INDArrays.
 *
 * <p>The layers keep their batches on the Java side in these (a 64-image batch of the first conv
 * layer's column matrix is 921,600 values): in float32 they cost half the memory traffic of
 * {@code double[]} and twice the values per vector instruction, while DOUBLE networks (gradient
 * checks) keep full precision. Arrays pass as {@code Object}; {@link LayerKernels}
 * dispatches once per call to the loop of the right type. The NIO views of the native memory are
 * kept per thread ({@link NativeViews}) and used with absolute bulk copies, so a copy makes no object.
 */
public final class HostArrays {

    private HostArrays() {
    }

    /** A zeroed array of {@code size} values of {@code type}. */
    static Object create(DataType type, int size) {
        return switch (type) {
            case FLOAT -> new float[size];
            case DOUBLE -> new double[size];
            default -> throw new IllegalArgumentException("unsupported data type " + type);
        };
    }

    /** {@code current} when it holds at least {@code size} values, else a new zeroed array. */
    public static Object ensure(Object current, DataType type, int size) {
        return current != null && length(current) >= size ? current : create(type, size);
    }

    static int length(Object array) {
        return array instanceof float[] f ? f.length : ((double[]) array).length;
    }

    /** Sets the first {@code count} values to zero. */
    public static void zero(Object array, int count) {
        zero(array, 0, count);
    }

    /** Sets values {@code from .. to - 1} to zero. */
    public static void zero(Object array, int from, int to) {
        if (array instanceof float[] f) {
            Arrays.fill(f, from, to, 0f);
        } else {
            Arrays.fill((double[]) array, from, to, 0.0);
        }
    }

    /** Copies {@code count} values of {@code source}, from its element {@code from} on, into the start of {@code target}. */
    public static void get(INDArray source, long from, Object target, int count) {
        get(source, from, target, 0, count);
    }

    /** Copies {@code count} values of {@code source}, from its element {@code from} on, into {@code target} from {@code at} on. */
    public static void get(INDArray source, long from, Object target, int at, int count) {
        int position = (int) (source.offset() + from);
        if (target instanceof float[] f && source.dataType() == DataType.FLOAT) {
            ((FloatBuffer) NativeViews.nio(source)).get(position, f, at, count);
        } else if (target instanceof double[] d && source.dataType() == DataType.DOUBLE) {
            ((DoubleBuffer) NativeViews.nio(source)).get(position, d, at, count);
        } else {
            throw new IllegalArgumentException("cannot copy " + source.dataType() + " into " + target.getClass().getSimpleName());
        }
    }

    /** Copies the first {@code count} values of {@code source} into {@code target} from its element {@code at} on. */
    public static void put(Object source, int count, INDArray target, long at) {
        put(source, 0, count, target, at);
    }

    /** Copies {@code count} values of {@code source} from {@code from} on into {@code target} from its element {@code at} on. */
    public static void put(Object source, int from, int count, INDArray target, long at) {
        int position = (int) (target.offset() + at);
        if (source instanceof float[] f && target.dataType() == DataType.FLOAT) {
            ((FloatBuffer) NativeViews.nio(target)).put(position, f, from, count);
        } else if (source instanceof double[] d && target.dataType() == DataType.DOUBLE) {
            ((DoubleBuffer) NativeViews.nio(target)).put(position, d, from, count);
        } else {
            throw new IllegalArgumentException("cannot copy " + source.getClass().getSimpleName() + " into " + target.dataType());
        }
    }
}
