package dev.digitlab.train;

import dev.digitlab.nn.ModelSpec;
import java.util.Locale;

/**
 * Whether a network can be trained in the memory Java has, checked before training starts, so a
 * network that cannot fit says so in a sentence instead of running for minutes into an
 * out-of-memory error. The estimate counts what training holds per value: the weights, their
 * gradients and Adam's two moments (4 floats per parameter), and for each example of a batch every
 * layer's output, its gradient and what the layer keeps for the backward pass (3 floats per value).
 * ND4J's off-heap memory is bounded by Java's maximum heap by default (JavaCPP's {@code maxbytes}).
 */
public final class TrainingMemory {

    private static final long FLOAT = Float.BYTES;

    private TrainingMemory() {
    }

    /** The bytes training {@code spec} in batches of {@code batch} holds, estimated as above. */
    public static long bytesNeeded(ModelSpec spec, int batch) {
        long perExample = spec.inputs();
        for (int[] shape : spec.shapes()) {
            long values = 1;
            for (int d : shape) {
                values *= d;
            }
            perExample += values;
        }
        return 4 * FLOAT * spec.parameterCount() + 3 * FLOAT * perExample * batch;
    }

    /**
     * Refuses, in one sentence, a network that needs more than {@code available} bytes to train.
     *
     * @throws TrainingException naming what it needs and what there is
     */
    public static void requireRoom(ModelSpec spec, int batch, long available) {
        long needed = bytesNeeded(spec, batch);
        if (needed > available) {
            throw new TrainingException(String.format(Locale.ROOT,
                    "training this network in batches of %,d needs about %,d MB, more than the %,d MB Java may use; "
                            + "use smaller layers or a smaller batch", batch, needed >> 20, available >> 20));
        }
    }

    /** As {@link #requireRoom(ModelSpec, int, long)} with the memory this Java process may use. */
    public static void requireRoom(ModelSpec spec, int batch) {
        requireRoom(spec, batch, Runtime.getRuntime().maxMemory());
    }
}
