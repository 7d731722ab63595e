package dev.digitlab.ui.draw;

import dev.digitlab.ui.draw.LatencyLog;
import dev.digitlab.ui.draw.LatencyLogTest;
import dev.digitlab.ui.draw.ReadTiming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyLogTest {

    @Test
    void figuresAreTheMedianAndNearestRankPercentile() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L;
        }
        LatencyLog.Figures f = LatencyLog.Figures.of(nanos);
        assertEquals(50.0, f.medianMillis());
        assertEquals(99.0, f.p99Millis());
        assertEquals(100.0, f.maxMillis());
    }

    @Test
    void reportsEachFullBatchWithItsParts() {
        List<String> lines = new ArrayList<>();
        LatencyLog log = new LatencyLog(3, lines::add);
        for (int i = 1; i <= 7; i++) {
            long moved = 0;
            log.accept(new ReadTiming(moved, 1_000_000L, 3_000_000L, i * 4_000_000L));
        }
        assertEquals(2, lines.size(), "after 3 and 6 timings");
        assertTrue(lines.get(0).startsWith("3 updates, pen move to prediction shown: p50 8.00 ms, p99 12.00 ms"),
                lines.get(0));
        assertTrue(lines.get(0).contains("reading p50 2.00 ms"), lines.get(0));
    }
}
