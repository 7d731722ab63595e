package dev.digitlab.ui.tutorial;

import dev.digitlab.train.EpochResult;
import dev.digitlab.ui.evaluate.ModelHistory;
import dev.digitlab.ui.shared.DigitImages;
import dev.digitlab.ui.shared.Messages;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Draws what a step's "Do it" produced: sample digits, pixel values, a layer table, curves. */
final class ResultViews {

    /** The square of pixels shown before and after dividing by 255. */
    static final int WINDOW = 8;

    private ResultViews() {
    }

    /** The picture of {@code result} (one of {@link StepResults}); an empty box for none. */
    static Node of(Object result) {
        if (result instanceof StepResults.Data d) {
            return samples(d);
        } else if (result instanceof StepResults.Pixels p) {
            return pixels(p.digit());
        } else if (result instanceof StepResults.Layers l) {
            return layers(l);
        } else if (result instanceof StepResults.Curves c) {
            return curves(c.history());
        } else if (result instanceof StepResults.Prediction p) {
            return prediction(p);
        } else if (result instanceof StepResults.Comparison c) {
            return comparison(c.histories());
        }
        return new Region();
    }

    private static ImageView digit(StepResults.Digit d, double size) {
        ImageView view = new ImageView(DigitImages.of(d.pixels(), d.rows(), d.cols()));
        view.setFitWidth(size);
        view.setFitHeight(size);
        view.setSmooth(false);
        return view;
    }

    /** A few training images, each with its label and its one-hot vector. */
    private static Node samples(StepResults.Data d) {
        FlowPane row = new FlowPane(12, 12);
        for (StepResults.Digit s : d.samples()) {
            Label label = new Label(Messages.format("tutorial.load.label", s.label()));
            Label hot = new Label(StepActions.oneHot(s.label()));
            hot.getStyleClass().add("code");
            VBox card = new VBox(4, digit(s, 84), label, hot);
            card.setAlignment(Pos.CENTER);
            card.getStyleClass().add("sample");
            row.getChildren().add(card);
        }
        StringBuilder counts = new StringBuilder();
        for (int c = 0; c < d.counts().length; c++) {
            counts.append(c == 0 ? "" : "   ").append(Messages.format("tutorial.load.count", c, d.counts()[c]));
        }
        Label perDigit = new Label(Messages.get("tutorial.load.perDigit") + "   " + counts);
        perDigit.setWrapText(true);
        return new VBox(10, row, perDigit);
    }

    /** The digit, and its most inked 8x8 square before (0-255) and after (0-1) dividing by 255. */
    private static Node pixels(StepResults.Digit d) {
        int[] raw = d.raw();
        int top = 0;
        int left = 0;
        long best = -1;
        for (int r = 0; r + WINDOW <= d.rows(); r++) {
            for (int c = 0; c + WINDOW <= d.cols(); c++) {
                long ink = 0;
                for (int i = 0; i < WINDOW; i++) {
                    for (int j = 0; j < WINDOW; j++) {
                        ink += raw[(r + i) * d.cols() + c + j];
                    }
                }
                if (ink > best) {
                    best = ink;
                    top = r;
                    left = c;
                }
            }
        }
        GridPane before = grid(d, top, left, i -> Integer.toString(raw[i]));
        GridPane after = grid(d, top, left, i -> String.format(java.util.Locale.ROOT, "%.2f", raw[i] / 255.0));
        Label where = new Label(Messages.format("tutorial.prepare.window", top, left, WINDOW));
        VBox b = new VBox(4, new Label(Messages.get("tutorial.prepare.before")), before);
        VBox a = new VBox(4, new Label(Messages.get("tutorial.prepare.after")), after);
        HBox tables = new HBox(24, marked(d, top, left), b, a);
        return new VBox(6, where, tables);
    }

    /** The digit with the square the tables show outlined. */
    private static Node marked(StepResults.Digit d, int top, int left) {
        double size = 140;
        double scale = size / d.cols();
        javafx.scene.shape.Rectangle square = new javafx.scene.shape.Rectangle(left * scale, top * scale,
                WINDOW * scale, WINDOW * scale);
        square.getStyleClass().add("window-mark");
        javafx.scene.layout.Pane pane = new javafx.scene.layout.Pane(digit(d, size), square);
        pane.setMinSize(size, size);
        pane.setMaxSize(size, size);
        return pane;
    }

    private static GridPane grid(StepResults.Digit d, int top, int left, java.util.function.IntFunction<String> text) {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(1);
        grid.getStyleClass().add("pixel-table");
        for (int i = 0; i < WINDOW; i++) {
            for (int j = 0; j < WINDOW; j++) {
                Label cell = new Label(text.apply((top + i) * d.cols() + left + j));
                cell.getStyleClass().add("code");
                cell.setMinWidth(Region.USE_PREF_SIZE);
                GridPane.setHalignment(cell, javafx.geometry.HPos.RIGHT);
                grid.add(cell, j, i);
            }
        }
        return grid;
    }

    /** Each layer that learns, its weights and biases counted, and the total. */
    private static Node layers(StepResults.Layers l) {
        GridPane table = new GridPane();
        table.setHgap(18);
        table.setVgap(4);
        table.getStyleClass().add("layer-table");
        int row = 0;
        for (StepResults.LayerRow r : l.rows()) {
            table.add(new Label(r.layer()), 0, row);
            Label sum = new Label(Messages.format("tutorial.build.row", r.inputs(), r.outputs(), r.count()));
            sum.getStyleClass().add("code");
            table.add(sum, 1, row++);
        }
        Label total = new Label(Messages.format("tutorial.build.total", l.total()));
        total.getStyleClass().add("total");
        table.add(total, 0, row, 2, 1);
        return table;
    }

    /** Accuracy and loss per epoch, training and validation, as plt.plot draws them. */
    private static Node curves(List<EpochResult> history) {
        int epochs = history.isEmpty() ? 1 : history.get(history.size() - 1).epoch();
        LineChart<Number, Number> accuracy = chart("axis.accuracy", epochs);
        accuracy.getData().add(series(Messages.get("legend.training"), history, r -> 100 * r.accuracy()));
        LineChart<Number, Number> loss = chart("axis.loss", epochs);
        loss.getData().add(series(Messages.get("legend.training"), history, EpochResult::loss));
        if (history.stream().allMatch(EpochResult::hasValidation)) {
            accuracy.getData().add(series(Messages.get("legend.validation"), history, r -> 100 * r.valAccuracy()));
            loss.getData().add(series(Messages.get("legend.validation"), history, EpochResult::valLoss));
        }
        HBox charts = new HBox(12, accuracy, loss);
        charts.setId("tutorialCurves");
        return charts;
    }

    /** A chart over epochs 1 to {@code epochs}, ticks on whole epochs. */
    private static LineChart<Number, Number> chart(String yKey, int epochs) {
        NumberAxis x = new NumberAxis(0.8, Math.max(2, epochs) + 0.2, epochs > 20 ? 5 : 1);
        x.setAutoRanging(false);
        x.setLabel(Messages.get("axis.epoch"));
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                double e = n.doubleValue();
                return Math.abs(e - Math.rint(e)) < 1e-9 ? Long.toString(Math.round(e)) : "";
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text);
            }
        });
        NumberAxis y = new NumberAxis();
        y.setLabel(Messages.get(yKey));
        y.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setPrefSize(460, 300);
        chart.getStyleClass().add("tutorial-chart");
        return chart;
    }

    private static XYChart.Series<Number, Number> series(String name, List<EpochResult> history,
                                                         ToDoubleFunction<EpochResult> value) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (EpochResult r : history) {
            series.getData().add(new XYChart.Data<>(r.epoch(), value.applyAsDouble(r)));
        }
        return series;
    }

    /** The test image large, with what the network reads and the truth. */
    private static Node prediction(StepResults.Prediction p) {
        Label digit = new Label(Integer.toString(p.predicted()));
        digit.getStyleClass().add("predicted-digit");
        Label truth = new Label(Messages.format("tutorial.predict.truth", p.digit().label()));
        VBox words = new VBox(4, new Label(Messages.get("tutorial.predict.reads")), digit, truth);
        HBox box = new HBox(24, digit(p.digit(), 168), words);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Every model of the session, validation accuracy per epoch, its test accuracy in the legend. */
    private static Node comparison(List<ModelHistory> histories) {
        int epochs = histories.stream().mapToInt(ModelHistory::lastEpoch).max().orElse(1);
        LineChart<Number, Number> chart = chart("axis.accuracy", epochs);
        chart.setPrefSize(860, 360);
        chart.setId("tutorialComparison");
        for (ModelHistory h : histories) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(h.label());
            for (int i = 0; i < h.epochs().length; i++) {
                series.getData().add(new XYChart.Data<>(h.epochs()[i], h.accuracy()[i]));
            }
            chart.getData().add(series);
        }
        return chart;
    }
}
