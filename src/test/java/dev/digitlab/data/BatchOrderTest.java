package dev.digitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchOrderTest {

    @Test
    void sameSeedGivesTheSameOrder() {
        assertArrayEquals(new BatchOrder(1000, 42).epoch(3), new BatchOrder(1000, 42).epoch(3));
    }

    @Test
    void differentSeedsGiveDifferentOrders() {
        assertFalse(Arrays.equals(new BatchOrder(1000, 1).epoch(0), new BatchOrder(1000, 2).epoch(0)));
    }

    @Test
    void differentEpochsDiffer() {
        BatchOrder order = new BatchOrder(1000, 42);

        assertFalse(Arrays.equals(order.epoch(0), order.epoch(1)));
        assertFalse(Arrays.equals(order.epoch(1), order.epoch(2)));
    }

    @Test
    void everyIndexComesExactlyOncePerEpoch() {
        BatchOrder order = new BatchOrder(48_000, 7);
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] sorted = order.epoch(epoch).clone();
            Arrays.sort(sorted);
            assertArrayEquals(IntStream.range(0, 48_000).toArray(), sorted);
        }
    }

    @Test
    void anEpochsOrderDoesNotDependOnEarlierEpochs() {
        int[] fifth = new BatchOrder(500, 9).epoch(5);
        BatchOrder other = new BatchOrder(500, 9);
        other.epoch(0);
        other.epoch(1);

        assertArrayEquals(fifth, other.epoch(5));
    }

    @Test
    void shufflesRatherThanKeepingTheOriginalOrder() {
        int[] order = new BatchOrder(1000, 42).epoch(0);
        long inPlace = IntStream.range(0, order.length).filter(i -> order[i] == i).count();

        // A random permutation leaves about one element in place; identity would leave 1000.
        assertTrue(inPlace < 20, inPlace + " of 1000 indices stayed in place");
    }

    @Test
    void lastBatchMayBeSmaller() {
        assertEquals(750, new BatchOrder(48_000, 0).batchCount(64));
        assertEquals(751, new BatchOrder(48_001, 0).batchCount(64));
    }
}
