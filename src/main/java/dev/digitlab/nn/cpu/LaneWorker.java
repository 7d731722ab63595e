package dev.digitlab.nn.cpu;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One worker thread of {@link Lanes}: runs one lane of one caller's work at a time, handed over
 * through a small state machine with park/unpark (a conv layer's lane is a millisecond or two, so
 * a hand-off of a few microseconds is cheap, while an executor's queue and futures would allocate
 * per call). It spins briefly before parking on both sides, because the next hand-off usually
 * comes within microseconds, and ends itself after {@link #idleNanos} without work, so a finished
 * or cancelled training leaves no thread behind.
 *
 * <p>States: IDLE, CLAIMED by a caller (exclusive), ASSIGNED (the work is published), DONE (the
 * caller collects the outcome and sets IDLE again), RETIRED (the thread has ended; the pool makes a
 * new worker).
 */
final class LaneWorker implements Runnable {

    private static final int IDLE = 0;
    private static final int CLAIMED = 1;
    private static final int ASSIGNED = 2;
    private static final int DONE = 3;
    private static final int RETIRED = 4;
    /** How long either side spins before it parks: the gap between two layers' hand-offs. */
    private static final long SPIN_NANOS = 20_000;

    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final long idleNanos;
    private final Thread thread;
    // Written by the caller between claim and ASSIGNED, read by the worker after it sees ASSIGNED.
    private Lanes.Work work;
    private int lane;
    private Thread caller;
    // Written by the worker before DONE, read by the caller after it sees DONE.
    private Throwable failure;

    LaneWorker(String name, long idleNanos) {
        this.idleNanos = idleNanos;
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Takes this worker for one lane; false when another caller has it or it has ended. */
    boolean claim() {
        return state.compareAndSet(IDLE, CLAIMED);
    }

    /** Whether the thread has ended (after its idle time); a new worker must take its place. */
    boolean retired() {
        return state.get() == RETIRED;
    }

    /** The worker's thread (for tests: it must end once idle). */
    Thread thread() {
        return thread;
    }

    /** Starts lane {@code lane} of {@code work} on this worker; call after {@link #claim}. */
    void start(Lanes.Work work, int lane) {
        this.work = work;
        this.lane = lane;
        this.caller = Thread.currentThread();
        state.set(ASSIGNED);
        LockSupport.unpark(thread);
    }

    /**
     * Waits until the lane has run and frees the worker; rethrows what the lane threw. Does not
     * give up when the caller is interrupted (the lane is still writing into the caller's
     * buffers): the interrupt is kept for the caller's next blocking call.
     */
    void join() {
        boolean interrupted = false;
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (state.get() != DONE) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
        }
        Throwable thrown = failure;
        failure = null;
        work = null;
        caller = null;
        state.set(IDLE);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
    }

    @Override
    public void run() {
        while (awaitWork()) {
            try {
                work.run(lane);
            } catch (Throwable e) {
                failure = e;
            }
            Thread waiting = caller;
            state.set(DONE);
            LockSupport.unpark(waiting);
        }
    }

    /** Waits for the next lane; false when the worker was idle too long and has retired. */
    private boolean awaitWork() {
        long start = System.nanoTime();
        while (true) {
            int s = state.get();
            if (s == ASSIGNED) {
                return true;
            }
            long waited = System.nanoTime() - start;
            if (waited < SPIN_NANOS) {
                Thread.onSpinWait();
            } else if (waited < idleNanos) {
                LockSupport.parkNanos(this, idleNanos - waited);
                Thread.interrupted(); // nobody interrupts the worker on purpose; keep it alive
            } else if (state.compareAndSet(IDLE, RETIRED)) {
                return false;
            } else {
                // Claimed just now: the work follows within microseconds.
                LockSupport.parkNanos(this, SPIN_NANOS);
            }
        }
    }
}
