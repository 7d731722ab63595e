package dev.digitlab.ui.training;

import dev.digitlab.ui.shared.BarDigits;
import dev.digitlab.ui.training.TrainingTask;
import dev.digitlab.ui.training.TrainingTaskTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.MnistDataset;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.optim.OptimizerConfig;
import dev.digitlab.train.BatchProgress;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TrainingTaskTest {

    private static final MnistDataset BARS = BarDigits.dataset();
    private static final ModelSpec SPEC = ModelSpec.mlp(784, new int[] {16}, 0, 10);

    /** Records what reaches the FX thread, and whether anything arrived on another thread. */
    private static final class Recorder implements TrainingTask.Updates {
        final List<BatchProgress> samples = new ArrayList<>();
        final List<Object> order = new ArrayList<>();
        final AtomicInteger latestCalls = new AtomicInteger();
        final AtomicBoolean offFxThread = new AtomicBoolean();
        int started;

        private void check() {
            if (!Platform.isFxApplicationThread()) {
                offFxThread.set(true);
            }
        }

        @Override
        public void started(int epochs, int batchesPerEpoch) {
            check();
            started++;
        }

        @Override
        public void sample(BatchProgress progress) {
            check();
            samples.add(progress);
            order.add(progress);
        }

        @Override
        public void epochEnded(EpochResult result) {
            check();
            order.add(result);
        }

        @Override
        public void latest(BatchProgress progress) {
            check();
            latestCalls.incrementAndGet();
        }
    }

    private static Thread run(TrainingTask task) {
        Thread t = new Thread(task, "test-training");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private static boolean done(TrainingTask task) throws Exception {
        Worker.State s = fx(task::getState);
        return s == Worker.State.SUCCEEDED || s == Worker.State.FAILED || s == Worker.State.CANCELLED;
    }

    @Test
    void theFxThreadGetsAThinnedCurveInOrderWithEveryEpochEnd() throws Exception {
        // Batch size 1: 480 batches per epoch, 1,440 in all, more than the curve keeps.
        TrainingConfig config = new TrainingConfig(3, 1, 0.2, 3, OptimizerConfig.adam(0.001, 0));
        Recorder recorder = new Recorder();
        TrainingTask task = new TrainingTask(SPEC, config, BARS, "bars", recorder);
        run(task);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> done(task));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(Worker.State.SUCCEEDED, fx(task::getState), String.valueOf(fx(task::getException)));
        assertFalse(recorder.offFxThread.get(), "every update on the FX thread");
        assertEquals(1, recorder.started);
        int batches = 3 * 480;
        assertTrue(recorder.samples.size() <= TrainingTask.MAX_POINTS + 3, recorder.samples.size() + " samples");
        assertTrue(recorder.samples.size() >= TrainingTask.MAX_POINTS / 2, recorder.samples.size() + " samples");
        assertTrue(recorder.latestCalls.get() < batches / 4,
                recorder.latestCalls.get() + " refreshes for " + batches + " batches");
        for (int epoch = 1; epoch <= 3; epoch++) {
            int e = epoch;
            int lastBatch = indexOf(recorder.order, p -> p instanceof BatchProgress b && b.epoch() == e && b.batch() == 480);
            int end = indexOf(recorder.order, p -> p instanceof EpochResult r && r.epoch() == e);
            assertTrue(lastBatch >= 0 && end == lastBatch + 1, "epoch " + e + " ends after its last batch");
        }
        double x = -1;
        for (BatchProgress p : recorder.samples) {
            double px = p.epoch() - 1 + (double) p.batch() / p.batches();
            assertTrue(px > x, "samples in order");
            x = px;
        }
        TrainedModel model = fx(task::getValue);
        assertEquals(3, model.history().size());
        assertTrue(model.hasTestAccuracy());
        assertEquals(1.0, fx(task::getProgress));
        assertFalse(task.wasStopped());
    }

    private static int indexOf(List<Object> list, java.util.function.Predicate<Object> test) {
        for (int i = 0; i < list.size(); i++) {
            if (test.test(list.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aStopRequestStillSucceedsWithTheModelTrainedSoFar() throws Exception {
        TrainingConfig config = new TrainingConfig(1000, 32, 0.2, 3, OptimizerConfig.adam(0.01, 0));
        Recorder recorder = new Recorder();
        TrainingTask task = new TrainingTask(SPEC, config, BARS, "bars", recorder);
        run(task);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !recorder.samples.isEmpty()));
        task.requestStop();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> done(task));

        assertEquals(Worker.State.SUCCEEDED, fx(task::getState));
        assertTrue(task.wasStopped());
        TrainedModel model = fx(task::getValue);
        assertNotNull(model);
        assertTrue(model.history().size() < 1000);
        assertTrue(model.hasTestAccuracy());
    }

    @Test
    void cancellingEndsTheTrainingThreadWithoutAModel() throws Exception {
        TrainingConfig config = new TrainingConfig(1000, 32, 0.2, 3, OptimizerConfig.adam(0.01, 0));
        Recorder recorder = new Recorder();
        TrainingTask task = new TrainingTask(SPEC, config, BARS, "bars", recorder);
        Thread thread = run(task);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !recorder.samples.isEmpty()));
        task.cancel();
        thread.join(TimeUnit.SECONDS.toMillis(10));

        assertFalse(thread.isAlive(), "the training thread ended");
        assertEquals(Worker.State.CANCELLED, fx(task::getState));
        assertNull(fx(task::getValue));
    }
}
