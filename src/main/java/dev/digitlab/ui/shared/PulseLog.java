package dev.digitlab.ui.shared;

import java.util.Optional;
import java.util.function.BiFunction;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tabs' pulse log, a debugging aid switched on with {@code -D}{@value PulseMonitor#PROPERTY}{@code =true}:
 * a {@link PulseMonitor} runs, and a tab says when a stretch of heavy work starts and when to log
 * what the FX thread went through since ("pulse: ..." lines). Use on the FX thread.
 */
public final class PulseLog {

    private final PulseMonitor monitor = new PulseMonitor();
    private final Logger log;

    private PulseLog(Class<?> owner) {
        log = LoggerFactory.getLogger(owner);
        monitor.start();
    }

    /** A running pulse log named after {@code owner} when the property is on; empty (nothing runs) otherwise. */
    public static Optional<PulseLog> ifEnabled(Class<?> owner) {
        return Boolean.getBoolean(PulseMonitor.PROPERTY) ? Optional.of(new PulseLog(owner)) : Optional.empty();
    }

    /** Starts measuring afresh each time {@code value} becomes {@code state} (e.g. training starts). */
    public <T> PulseLog restartWhen(ObservableValue<T> value, T state) {
        value.addListener((obs, old, now) -> {
            if (state.equals(now)) {
                monitor.take();
            }
        });
        return this;
    }

    /**
     * Logs the figures since the last restart or log each time {@code value} changes and
     * {@code line} makes a line of the change (null: not this time), then measures afresh.
     */
    public <T> PulseLog logWhen(ObservableValue<T> value, BiFunction<T, T, String> line) {
        value.addListener((obs, old, now) -> {
            String text = line.apply(old, now);
            if (text != null) {
                log.info("pulse: {}; {}", text, monitor.take());
            }
        });
        return this;
    }

    /**
     * Logs the figures {@code settle} after each change of {@code value} (the frames the change
     * caused are then counted), as {@code what}.
     */
    public PulseLog logAfter(ObservableValue<?> value, Duration settle, String what) {
        PauseTransition wait = new PauseTransition(settle);
        wait.setOnFinished(e -> log.info("pulse: {}; {}", what, monitor.take()));
        value.addListener((obs, old, now) -> wait.playFromStart());
        return this;
    }
}
