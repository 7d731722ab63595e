package dev.digitlab.ui;

import javafx.animation.AnimationTimer;

/**
 * Measures how smoothly the FX thread runs: the longest gap between two pulses (frames). While it
 * runs it asks for a pulse every frame (about 60 a second), so a gap well above 17 ms means the FX
 * thread was busy. A debugging aid, switched on with {@code -D}{@value #PROPERTY}{@code =true}.
 */
public final class PulseMonitor extends AnimationTimer {

    /** The system property that turns the pulse log on. */
    public static final String PROPERTY = "digitlab.pulseLog";

    private long last;
    private long maxGap;
    private long pulses;

    @Override
    public void handle(long now) {
        long t = System.nanoTime();
        if (last != 0) {
            maxGap = Math.max(maxGap, t - last);
        }
        last = t;
        pulses++;
    }

    /** The longest gap in milliseconds since the last call, and starts measuring afresh. */
    public double takeMaxGapMillis() {
        double ms = maxGap / 1e6;
        maxGap = 0;
        pulses = 0;
        return ms;
    }

    /** Pulses since the last {@link #takeMaxGapMillis()}. */
    public long pulses() {
        return pulses;
    }
}
