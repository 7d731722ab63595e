package dev.digitlab.ui.draw;

import dev.digitlab.ui.draw.HeldExecutor;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/** A background thread that runs its queued tasks only when a test says so, on the test's thread. */
final class HeldExecutor extends AbstractExecutorService {

    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean shutdown;

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs everything queued, including what the tasks queue meanwhile. */
    void runAll() {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }

    /** How many tasks wait. */
    int waiting() {
        return tasks.size();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = List.copyOf(tasks);
        tasks.clear();
        return left;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && tasks.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }
}
