package dev.digitlab.nn.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The lanes' hand-offs: every lane runs once, failures come back, nothing is left running. */
class LanesTest {

    @Test
    void everyLaneRunsExactlyOnceAndLaneZeroOnTheCaller() {
        for (int lanes = 1; lanes <= 4; lanes++) {
            AtomicIntegerArray runs = new AtomicIntegerArray(lanes);
            Thread[] threads = new Thread[lanes];
            for (int round = 0; round < 200; round++) {
                Lanes.run(lanes, lane -> {
                    runs.incrementAndGet(lane);
                    threads[lane] = Thread.currentThread();
                });
            }
            for (int lane = 0; lane < lanes; lane++) {
                assertEquals(200, runs.get(lane), lanes + " lanes, lane " + lane);
            }
            assertSame(Thread.currentThread(), threads[0]);
        }
    }

    @Test
    void twoCallersAtOnceBothGetAllTheirLanes() throws Exception {
        AtomicInteger done = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Runnable caller = () -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            for (int round = 0; round < 500; round++) {
                int[] ran = new int[2];
                Lanes.run(2, lane -> ran[lane]++);
                assertArrayEquals(new int[] {1, 1}, ran);
                done.incrementAndGet();
            }
        };
        Thread a = new Thread(caller);
        Thread b = new Thread(caller);
        a.start();
        b.start();
        start.countDown();
        a.join(20_000);
        b.join(20_000);
        assertEquals(1000, done.get(), "rounds with both lanes run once, whichever thread ran them");
    }

    @Test
    void aLaneThatFailsFailsTheRunAfterTheOtherLanesFinished() {
        AtomicInteger finished = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Lanes.run(2, lane -> {
            if (lane == 1) {
                throw new IllegalStateException("lane 1 broke");
            }
            sleep(30);
            finished.incrementAndGet();
        }));
        assertEquals("lane 1 broke", e.getMessage());
        assertEquals(1, finished.get(), "lane 0 ran to its end first");
        int[] ran = new int[2];
        Lanes.run(2, lane -> ran[lane]++);
        assertArrayEquals(new int[] {1, 1}, ran, "the worker still works");
    }

    @Test
    void idleWorkersEnd() throws Exception {
        Lanes.run(3, lane -> { });
        assertTrue(!Lanes.workerThreads().isEmpty());
        long end = System.currentTimeMillis() + 3 * Lanes.IDLE_NANOS / 1_000_000;
        while (!Lanes.workerThreads().isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertEquals(java.util.List.of(), Lanes.workerThreads());
        int[] ran = new int[3];
        Lanes.run(3, lane -> ran[lane]++);
        assertArrayEquals(new int[] {1, 1, 1}, ran, "new workers take over");
    }

    @Test
    void theMeasuredCountIsReadWhenFirstNeededAndOnce() {
        AtomicInteger reads = new AtomicInteger();
        try {
            Lanes.useWhenNeeded(() -> {
                reads.incrementAndGet();
                return 2;
            });
            assertEquals(0, reads.get(), "not read yet");
            assertEquals(2, Lanes.count());
            assertEquals(2, Lanes.count());
            assertEquals(1, reads.get());
            Lanes.useWhenNeeded(() -> 0);
            assertEquals(1, Lanes.count(), "a count out of range means one lane");
            Lanes.useWhenNeeded(() -> 3);
            Lanes.use(1);
            assertEquals(1, Lanes.count(), "a count set later wins");
            assertThrows(IllegalArgumentException.class, () -> Lanes.use(Lanes.MAX + 1));
        } finally {
            Lanes.use(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
