package dev.digitlab.ui.training;

import dev.digitlab.ui.shared.PulseMonitor;
import dev.digitlab.ui.training.ChartCostBench;
import dev.digitlab.ui.training.Curve;
import dev.digitlab.ui.training.CurveSeries;
import dev.digitlab.ui.training.TrainingCurves;
import dev.digitlab.ui.training.TrainingTask;

import dev.digitlab.train.BatchProgress;
import dev.digitlab.train.EpochResult;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Measures what the live charts cost the FX thread for a given number of points per training
 * curve, with and without symbol nodes: two charts as the Training tab has them (three runs of a
 * training and a validation curve each), updated ten times a second as during training. Not a
 * test; run it on a display:
 * {@code java -cp target/classes:target/test-classes:<deps> dev.digitlab.ui.ChartCostBench 1000 false}.
 */
public final class ChartCostBench {

    private static final int SECONDS = 6;

    private ChartCostBench() {
    }

    public static void main(String[] args) {
        // Through a nested class: a main class that extends Application needs JavaFX as modules.
        Application.launch(Charts.class, args);
    }

    /** The window being measured. */
    public static final class Charts extends Application {

        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            int points = Integer.parseInt(args.get(0));
            boolean symbols = Boolean.parseBoolean(args.get(1));
            TrainingCurves curves = new TrainingCurves();
            LineChart<Number, Number> accuracy = chart(curves.accuracy(), symbols);
            LineChart<Number, Number> loss = chart(curves.loss(), symbols);
            int epochs = 10;
            int batches = points / epochs;
            for (int run = 1; run <= TrainingCurves.KEPT_RUNS; run++) {
                curves.startRun("Run " + run, epochs);
                int lastEpoch = run == TrainingCurves.KEPT_RUNS ? epochs / 2 : epochs;
                for (int e = 1; e <= lastEpoch; e++) {
                    for (int b = 1; b <= batches; b++) {
                        curves.addSample(progress(e, epochs, b, batches));
                    }
                    curves.addEpoch(new EpochResult(e, epochs, 0.1, 0.97, 0.1, 0.97, 1));
                }
            }
            stage.setScene(new Scene(new VBox(accuracy, loss), 750, 640));
            stage.show();

            PulseMonitor monitor = new PulseMonitor();
            monitor.start();
            int[] batch = {0};
            int epoch = epochs / 2 + 1;
            Timeline updates = new Timeline(new KeyFrame(Duration.millis(TrainingTask.DRAIN_INTERVAL_MILLIS), e -> {
                // What one drain does while training: a few samples, then the tip.
                for (int i = 0; i < 7; i++) {
                    batch[0] = Math.min(batch[0] + 1, batches);
                    curves.addSample(progress(epoch, epochs, batch[0], batches));
                }
                curves.showTip(progress(epoch, epochs, batch[0], batches));
            }));
            updates.setCycleCount(Timeline.INDEFINITE);
            Timeline measure = new Timeline(new KeyFrame(Duration.seconds(1), e -> monitor.take()),
                    new KeyFrame(Duration.seconds(1 + SECONDS), e -> {
                        System.out.printf("points %d symbols %s: %s%n", points, symbols, monitor.take());
                        Platform.exit();
                    }));
            updates.play();
            measure.play();
        }
    }

    private static BatchProgress progress(int epoch, int epochs, int batch, int batches) {
        double x = epoch - 1 + (double) batch / batches;
        return new BatchProgress(epoch, epochs, batch, batches, 0.05 + 1 / (1 + 5 * x), 0.99 - 0.5 / (1 + 10 * x), 50_000);
    }

    private static LineChart<Number, Number> chart(javafx.collections.ObservableList<Curve> curves, boolean symbols) {
        NumberAxis x = new NumberAxis(0, 10, 1);
        NumberAxis y = new NumberAxis(0, 100, 10);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setCreateSymbols(symbols);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        CurveSeries.mirror(curves, chart.getData());
        return chart;
    }
}
