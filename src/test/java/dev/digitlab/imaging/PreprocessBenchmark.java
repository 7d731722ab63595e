package dev.digitlab.imaging;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * How long one preprocessing of a 560x560 canvas takes: median and 99th percentile of single runs
 * after warm-up. A measurement, not a test (the Draw tab's whole pen-to-prediction path has 16 ms).
 * Run: {@code ./mvnw -q test-compile && java -cp target/classes:target/test-classes
 * dev.digitlab.imaging.PreprocessBenchmark}
 */
public final class PreprocessBenchmark {

    private static final int RUNS = 3000;

    private PreprocessBenchmark() {
    }

    public static void main(String[] args) {
        MnistPreprocessor mnistStyle = new MnistPreprocessor();
        NaivePreprocessor naive = new NaivePreprocessor();
        // A typical drawing (a 7 over about 70% of the canvas) and the worst case, ink corner to corner.
        float[] typical = Glyph.SEVEN.draw(560, 560, 90, 70, 400, 28, true).values();
        float[] cornerToCorner = Glyph.SEVEN.draw(560, 560, -40, -20, 640, 28, true).values();
        // The Draw tab builds a new GrayImage from its pixels every time, so that (a copy and the
        // range check) is timed too.
        report("MNIST-style, typical 7           ", RUNS, () -> mnistStyle.prepare(new GrayImage(560, 560, typical.clone())));
        report("MNIST-style, ink corner to corner", RUNS, () -> mnistStyle.prepare(new GrayImage(560, 560, cornerToCorner.clone())));
        report("naive whole-canvas shrink        ", RUNS, () -> naive.prepare(new GrayImage(560, 560, typical.clone())));
        GrayImage digit = mnistStyle.prepare(new GrayImage(560, 560, typical)).orElseThrow();
        Redrawer redrawer = new Redrawer();
        RedrawStyle style = new RedrawStyle(560, 560, 400, 280, 280, 6, true);
        report("redraw a 28x28 digit at 560 px   ", 200, () -> redrawer.redraw(digit, style));
    }

    /** Runs {@code work} as often again to warm up, then {@code runs} times one by one, timed. */
    private static void report(String what, int runs, Supplier<?> work) {
        Object sink = null;
        for (int i = 0; i < runs; i++) {
            sink = work.get();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sink = work.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%s median %.3f ms, p99 %.3f ms (%d runs)%s%n", what, nanos[runs / 2] / 1e6,
                nanos[runs * 99 / 100] / 1e6, runs, sink == null ? " (no result)" : "");
    }
}
