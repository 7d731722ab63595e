package dev.digitlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.nn.threads.ThreadCache;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.util.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The thread count is measured at the app's first quiet moment, and never while it trains. */
class IdleCalibrationTest {

    private static final Duration QUIET = Duration.millis(150);
    private static final ThreadCache.Entry ONE_THREAD = new ThreadCache.Entry(2, "cpu", "test", 1,
            Map.of("1", 500.0), Map.of("1", 510.0), "now");

    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
    private final AtomicBoolean machineQuiet = new AtomicBoolean(true);
    private final AtomicInteger runs = new AtomicInteger();

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private IdleCalibration start(java.util.function.Function<BooleanSupplier, ThreadCache.Entry> measure)
            throws Exception {
        IdleCalibration calibration = new IdleCalibration(busy, QUIET, machineQuiet::get, stillQuiet -> {
            runs.incrementAndGet();
            return measure.apply(stillQuiet);
        });
        WaitForAsyncUtils.asyncFx(calibration::start).get(5, TimeUnit.SECONDS);
        return calibration;
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(5, TimeUnit.SECONDS);
    }

    private static boolean done(IdleCalibration calibration) throws Exception {
        return WaitForAsyncUtils.asyncFx(calibration::done).get(5, TimeUnit.SECONDS);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anIdleAppMeasuresOnceAfterTheQuietTime() throws Exception {
        IdleCalibration calibration = start(stillQuiet -> ONE_THREAD);

        waitFor(() -> runs.get() == 1);
        waitFor(() -> {
            try {
                return done(calibration);
            } catch (Exception e) {
                return false;
            }
        });
        fx(() -> busy.set(true));
        fx(() -> busy.set(false));
        Thread.sleep(4 * (long) QUIET.toMillis());
        assertEquals(1, runs.get(), "measured once per start at most");
    }

    @Test
    void nothingIsMeasuredWhileTheAppTrains() throws Exception {
        fx(() -> busy.set(true));
        start(stillQuiet -> ONE_THREAD);

        Thread.sleep(4 * (long) QUIET.toMillis());
        assertEquals(0, runs.get());

        fx(() -> busy.set(false));
        waitFor(() -> runs.get() == 1);
    }

    @Test
    void trainingStartedDuringTheMeasurementStopsItAndItRunsAgainLater() throws Exception {
        CountDownLatch measuring = new CountDownLatch(1);
        CountDownLatch trainingStarted = new CountDownLatch(1);
        AtomicBoolean sawTheInterruption = new AtomicBoolean();
        IdleCalibration calibration = start(stillQuiet -> {
            if (runs.get() > 1) {
                return ONE_THREAD;
            }
            measuring.countDown();
            try {
                trainingStarted.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sawTheInterruption.set(!stillQuiet.getAsBoolean());
            throw new CancellationException("other work started");
        });

        assertTrue(measuring.await(5, TimeUnit.SECONDS));
        fx(() -> busy.set(true));
        trainingStarted.countDown();
        waitFor(sawTheInterruption::get);
        Thread.sleep(4 * (long) QUIET.toMillis());
        assertEquals(1, runs.get(), "no new attempt while training");
        assertFalse(done(calibration));

        fx(() -> busy.set(false));
        waitFor(() -> runs.get() == 2);
    }

    @Test
    void aMachineBusyWithOtherProgramsIsNotMeasuredUntilItCalmsDown() throws Exception {
        machineQuiet.set(false);
        start(stillQuiet -> ONE_THREAD);

        Thread.sleep(4 * (long) QUIET.toMillis());
        assertEquals(0, runs.get());

        machineQuiet.set(true);
        waitFor(() -> runs.get() == 1);
    }

    @Test
    void aFailedMeasurementIsNotRepeated() throws Exception {
        IdleCalibration calibration = start(stillQuiet -> {
            throw new IllegalStateException("could not time any thread count");
        });

        waitFor(() -> runs.get() == 1);
        Thread.sleep(4 * (long) QUIET.toMillis());
        assertTrue(done(calibration));
        assertEquals(1, runs.get());
    }
}
