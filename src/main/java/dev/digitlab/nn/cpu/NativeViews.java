package dev.digitlab.nn.cpu;

import java.lang.ref.WeakReference;
import java.nio.Buffer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The native address and the NIO view of an INDArray's memory, kept per thread for the buffers it
 * used last, so that the products and copies of a training step make no new objects.
 *
 * <p>Why: ND4J makes three objects for every {@code data().addressPointer()} and two for every
 * {@code asNioFloat()}; the layers ask for them a hundred times a step, which was most of the 17-21
 * KB a training step allocated. The buffers a step uses are the same from one step to the next
 * (the layers keep theirs), so a few dozen entries per thread, the least recently used making room
 * for a new one, find them again.
 *
 * <p>Entries hold their buffer weakly: a network that is dropped is not kept alive by a thread that
 * once used it, and an entry is used only while its buffer still is the one asked for (so never
 * for freed memory). The NIO views are only used with absolute bulk gets and puts, which leave
 * them unchanged, so one view serves every caller of its thread.
 */
final class NativeViews {

    private static final int SLOTS = 64;
    private static final ThreadLocal<NativeViews> CACHE = ThreadLocal.withInitial(NativeViews::new);

    @SuppressWarnings("unchecked")
    private final WeakReference<DataBuffer>[] keys = new WeakReference[SLOTS];
    private final Pointer[] pointers = new Pointer[SLOTS];
    private final Buffer[] buffers = new Buffer[SLOTS];
    /** When each entry was last used, by {@link #clock}: a new entry takes the least recent one's place. */
    private final long[] used = new long[SLOTS];
    private long clock;

    private NativeViews() {
    }

    /** {@code array.data().addressPointer()}, kept. */
    static Pointer pointer(INDArray array) {
        NativeViews views = CACHE.get();
        return views.pointers[views.indexOf(array.data())];
    }

    /** {@code array.data().asNioFloat()} or {@code asNioDouble()}, by the array's type, kept. */
    static Buffer nio(INDArray array) {
        NativeViews views = CACHE.get();
        return views.buffers[views.indexOf(array.data())];
    }

    private int indexOf(DataBuffer data) {
        clock++;
        int oldest = 0;
        for (int i = 0; i < SLOTS; i++) {
            WeakReference<DataBuffer> key = keys[i];
            if (key != null && key.get() == data) {
                used[i] = clock;
                return i;
            }
            if (used[i] < used[oldest]) {
                oldest = i;
            }
        }
        int i = oldest;
        used[i] = clock;
        keys[i] = new WeakReference<>(data);
        pointers[i] = data.addressPointer();
        buffers[i] = switch (data.dataType()) {
            case FLOAT -> data.asNioFloat();
            case DOUBLE -> data.asNioDouble();
            default -> null;
        };
        return i;
    }
}
