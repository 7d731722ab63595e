package dev.digitlab.app;

import dev.digitlab.nn.threads.ThreadCache;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the fastest native thread count at the app's first quiet moment, so that a user never
 * has to run {@code digitlab bench} for it: once the app has been idle for a while (no training,
 * no evaluation) and the machine is not busy with other programs, the probes of
 * {@link dev.digitlab.nn.NativeThreads#calibrate(BooleanSupplier)} run on a low-priority thread
 * for a few seconds, and their answer is cached for every later start. Until then the default
 * count is used.
 *
 * <p>Why wait: timings taken while the app starts, trains or evaluates measure that work, not the
 * thread count (a calibration run during start-up chose 2 threads where 1 is faster here). If the
 * user starts training while the probes run, the calibration gives up after the probe under way,
 * caches nothing, and waits for the next quiet moment.
 */
final class IdleCalibration {

    private static final Logger LOG = LoggerFactory.getLogger(IdleCalibration.class);
    /** How long the app must have been idle first. */
    static final Duration QUIET = Duration.seconds(20);

    private final ObservableBooleanValue busy;
    private final BooleanSupplier machineQuiet;
    private final Function<BooleanSupplier, ThreadCache.Entry> calibrate;
    private final PauseTransition wait;
    private volatile boolean interrupted;
    private boolean running;
    private boolean done;

    /**
     * @param busy         true while the app does heavy work (training, evaluating)
     * @param quiet        how long the app must be idle before measuring
     * @param machineQuiet whether other programs leave the machine quiet enough to measure
     * @param calibrate    measures and caches, giving up when its argument turns false
     */
    IdleCalibration(ObservableBooleanValue busy, Duration quiet, BooleanSupplier machineQuiet,
                    Function<BooleanSupplier, ThreadCache.Entry> calibrate) {
        this.busy = busy;
        this.machineQuiet = machineQuiet;
        this.calibrate = calibrate;
        this.wait = new PauseTransition(quiet);
    }

    /** Whether the 1-minute load average leaves at least half the cores free. */
    static boolean machineIsQuiet() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load >= 0 && load < 0.5 * Runtime.getRuntime().availableProcessors();
    }

    /** Starts waiting for a quiet moment. Call on the FX thread. */
    void start() {
        wait.setOnFinished(e -> begin());
        busy.addListener((obs, was, now) -> {
            if (now) {
                interrupted = true;
                wait.stop();
            } else if (!running && !done) {
                wait.playFromStart();
            }
        });
        if (!busy.get()) {
            wait.playFromStart();
        }
    }

    /** Whether a measurement finished (or failed for good); nothing more happens then. */
    boolean done() {
        return done;
    }

    private void begin() {
        if (running || done || busy.get()) {
            return;
        }
        if (!machineQuiet.getAsBoolean()) {
            wait.playFromStart(); // other programs are busy: look again later
            return;
        }
        running = true;
        interrupted = false;
        Thread thread = new Thread(this::measure, "thread-calibration");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void measure() {
        try {
            ThreadCache.Entry entry = calibrate.apply(() -> !interrupted);
            LOG.info("Measured native thread counts while the app was idle: {} thread(s) fastest (median step "
                    + "idle {} µs, with a core busy {} µs); used from the next start", entry.threads(),
                    entry.stepMicros(), entry.loadedStepMicros());
            LOG.info("Measured conv lanes: {} lane(s) (median cnn step idle {} µs, with a core busy {} µs); used "
                    + "for networks built from now on", entry.lanes(), entry.laneStepMicros(),
                    entry.loadedLaneStepMicros());
            Platform.runLater(() -> finish(true));
        } catch (CancellationException e) {
            LOG.info("Thread-count measurement stopped: the app got busy; it runs again at the next quiet moment");
            Platform.runLater(() -> finish(false));
        } catch (RuntimeException e) {
            LOG.warn("Could not measure the native thread count, keeping the default: {}", e.getMessage());
            Platform.runLater(() -> finish(true));
        }
    }

    private void finish(boolean measured) {
        running = false;
        done = measured;
        if (!done && !busy.get()) {
            wait.playFromStart();
        }
    }
}
