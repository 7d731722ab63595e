package dev.digitlab.ui.draw;

import dev.digitlab.imaging.strokes.Drawing;
import dev.digitlab.imaging.strokes.DrawingReader;
import dev.digitlab.imaging.strokes.DrawnDigits;
import dev.digitlab.imaging.strokes.Stroke;
import dev.digitlab.imaging.strokes.StrokeRasterizer;
import dev.digitlab.ui.draw.DrawingPad;
import dev.digitlab.ui.draw.SnapshotBenchmark;

import dev.digitlab.imaging.GrayImage;
import dev.digitlab.imaging.MnistPreprocessor;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.stage.Stage;

/**
 * What it costs to get the drawing as pixels: a snapshot of the on-screen canvas (on the FX
 * thread, which the pen then waits for) against drawing the strokes into a grid directly (on any
 * thread), each followed by the MNIST-style preprocessing. A measurement, not a test. Run on a
 * display (e.g. Xvfb): {@code java -cp target/classes:target/test-classes:$(cat cp.txt)
 * dev.digitlab.ui.SnapshotBenchmark [canvasSide]}.
 */
public final class SnapshotBenchmark {

    private static final int RUNS = 300;

    private SnapshotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int side = args.length > 0 ? Integer.parseInt(args[0]) : 634;
        List<Stroke> strokes = List.of(
                DrawnDigits.stroke(24, 4, 60, 60, 220, 60, 120, 240),
                DrawnDigits.stroke(24, 4, DrawnDigits.oval(140, 150, 60, 90, 60)));
        MnistPreprocessor preprocessor = new MnistPreprocessor();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                Canvas canvas = new Canvas(side, side);
                draw(canvas, strokes);
                Stage stage = new Stage();
                stage.setScene(new Scene(new Group(canvas)));
                stage.show();
                WritableImage image = new WritableImage(side, side);
                int[] argb = new int[side * side];
                SnapshotParameters params = new SnapshotParameters();
                params.setFill(Color.WHITE);
                report("snapshot " + side + "px + pixels + preprocess (FX thread)", () -> {
                    canvas.snapshot(params, image);
                    image.getPixelReader().getPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(), argb, 0,
                            side);
                    return preprocessor.prepare(GrayImage.fromArgb(side, side, argb));
                });
                StrokeRasterizer own = new StrokeRasterizer(side);
                report("own raster " + side + "px + preprocess (any thread)   ",
                        () -> preprocessor.prepare(own.rasterize(strokes)));
                StrokeRasterizer fixed = new StrokeRasterizer(DrawingReader.RASTER_SIDE);
                report("own raster 280px + preprocess (any thread)      ",
                        () -> preprocessor.prepare(fixed.rasterize(strokes)));
                stage.close();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get();
        Platform.exit();
    }

    private static void draw(Canvas canvas, List<Stroke> strokes) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double k = canvas.getWidth() / Drawing.SIDE;
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setStroke(DrawingPad.INK);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (Stroke s : strokes) {
            float[] path = s.path();
            g.setLineWidth(s.width() * k);
            g.beginPath();
            g.moveTo(path[0] * k, path[1] * k);
            for (int i = 2; i < path.length; i += 2) {
                g.lineTo(path[i] * k, path[i + 1] * k);
            }
            g.stroke();
        }
    }

    private static void report(String what, Supplier<?> work) {
        for (int i = 0; i < RUNS; i++) {
            work.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%s median %.2f ms, p99 %.2f ms%n", what, nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6);
    }
}
