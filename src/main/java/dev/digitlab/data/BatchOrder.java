package dev.digitlab.data;

import java.util.SplittableRandom;

/**
 * The order in which a training loop visits {@code size} images: a fresh shuffle every epoch,
 * all drawn from one seed, so the same seed always gives the same batches.
 */
public final class BatchOrder {

    private final int size;
    private final long seed;

    public BatchOrder(int size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        this.size = size;
        this.seed = seed;
    }

    /** A permutation of {@code 0..size-1} for epoch {@code epoch} (0-based). */
    public int[] epoch(int epoch) {
        // One independent stream per epoch: epoch k's order does not depend on how many
        // epochs ran before it, so a resumed or shortened run sees the same batches.
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Number of batches of {@code batchSize} in one epoch; the last one may be smaller. */
    public int batchCount(int batchSize) {
        return (size + batchSize - 1) / batchSize;
    }
}
