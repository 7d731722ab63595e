package dev.digitlab.ui.draw;

import dev.digitlab.ui.draw.LatencyLog;
import dev.digitlab.ui.draw.ReadTiming;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Collects {@link ReadTiming}s and reports, after every {@code batch} of them, the median and 99th
 * percentile of the whole pen-to-prediction time and of its parts. A measurement aid: the Draw tab
 * logs the figures when started with {@code -D}{@value #PROPERTY}{@code =true}. Use on one thread.
 */
public final class LatencyLog implements Consumer<ReadTiming> {

    /** The system property that turns the log on. */
    public static final String PROPERTY = "digitlab.drawTiming";

    /** Median, 99th percentile and maximum of some latencies, in milliseconds. */
    public record Figures(int count, double medianMillis, double p99Millis, double maxMillis) {

        /** The figures of {@code nanos}; the percentiles are nearest-rank. */
        public static Figures of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return new Figures(n, sorted[(n - 1) / 2] / 1e6, sorted[(int) Math.ceil(0.99 * n) - 1] / 1e6,
                    sorted[n - 1] / 1e6);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.2f ms", medianMillis, p99Millis,
                    maxMillis);
        }
    }

    private final ReadTiming[] timings;
    private final Consumer<String> report;
    private int count;

    /**
     * @param batch  how many timings make one report
     * @param report takes each report, one line
     */
    public LatencyLog(int batch, Consumer<String> report) {
        if (batch < 1) {
            throw new IllegalArgumentException("a batch needs at least one timing: " + batch);
        }
        this.timings = new ReadTiming[batch];
        this.report = report;
    }

    /** Adds one timing; reports when the batch is full, and starts a new one. */
    @Override
    public void accept(ReadTiming timing) {
        timings[count++] = timing;
        if (count == timings.length) {
            report.accept(describe(timings));
            count = 0;
        }
    }

    /** One line: the whole time and its parts for {@code timings}. */
    public static String describe(ReadTiming[] timings) {
        return timings.length + " updates, pen move to prediction shown: " + figures(timings, ReadTiming::totalNanos)
                + " (queued " + figures(timings, ReadTiming::queuedNanos)
                + "; reading " + figures(timings, ReadTiming::workNanos)
                + "; to the FX thread " + figures(timings, ReadTiming::deliveryNanos) + ")";
    }

    /** The figures of one part of {@code timings}. */
    public static Figures figures(ReadTiming[] timings, ToLongFunction<ReadTiming> part) {
        return Figures.of(Arrays.stream(timings).mapToLong(part).toArray());
    }
}
