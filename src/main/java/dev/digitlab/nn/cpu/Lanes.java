package dev.digitlab.nn.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Data-parallel lanes: a layer splits its batch's examples into lanes and {@link #run} runs lane 0
 * on the calling thread and the others at the same time on worker threads, each with its own
 * buffers and its own OpenBLAS calls (with one native thread OpenBLAS computes in the calling
 * thread, and concurrent calls give the same values as one after the other).
 *
 * <p>What a lane computes depends only on the lane count the layer was built with, never on which
 * thread runs it: when a worker is busy with another caller's lane (two networks at once), the
 * caller runs that lane itself, after its own. So the results are the same for a given seed and
 * lane count, whether the second core is free or not.
 *
 * <p>{@link #count()} is the lane count new networks get: 1 until the measured choice is applied
 * with {@link #use} (see {@code nn.threads}), so a machine that was never measured, has one core or
 * was busy when measured keeps one lane. The workers are shared by the whole process and end after
 * a second without work.
 */
public final class Lanes {

    /** The most lanes a layer may split into. */
    public static final int MAX = 16;
    /** How long a worker waits for work before its thread ends. */
    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final LaneWorker[] WORKERS = new LaneWorker[MAX];
    private static volatile int count = 1;
    /** Where the count comes from when it is first needed (reading the cached measurement takes a while). */
    private static volatile IntSupplier pending;

    /** One lane's share of some work. */
    @FunctionalInterface
    public interface Work {
        /** Runs lane {@code lane} (0 is the calling thread's). */
        void run(int lane);
    }

    private Lanes() {
    }

    /** The lane count for new networks: 1 unless a measured choice was applied. */
    public static int count() {
        IntSupplier source = pending;
        if (source != null) {
            resolve(source);
        }
        return count;
    }

    private static synchronized void resolve(IntSupplier source) {
        if (pending == source) {
            int lanes = source.getAsInt();
            count = lanes >= 1 && lanes <= MAX ? lanes : 1;
            pending = null;
        }
    }

    /**
     * Sets the lane count for networks created from now on.
     *
     * @throws IllegalArgumentException unless {@code lanes} is from 1 to {@value #MAX}
     */
    public static void use(int lanes) {
        int checked = check(lanes);
        synchronized (Lanes.class) {
            pending = null;
            count = checked;
        }
    }

    /**
     * Takes the lane count from {@code measured} when the first network asks for it, so that a start
     * that needs no network does not wait for it (reading the cached measurement took 50-65 ms in a
     * fresh JVM). A count out of range means 1.
     */
    public static void useWhenNeeded(IntSupplier measured) {
        synchronized (Lanes.class) {
            pending = measured;
        }
    }

    /** {@code lanes} when it is from 1 to {@value #MAX}. */
    public static int check(int lanes) {
        if (lanes < 1 || lanes > MAX) {
            throw new IllegalArgumentException("a lane count is from 1 to " + MAX + ", not " + lanes);
        }
        return lanes;
    }

    /**
     * Runs lanes {@code 0 .. lanes - 1} of {@code work} and returns when all have finished: lane 0
     * here, the others on free workers or, when none is free, here after lane 0. Rethrows the first
     * failure once every lane has stopped (their buffers are the caller's).
     */
    public static void run(int lanes, Work work) {
        if (lanes <= 1) {
            work.run(0);
            return;
        }
        long claimed = 0;
        for (int lane = 1; lane < lanes; lane++) {
            LaneWorker worker = claim(lane);
            if (worker != null) {
                worker.start(work, lane);
                claimed |= 1L << lane;
            }
        }
        Throwable failure = runHere(work, 0, null);
        for (int lane = 1; lane < lanes; lane++) {
            if ((claimed & 1L << lane) != 0) {
                try {
                    WORKERS[lane].join();
                } catch (RuntimeException | Error e) {
                    failure = keep(failure, e);
                }
            } else if (failure == null) {
                failure = runHere(work, lane, null);
            }
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private static Throwable runHere(Work work, int lane, Throwable failure) {
        try {
            work.run(lane);
            return failure;
        } catch (RuntimeException | Error e) {
            return keep(failure, e);
        }
    }

    private static Throwable keep(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /** The worker for {@code lane}, claimed; null when another caller has it. */
    private static LaneWorker claim(int lane) {
        LaneWorker worker;
        synchronized (WORKERS) {
            worker = WORKERS[lane];
            if (worker == null || worker.retired()) {
                worker = new LaneWorker("digitlab-lane-" + lane, IDLE_NANOS);
                WORKERS[lane] = worker;
            }
        }
        if (worker.claim()) {
            return worker;
        }
        synchronized (WORKERS) {
            // It may have retired between the look and the claim: then a new one takes the lane.
            if (WORKERS[lane] == worker && worker.retired()) {
                worker = new LaneWorker("digitlab-lane-" + lane, IDLE_NANOS);
                WORKERS[lane] = worker;
                return worker.claim() ? worker : null;
            }
        }
        return null;
    }

    /** The threads of the workers alive now (for tests: none may be left running after the work). */
    static List<Thread> workerThreads() {
        List<Thread> threads = new ArrayList<>();
        synchronized (WORKERS) {
            for (LaneWorker worker : WORKERS) {
                if (worker != null && worker.thread().isAlive()) {
                    threads.add(worker.thread());
                }
            }
        }
        return threads;
    }
}
