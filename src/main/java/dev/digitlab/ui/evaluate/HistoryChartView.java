package dev.digitlab.ui.evaluate;

import dev.digitlab.ui.shared.Messages;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The validation accuracy per epoch of every model of the session, one line each, with a legend
 * naming the model, its preset or architecture and its test accuracy: e.g. the tutorial model
 * against one trained with dropout. A handful of lines of about ten points: the chart is simply
 * rebuilt when the list changes.
 */
final class HistoryChartView {

    private final EvaluateViewModel model;
    private final VBox root = new VBox(6);
    private final NumberAxis epochs = new NumberAxis(1, 10, 1);
    private final LineChart<Number, Number> chart;

    HistoryChartView(EvaluateViewModel model) {
        this.model = model;
        epochs.setAutoRanging(false);
        epochs.setLabel(Messages.get("axis.epoch"));
        epochs.setMinorTickVisible(false);
        NumberAxis accuracy = new NumberAxis();
        accuracy.setForceZeroInRange(false);
        accuracy.setLabel(Messages.get("axis.accuracy"));
        chart = new LineChart<>(epochs, accuracy);
        chart.setId("historyChart");
        chart.getStyleClass().add("history-chart");
        chart.setTitle(Messages.get("history.title"));
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setMinHeight(260);
        VBox.setVgrow(chart, Priority.ALWAYS);
        Label help = new Label(Messages.get("history.help"));
        help.setWrapText(true);
        help.getStyleClass().add("help-text");
        Label empty = new Label(Messages.get("history.empty"));
        empty.getStyleClass().add("help-text");
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.session().histories()));
        empty.managedProperty().bind(empty.visibleProperty());
        root.getChildren().addAll(help, empty, chart);
        root.setPadding(new Insets(12, 16, 8, 8));
        model.session().histories().addListener((ListChangeListener<ModelHistory>) c -> rebuild());
        rebuild();
    }

    Node root() {
        return root;
    }

    /** The chart alone, for exporting. */
    LineChart<Number, Number> chart() {
        return chart;
    }

    private void rebuild() {
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        int last = 1;
        for (ModelHistory h : model.session().histories()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(h.label());
            for (int i = 0; i < h.epochs().length; i++) {
                s.getData().add(new XYChart.Data<>(h.epochs()[i], h.accuracy()[i]));
            }
            last = Math.max(last, h.lastEpoch());
            all.add(s);
        }
        epochs.setUpperBound(Math.max(2, last));
        epochs.setTickUnit(Math.max(1, Math.ceil(last / 10.0)));
        chart.getData().setAll(all);
    }
}
