package dev.digitlab.ui.draw;

import dev.digitlab.imaging.Preprocessing;
import dev.digitlab.imaging.strokes.DrawingReader;
import dev.digitlab.imaging.strokes.DrawnDigits;
import dev.digitlab.imaging.strokes.Stroke;
import dev.digitlab.imaging.strokes.StrokeRasterizer;
import dev.digitlab.ui.draw.DrawBenchmark;

import dev.digitlab.imaging.GrayImage;
import dev.digitlab.imaging.MnistPreprocessor;
import dev.digitlab.imaging.NaivePreprocessor;
import dev.digitlab.io.ShippedModels;
import dev.digitlab.nn.Network;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * How long the Draw tab's background reading of one drawing takes, part by part: median and 99th
 * percentile of single runs after warm-up. A measurement, not a test. Run:
 * {@code ./mvnw -q test-compile && OMP_NUM_THREADS=1 java -cp target/classes:target/test-classes:$(cat cp.txt)
 * dev.digitlab.ui.DrawBenchmark} (cp.txt from {@code ./mvnw dependency:build-classpath}).
 */
public final class DrawBenchmark {

    private static final int RUNS = 2000;

    private DrawBenchmark() {
    }

    public static void main(String[] args) {
        Network network = new ShippedModels().load().network();
        // A 7 and a closing 0, the mouse sampled every 4 units: a busy drawing of ~200 points.
        List<Stroke> strokes = List.of(
                DrawnDigits.stroke(22, 4, 60, 60, 220, 60, 120, 240),
                DrawnDigits.stroke(22, 4, DrawnDigits.oval(140, 150, 60, 90, 60)));
        StrokeRasterizer rasterizer = new StrokeRasterizer(DrawingReader.RASTER_SIDE);
        MnistPreprocessor mnistStyle = new MnistPreprocessor();
        NaivePreprocessor naive = new NaivePreprocessor();
        DrawingReader reader = new DrawingReader();
        GrayImage canvas = rasterizer.rasterize(strokes);
        float[] input = mnistStyle.prepare(canvas).orElseThrow().values();
        System.out.printf("drawing: %d strokes, %d points%n", strokes.size(),
                strokes.stream().mapToInt(Stroke::size).sum());
        report("rasterize 280x280          ", () -> rasterizer.rasterize(strokes));
        report("MNIST-style preprocessing  ", () -> mnistStyle.prepare(canvas));
        report("naive shrink               ", () -> naive.prepare(canvas));
        report("classify one 28x28         ", () -> network.probabilities(input));
        report("reading the same drawing   ", () -> reader.read(strokes, network, Preprocessing.MNIST));
        growing(strokes, network);
    }

    /** The real path: the drawing read again after every mouse position, as it is drawn. */
    private static void growing(List<Stroke> strokes, Network network) {
        List<List<Stroke>> states = new java.util.ArrayList<>();
        for (int j = 0; j < strokes.size(); j++) {
            Stroke s = strokes.get(j);
            for (int n = 1; n <= s.size(); n++) {
                List<Stroke> state = new java.util.ArrayList<>(strokes.subList(0, j));
                float[] points = new float[2 * n];
                for (int i = 0; i < n; i++) {
                    points[2 * i] = s.x(i);
                    points[2 * i + 1] = s.y(i);
                }
                state.add(new Stroke(s.width(), points));
                states.add(List.copyOf(state));
            }
        }
        DrawingReader reader = new DrawingReader();
        int rounds = Math.max(1, RUNS / states.size());
        for (int r = 0; r < rounds; r++) {
            for (List<Stroke> state : states) {
                reader.read(state, network, Preprocessing.MNIST);
            }
        }
        long[] nanos = new long[rounds * states.size()];
        int k = 0;
        for (int r = 0; r < rounds; r++) {
            for (List<Stroke> state : states) {
                long start = System.nanoTime();
                reader.read(state, network, Preprocessing.MNIST);
                nanos[k++] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("reading as it is drawn       median %.3f ms, p99 %.3f ms (%d readings)%n",
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6, nanos.length);
    }

    private static void report(String what, Supplier<?> work) {
        Object sink = null;
        for (int i = 0; i < RUNS; i++) {
            sink = work.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            sink = work.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%s median %.3f ms, p99 %.3f ms%s%n", what, nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6,
                sink == null ? " (no result)" : "");
    }
}
