package dev.digitlab.ui.training;

import dev.digitlab.ui.training.Curve;
import dev.digitlab.ui.training.CurveSeries;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;

/**
 * Keeps a chart's series in step with the view model's {@link Curve}s. Training curves are bare
 * lines (thousands of symbol nodes would stall the FX thread); validation curves, a point per
 * epoch, get a dot at each point so that even a single epoch shows. Earlier runs are drawn faded.
 */
final class CurveSeries {

    static final String TRAINING_COLOR = "#2f6fbd";
    static final String VALIDATION_COLOR = "#e07b24";
    static final double FADED_OPACITY = 0.28;

    private CurveSeries() {
    }

    /** Mirrors {@code curves} into {@code series} from now on. */
    static void mirror(ObservableList<Curve> curves, ObservableList<XYChart.Series<Number, Number>> series) {
        series.setAll(curves.stream().map(CurveSeries::of).toList());
        curves.addListener((ListChangeListener<Curve>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    series.remove(c.getFrom(), c.getFrom() + c.getRemovedSize());
                }
                if (c.wasAdded()) {
                    series.addAll(c.getFrom(), c.getAddedSubList().stream().map(CurveSeries::of).toList());
                }
            }
        });
    }

    /** A series that follows {@code curve}'s points and looks. */
    static XYChart.Series<Number, Number> of(Curve curve) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(curve.run() + " " + curve.kind().name().toLowerCase(java.util.Locale.ROOT));
        ObservableList<XYChart.Data<Number, Number>> data = s.getData();
        curve.points().forEach(p -> data.add(data(curve, p)));
        curve.points().addListener((ListChangeListener<Point2D>) c -> {
            while (c.next()) {
                if (c.wasReplaced() && c.getRemovedSize() == c.getAddedSize()) {
                    // The moving tip: update the point in place instead of a remove and an add.
                    List<? extends Point2D> added = c.getAddedSubList();
                    for (int i = 0; i < added.size(); i++) {
                        XYChart.Data<Number, Number> d = data.get(c.getFrom() + i);
                        d.setXValue(added.get(i).getX());
                        d.setYValue(added.get(i).getY());
                    }
                    continue;
                }
                if (c.wasRemoved()) {
                    data.remove(c.getFrom(), c.getFrom() + c.getRemovedSize());
                }
                if (c.wasAdded()) {
                    data.addAll(c.getFrom(), c.getAddedSubList().stream().map(p -> data(curve, p)).toList());
                }
            }
        });
        s.nodeProperty().addListener((obs, old, line) -> style(line, curve));
        curve.fadedProperty().addListener((obs, was, faded) -> {
            style(s.getNode(), curve);
            s.getData().forEach(d -> style(d.getNode(), curve));
        });
        return s;
    }

    private static XYChart.Data<Number, Number> data(Curve curve, Point2D p) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(p.getX(), p.getY());
        if (curve.kind() == Curve.Kind.VALIDATION) {
            StackPane dot = new StackPane();
            dot.getStyleClass().add("validation-dot");
            d.setNode(dot);
            style(dot, curve);
        }
        return d;
    }

    private static void style(Node node, Curve curve) {
        if (node == null) {
            return;
        }
        String color = curve.kind() == Curve.Kind.TRAINING ? TRAINING_COLOR : VALIDATION_COLOR;
        // Inline styles win over the chart's default-colorN classes, which follow the series' index.
        node.setStyle(node instanceof StackPane
                ? "-fx-background-color: " + color + ", white;"
                : "-fx-stroke: " + color + ";");
        node.setOpacity(curve.fadedProperty().get() ? FADED_OPACITY : 1);
    }
}
