package dev.digitlab.ui.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The pulse log's p99: one stall in a run of smooth frames shows in the maximum, a habit of stalls in the p99. */
class PulseMonitorTest {

    private static long[] gaps(int smooth, long smoothGap, int stalls, long stallGap) {
        long[] gaps = new long[smooth + stalls];
        Arrays.fill(gaps, 0, smooth, smoothGap);
        Arrays.fill(gaps, smooth, gaps.length, stallGap);
        Arrays.sort(gaps);
        return gaps;
    }

    @Test
    void oneStallAmongAHundredFramesLeavesTheP99AtTheSmoothGap() {
        assertEquals(16, PulseMonitor.percentile(gaps(100, 16, 1, 200), 0.99));
    }

    @Test
    void stallsInMoreThanOneFrameInAHundredSetTheP99() {
        assertEquals(200, PulseMonitor.percentile(gaps(98, 16, 3, 200), 0.99));
    }

    @Test
    void noGapsGiveZeroAndOneGapIsItsOwnPercentile() {
        assertEquals(0, PulseMonitor.percentile(new long[0], 0.99));
        assertEquals(40, PulseMonitor.percentile(new long[] {40}, 0.99));
        assertEquals(10, PulseMonitor.percentile(new long[] {10, 20, 30, 40}, 0.25));
    }

    @Test
    void theLogLineGivesTheP99BesideTheLongestGap() {
        String line = new PulseMonitor.Window(52.4, 18.1, 600, 12, 9).toString();
        assertEquals("max pulse gap 52.4 ms (p99 18.1 ms) over 600 pulses, FX thread CPU 12%, render thread CPU 9%",
                line);
    }
}
