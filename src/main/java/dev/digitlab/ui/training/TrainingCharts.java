package dev.digitlab.ui.training;

import dev.digitlab.ui.shared.ErrorBanner;
import dev.digitlab.ui.shared.Messages;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;

/**
 * The Training tab's right side: an error banner, the legend and the test accuracy, and the
 * accuracy and loss charts of this session's runs, x in epochs. Bound to a {@link TrainingViewModel}.
 */
final class TrainingCharts {

    private static final double Y_AXIS_WIDTH = 62;

    private final TrainingViewModel model;
    private final Map<String, Node> exportables = new LinkedHashMap<>();
    private final VBox root;

    TrainingCharts(TrainingViewModel model) {
        this.model = model;
        TrainingCurves curves = model.curves();
        LineChart<Number, Number> accuracy = chart("accuracyChart", "chart.accuracy", "axis.accuracy",
                curves.accuracy(), curves.accuracyLowProperty(), new SimpleDoubleProperty(100));
        LineChart<Number, Number> loss = chart("lossChart", "chart.loss", "axis.loss", curves.loss(),
                new SimpleDoubleProperty(0), curves.lossHighProperty());
        exportables.put("accuracy-chart", accuracy);
        exportables.put("loss-chart", loss);
        VBox.setVgrow(accuracy, Priority.ALWAYS);
        VBox.setVgrow(loss, Priority.ALWAYS);
        root = new VBox(6, errorBanner(), new CoachView(model.coach()).root(), header(), accuracy, loss);
        root.setPadding(new Insets(12, 16, 8, 8));
    }

    Node root() {
        return root;
    }

    /** The accuracy and loss charts, as {@code accuracy-chart} and {@code loss-chart}. */
    Map<String, Node> exportables() {
        return Collections.unmodifiableMap(exportables);
    }

    private Node errorBanner() {
        return ErrorBanner.of("errorLabel", model.errorProperty());
    }

    private Node header() {
        Label testAccuracy = Widgets.label("testAccuracyLabel", model.testAccuracyTextProperty());
        testAccuracy.getStyleClass().add("test-accuracy");
        testAccuracy.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(18, legend(), gap, testAccuracy);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private static Node legend() {
        HBox legend = new HBox(16,
                legendItem(CurveSeries.TRAINING_COLOR, "legend.training"),
                legendItem(CurveSeries.VALIDATION_COLOR, "legend.validation"));
        Label earlier = new Label(Messages.get("legend.earlier"));
        earlier.getStyleClass().add("legend-note");
        // The note gives way first when the window is narrow.
        earlier.setMinWidth(0);
        legend.getChildren().add(earlier);
        legend.setAlignment(Pos.CENTER_LEFT);
        return legend;
    }

    private static Node legendItem(String color, String key) {
        Line line = new Line(0, 0, 18, 0);
        line.setStyle("-fx-stroke: " + color + "; -fx-stroke-width: 3px;");
        Label label = new Label(Messages.get(key), line);
        label.getStyleClass().add("legend-item");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /**
     * A line chart of {@code curves}, x in epochs. Both axes have fixed ranges that follow the view
     * model: an auto-ranging axis would scan every point on every update.
     */
    private LineChart<Number, Number> chart(String id, String titleKey, String yKey, ObservableList<Curve> curves,
                                            ObservableDoubleValue low, ObservableDoubleValue high) {
        LineChart<Number, Number> chart = new LineChart<>(epochAxis(model.curves().epochsProperty()),
                valueAxis(yKey, low, high));
        chart.setId(id);
        chart.setTitle(Messages.get(titleKey));
        // Symbols are nodes: thousands of them stall the FX thread. Lines only, no animation.
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setMinHeight(180);
        CurveSeries.mirror(curves, chart.getData());
        return chart;
    }

    private static NumberAxis epochAxis(ReadOnlyIntegerProperty epochs) {
        NumberAxis x = new NumberAxis(0, 10, 1);
        x.setAutoRanging(false);
        x.setLabel(Messages.get("axis.epoch"));
        x.setMinorTickVisible(false);
        // A little room after the last epoch, so its validation dot is not cut in half.
        x.upperBoundProperty().bind(epochs.multiply(1.02));
        x.tickUnitProperty().bind(Bindings.createDoubleBinding(() -> tickUnit(epochs.get()), epochs));
        // The axis always labels its upper bound; that room is no epoch, so "10.2" is left blank.
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epoch) {
                double e = epoch.doubleValue();
                return e == Math.rint(e) ? Long.toString((long) e) : "";
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text);
            }
        });
        return x;
    }

    private static NumberAxis valueAxis(String labelKey, ObservableDoubleValue low, ObservableDoubleValue high) {
        NumberAxis y = new NumberAxis();
        y.setAutoRanging(false);
        y.lowerBoundProperty().bind(low);
        y.upperBoundProperty().bind(high);
        y.tickUnitProperty().bind(Bindings.createDoubleBinding(() -> yTickUnit(high.get() - low.get()), low, high));
        y.setLabel(Messages.get(labelKey));
        y.setMinorTickVisible(false);
        // The same width on both charts lines their plot areas up.
        y.setPrefWidth(Y_AXIS_WIDTH);
        y.setMinWidth(Y_AXIS_WIDTH);
        return y;
    }

    /** Five to ten ticks: steps of 1, 2 or 5 times a power of ten. */
    static double yTickUnit(double range) {
        return niceStep(range / 10);
    }

    /** About ten ticks, on 1, 2 or 5 times a power of ten epochs. */
    static double tickUnit(int epochs) {
        return niceStep(Math.max(1, epochs / 10.0));
    }

    /** The smallest of 1, 2, 5 or 10 times a power of ten that is at least {@code raw}. */
    private static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
