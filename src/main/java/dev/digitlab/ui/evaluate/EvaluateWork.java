package dev.digitlab.ui.evaluate;

import dev.digitlab.base.ErrorText;
import dev.digitlab.ui.evaluate.EvaluateViewModel.Phase;
import dev.digitlab.ui.shared.LocalText;
import dev.digitlab.ui.shared.Messages;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * The Evaluate tab's background work: one task at a time on its own thread, the phase it puts the
 * tab in, the status line, and why the last task failed. Use on the FX thread.
 */
final class EvaluateWork implements AutoCloseable {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "digitlab-evaluate");
        t.setDaemon(true);
        return t;
    });
    final ReadOnlyObjectWrapper<Phase> phase;
    final LocalText status;
    final ReadOnlyStringWrapper error;
    final ReadOnlyObjectWrapper<Throwable> errorCause;
    private Task<?> current;

    /** @param bean the view model whose properties these are */
    EvaluateWork(Object bean) {
        phase = new ReadOnlyObjectWrapper<>(bean, "phase", Phase.IDLE);
        status = new LocalText(bean, "status", () -> null);
        error = new ReadOnlyStringWrapper(bean, "error");
        errorCause = new ReadOnlyObjectWrapper<>(bean, "errorCause");
    }

    /** Forgets the last failure, before a new command. */
    void clearError() {
        errorCause.set(null);
        error.set(null);
    }

    /** Makes {@code task} the current one and enters {@code newPhase}; {@link #start} then runs it. */
    void begin(Task<?> task, Phase newPhase) {
        current = task;
        phase.set(newPhase);
    }

    /** Runs {@code task} on the worker; when it succeeds, back to idle, then {@code done} with its value. */
    <T> void start(Task<T> task, Consumer<T> done) {
        task.setOnSucceeded(e -> {
            end();
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> fail(task.getException()));
        worker.execute(task);
    }

    private void end() {
        status.unbind();
        current = null;
        phase.set(Phase.IDLE);
    }

    private void fail(Throwable e) {
        end();
        status.set(() -> Messages.get("evaluate.failed"));
        errorCause.set(e); // first: a listener on the sentence finds its details
        error.set(describe(e));
    }

    /** One sentence for the user; data and model-file errors already are. */
    static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return Messages.get("evaluate.memory");
        }
        return ErrorText.sentence(e).orElseGet(() -> Messages.format("evaluate.unexpected", String.valueOf(e)));
    }

    /** Cancels any work without waiting for it and ends the worker thread. */
    @Override
    public void close() {
        if (current != null) {
            current.cancel();
        }
        worker.shutdownNow();
    }
}
