package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.LatestOnlyWorker;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work in the background on the newest request only, and hands results over without
 * flooding the receiving thread. The Draw tab's throttle: the pen sends a request per mouse move,
 * far more often than is worth reading, and must never wait.
 *
 * <p>At most one request is worked on at a time and at most one waits: a request that arrives
 * while another waits replaces it ({@code merge} decides how the two combine, e.g. keeping the
 * older time stamp). Results are handed to {@code deliver} one call at a time: while a result
 * waits to be taken there, a newer one replaces it. So the receiver sees every latest state soon
 * and never a backlog, and the sender's {@link #submit} never blocks on the work.
 *
 * @param <I> a request
 * @param <O> a result
 */
public final class LatestOnlyWorker<I, O> {

    private static final Logger LOG = LoggerFactory.getLogger(LatestOnlyWorker.class);

    private final Function<I, O> work;
    private final BinaryOperator<I> merge;
    private final Executor background;
    private final Executor receiver;
    private final Consumer<O> consumer;
    private final AtomicReference<O> outbox = new AtomicReference<>();

    private I waiting;
    private boolean running;

    /**
     * @param work       turns a request into a result, on {@code background}
     * @param merge      combines a waiting request (first argument) with a newer one that replaces it
     * @param background where the work runs (a single thread is enough: one request runs at a time)
     * @param receiver   where results are delivered, e.g. {@code Platform::runLater}
     * @param consumer   takes each delivered result, on {@code receiver}
     */
    public LatestOnlyWorker(Function<I, O> work, BinaryOperator<I> merge, Executor background, Executor receiver,
                            Consumer<O> consumer) {
        this.work = work;
        this.merge = merge;
        this.background = background;
        this.receiver = receiver;
        this.consumer = consumer;
    }

    /** Queues {@code request}, replacing any that waits; starts the work if none is running. */
    public void submit(I request) {
        boolean start;
        synchronized (this) {
            waiting = waiting == null ? request : merge.apply(waiting, request);
            start = !running;
            running = true;
        }
        if (start) {
            background.execute(this::drain);
        }
    }

    /** Whether a request is waiting or being worked on. */
    public synchronized boolean busy() {
        return running;
    }

    private void drain() {
        while (true) {
            I next;
            synchronized (this) {
                next = waiting;
                waiting = null;
                if (next == null) {
                    running = false;
                    return;
                }
            }
            O result;
            try {
                result = work.apply(next);
            } catch (RuntimeException e) {
                // The work is expected to turn its own failures into results; this keeps the worker alive.
                LOG.error("background work failed", e);
                continue;
            }
            deliver(result);
        }
    }

    private void deliver(O result) {
        if (outbox.getAndSet(result) == null) {
            receiver.execute(() -> consumer.accept(outbox.getAndSet(null)));
        }
    }
}
