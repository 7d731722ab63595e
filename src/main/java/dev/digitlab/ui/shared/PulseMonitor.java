package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.PulseMonitor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * Measures how smoothly the FX thread runs: the gaps between pulses (frames), their 99th
 * percentile and longest, and the CPU time the FX thread and JavaFX's render thread used. While it
 * runs it asks for a pulse every frame (about 60 a second), so a gap well above 17 ms means the FX
 * thread was busy or starved (a garbage collector's pause, say). A debugging aid, switched on with
 * {@code -D}{@value #PROPERTY}{@code =true}.
 */
public final class PulseMonitor extends AnimationTimer {

    /** The system property that turns the pulse log on. */
    public static final String PROPERTY = "digitlab.pulseLog";

    private static final String RENDER_THREAD = "QuantumRenderer-0";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long last;
    private long[] gaps = new long[1024];
    private int gapCount;
    private long pulses;
    private long windowStart = System.nanoTime();
    private long fxCpuAtStart = -1;
    private long renderCpuAtStart = -1;
    private long renderThreadId = -1;

    @Override
    public void handle(long now) {
        long t = System.nanoTime();
        if (last != 0) {
            if (gapCount == gaps.length) {
                gaps = Arrays.copyOf(gaps, gapCount * 2);
            }
            gaps[gapCount++] = t - last;
        }
        if (fxCpuAtStart < 0) {
            fxCpuAtStart = threads.getCurrentThreadCpuTime();
            renderCpuAtStart = renderCpu();
        }
        last = t;
        pulses++;
    }

    /** The figures since the last call, and starts measuring afresh; call on the FX thread. */
    public Window take() {
        long now = System.nanoTime();
        long fxCpu = threads.getCurrentThreadCpuTime();
        long renderCpu = renderCpu();
        double seconds = (now - windowStart) / 1e9;
        long[] sorted = Arrays.copyOf(gaps, gapCount);
        Arrays.sort(sorted);
        Window w = new Window(sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                percentile(sorted, 0.99) / 1e6, pulses,
                fxCpuAtStart < 0 ? Double.NaN : (fxCpu - fxCpuAtStart) / 1e7 / seconds,
                renderCpuAtStart < 0 || renderCpu < 0 ? Double.NaN : (renderCpu - renderCpuAtStart) / 1e7 / seconds);
        gapCount = 0;
        pulses = 0;
        windowStart = now;
        fxCpuAtStart = fxCpu;
        renderCpuAtStart = renderCpu;
        return w;
    }

    /** The value below which {@code fraction} of the sorted {@code values} lie (nearest rank); 0 when there are none. */
    static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private long renderCpu() {
        if (renderThreadId < 0) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (RENDER_THREAD.equals(t.getName())) {
                    renderThreadId = t.getId();
                }
            }
        }
        return renderThreadId < 0 ? -1 : threads.getThreadCpuTime(renderThreadId);
    }

    /**
     * What one measuring window saw.
     *
     * @param maxGapMillis     the longest gap between two pulses
     * @param p99GapMillis     the 99th percentile of the gaps: one gap in a hundred is longer
     * @param pulses           pulses in the window
     * @param fxCpuPercent     CPU time of the FX thread, in percent of the window's wall time
     * @param renderCpuPercent the same for the render thread
     */
    public record Window(double maxGapMillis, double p99GapMillis, long pulses, double fxCpuPercent,
                         double renderCpuPercent) {

        @Override
        public String toString() {
            return String.format("max pulse gap %.1f ms (p99 %.1f ms) over %d pulses, FX thread CPU %.0f%%, "
                    + "render thread CPU %.0f%%", maxGapMillis, p99GapMillis, pulses, fxCpuPercent, renderCpuPercent);
        }
    }
}
