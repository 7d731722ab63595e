package dev.digitlab.ui.training;

import dev.digitlab.data.MnistDataset;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.train.BatchProgress;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import dev.digitlab.train.TrainingJob;
import dev.digitlab.train.TrainingListener;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * One training run in the background: runs a {@link TrainingJob} (build, fit, test) and returns
 * its {@link TrainedModel}.
 *
 * <p>The trainer reports every batch on the training thread. This task hands those reports to the
 * FX thread without flooding it: the training thread puts thinned samples (at most about
 * {@value #MAX_POINTS} per run) and epoch results into a queue and schedules at most one
 * {@link Platform#runLater} at a time, at most every {@value #DRAIN_INTERVAL_MILLIS} ms (epoch
 * ends at once); that one call passes everything queued, in order, to {@link Updates}.
 *
 * <p>Two ways to end early: {@link #requestStop()} (the Stop button) ends the run after the
 * current batch and still returns the model trained so far, tested; {@link #cancel()} (the
 * window closes) ends it after the current batch and returns nothing.
 */
public final class TrainingTask extends Task<TrainedModel> {

    /** Samples of the training curve per run, at most (plus one per epoch end). */
    public static final int MAX_POINTS = 1000;

    static final long DRAIN_INTERVAL_MILLIS = 100;

    /** What the FX thread hears of the run; every method is called on the FX thread, in order. */
    public interface Updates {

        /** Before the first batch. */
        void started(int epochs, int batchesPerEpoch);

        /** A sample of the training curve; the last batch of every epoch is always one. */
        void sample(BatchProgress progress);

        /** An epoch ended, with its validation figures. */
        void epochEnded(EpochResult result);

        /** The newest figures, at least every {@value #DRAIN_INTERVAL_MILLIS} ms while batches run. */
        void latest(BatchProgress progress);
    }

    private record Started(int epochs, int batchesPerEpoch) {
    }

    private final ModelSpec spec;
    private final TrainingConfig config;
    private final MnistDataset data;
    private final String modelName;
    private final Updates updates;
    private final Queue<Object> events = new ConcurrentLinkedQueue<>();
    private final AtomicReference<BatchProgress> latest = new AtomicReference<>();
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile long nextDrainNanos;
    private volatile boolean stopped;

    /**
     * @param spec      the network to build
     * @param config    how to train it (its seed also initialises the weights)
     * @param data      the training and test images
     * @param modelName the name the trained model gets
     * @param updates   told of progress on the FX thread
     */
    public TrainingTask(ModelSpec spec, TrainingConfig config, MnistDataset data, String modelName, Updates updates) {
        this.spec = spec;
        this.config = config;
        this.data = data;
        this.modelName = modelName;
        this.updates = updates;
    }

    /** Ends the run after the current batch; the task still succeeds with the model trained so far. */
    public void requestStop() {
        stopRequested.set(true);
    }

    /** Whether the run ended before its last epoch because of {@link #requestStop()}. */
    public boolean wasStopped() {
        return stopped;
    }

    @Override
    protected TrainedModel call() {
        Optional<TrainingJob.Outcome> outcome = new TrainingJob(spec, config, data, modelName).run(new Adapter());
        scheduleDrain(true);
        if (isCancelled() || outcome.isEmpty()) {
            return null;
        }
        stopped = outcome.get().stopped();
        return outcome.get().model();
    }

    /** Schedules one drain on the FX thread unless one is pending or (unless forced) it is too soon. */
    private void scheduleDrain(boolean force) {
        if (!force && System.nanoTime() < nextDrainNanos) {
            return;
        }
        if (drainPending.compareAndSet(false, true)) {
            BatchProgress p = latest.get();
            if (p != null) {
                updateProgress((long) (p.epoch() - 1) * p.batches() + p.batch(), (long) p.epochs() * p.batches());
            }
            Platform.runLater(this::drain);
        }
    }

    /** On the FX thread: passes on everything queued, then the newest figures. */
    private void drain() {
        nextDrainNanos = System.nanoTime() + DRAIN_INTERVAL_MILLIS * 1_000_000;
        // Cleared before polling: an event queued after this line schedules a new drain.
        drainPending.set(false);
        for (Object event = events.poll(); event != null; event = events.poll()) {
            if (event instanceof Started s) {
                updates.started(s.epochs(), s.batchesPerEpoch());
            } else if (event instanceof BatchProgress p) {
                updates.sample(p);
            } else if (event instanceof EpochResult r) {
                updates.epochEnded(r);
            }
        }
        BatchProgress p = latest.get();
        if (p != null) {
            updates.latest(p);
        }
    }

    /** The trainer's listener, called on the training thread. */
    private final class Adapter implements TrainingListener {

        private double step;
        private double nextSampleAt;

        @Override
        public void onStart(int epochs, int batchesPerEpoch) {
            step = (double) epochs / MAX_POINTS;
            events.add(new Started(epochs, batchesPerEpoch));
            scheduleDrain(true);
        }

        @Override
        public void onBatch(BatchProgress progress) {
            latest.set(progress);
            double x = progress.epoch() - 1 + (double) progress.batch() / progress.batches();
            if (x >= nextSampleAt || progress.batch() == progress.batches()) {
                events.add(progress);
                nextSampleAt = x + step;
            }
            scheduleDrain(false);
        }

        @Override
        public void onEpoch(EpochResult result) {
            events.add(result);
            scheduleDrain(true);
        }

        @Override
        public boolean isCancelled() {
            return TrainingTask.this.isCancelled() || stopRequested.get();
        }

        @Override
        public boolean isAbandoned() {
            return TrainingTask.this.isCancelled();
        }
    }
}
