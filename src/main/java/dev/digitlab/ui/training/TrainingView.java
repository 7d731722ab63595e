package dev.digitlab.ui.training;

import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.PulseMonitor;
import dev.digitlab.ui.training.Curve;
import dev.digitlab.ui.training.CurveSeries;
import dev.digitlab.ui.training.FormField;
import dev.digitlab.ui.training.Preset;
import dev.digitlab.ui.training.TrainingCurves;
import dev.digitlab.ui.training.TrainingForm;
import dev.digitlab.ui.training.TrainingView;
import dev.digitlab.ui.training.TrainingViewModel;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Training tab: the settings form on the left, the accuracy and loss charts on the right, the
 * progress along the bottom. Built in plain Java; everything it shows is bound to a
 * {@link TrainingViewModel}.
 */
public final class TrainingView {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingView.class);
    private static final String INVALID = "invalid";
    private static final double Y_AXIS_WIDTH = 62;

    private final TrainingViewModel model;
    private final BorderPane root = new BorderPane();

    public TrainingView(TrainingViewModel model) {
        this.model = model;
        root.getStyleClass().add("training-view");
        root.getStylesheets().add(TrainingView.class.getResource("training.css").toExternalForm());
        root.setLeft(form());
        root.setCenter(charts());
        root.setBottom(progressBar());
        if (Boolean.getBoolean(PulseMonitor.PROPERTY)) {
            logPulses();
        }
    }

    /** The tab's content. */
    public Parent root() {
        return root;
    }

    // ----- the form -------------------------------------------------------------------------

    private Node form() {
        TrainingForm f = model.form();

        ChoiceBox<Preset> presets = new ChoiceBox<>(FXCollections.observableArrayList(Preset.values()));
        presets.setId("presetChoice");
        presets.setConverter(converter(Preset::label));
        presets.valueProperty().bindBidirectional(f.presetProperty());
        presets.setMaxWidth(Double.MAX_VALUE);
        tooltip(presets, "help.preset");

        GridPane modelGrid = grid();
        wideRow(modelGrid, 0, "field.layers", field("layersField", f.layers(), "help.layers"));
        row(modelGrid, 2, "field.dropout", field("dropoutField", f.dropout(), "help.dropout"));

        ChoiceBox<String> optimizer = new ChoiceBox<>(f.optimizers());
        optimizer.setId("optimizerChoice");
        optimizer.setConverter(converter(name -> Messages.get("optimizer." + name)));
        optimizer.valueProperty().bindBidirectional(f.optimizerProperty());
        optimizer.setMaxWidth(Double.MAX_VALUE);
        tooltip(optimizer, "help.optimizer");

        GridPane trainingGrid = grid();
        row(trainingGrid, 0, "field.optimizer", optimizer);
        row(trainingGrid, 1, "field.learningRate", field("learningRateField", f.learningRate(), "help.learningRate"));
        row(trainingGrid, 2, "field.decay", field("decayField", f.decay(), "help.decay"));
        row(trainingGrid, 3, "field.batchSize", field("batchField", f.batchSize(), "help.batchSize"));
        row(trainingGrid, 4, "field.epochs", field("epochsField", f.epochs(), "help.epochs"));
        row(trainingGrid, 5, "field.validationSplit",
                field("validationField", f.validationSplit(), "help.validationSplit"));
        row(trainingGrid, 6, "field.seed", field("seedField", f.seed(), "help.seed"));

        VBox settings = new VBox(8,
                section("section.preset"), presets,
                section("section.model"), modelGrid,
                section("section.training"), trainingGrid);
        settings.disableProperty().bind(model.busyProperty());

        Button train = new Button(Messages.get("button.train"));
        train.setId("trainButton");
        train.setDefaultButton(true);
        train.getStyleClass().add("train-button");
        train.disableProperty().bind(model.canTrainProperty().not());
        train.setOnAction(e -> model.train());
        Button stop = new Button(Messages.get("button.stop"));
        stop.setId("stopButton");
        stop.disableProperty().bind(model.canStopProperty().not());
        stop.setOnAction(e -> model.stop());
        for (Button b : new Button[] {train, stop}) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        HBox buttons = new HBox(8, train, stop);

        Label fixHint = new Label(Messages.get("form.fixFields"));
        fixHint.setId("fixHint");
        fixHint.getStyleClass().add("hint-error");
        fixHint.setWrapText(true);
        fixHint.visibleProperty().bind(f.validProperty().not());
        fixHint.managedProperty().bind(fixHint.visibleProperty());

        Label summary = new Label();
        summary.setId("modelSummary");
        summary.getStyleClass().add("model-summary");
        summary.setWrapText(true);
        summary.setMaxWidth(Double.MAX_VALUE);
        summary.textProperty().bind(model.modelSummaryProperty());
        summary.visibleProperty().bind(summary.textProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());

        VBox form = new VBox(10, settings, summary, new Separator(), buttons, fixHint);
        form.getStyleClass().add("form");
        form.setPadding(new Insets(14, 16, 14, 16));
        // Wide enough for the CNN preset's layers on one line.
        form.setPrefWidth(350);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("form-scroll");
        return scroll;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setPrefWidth(118);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    private static void row(GridPane grid, int row, String labelKey, Control field) {
        Label label = new Label(Messages.get(labelKey));
        label.setLabelFor(field);
        label.getStyleClass().add("field-label");
        grid.addRow(row, label, field);
    }

    /** The label above a field as wide as the grid: a CNN's layers are too long for the field column. */
    private static void wideRow(GridPane grid, int row, String labelKey, Control field) {
        Label label = new Label(Messages.get(labelKey));
        label.setLabelFor(field);
        label.getStyleClass().add("field-label");
        GridPane.setHalignment(label, HPos.LEFT);
        grid.add(label, 0, row, 2, 1);
        grid.add(field, 0, row + 1, 2, 1);
    }

    private static Label section(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("section");
        return l;
    }

    /** A text field bound to {@code field}: a red border and the reason in its tooltip while invalid. */
    private static TextField field(String id, FormField<?> field, String helpKey) {
        TextField text = new TextField();
        text.setId(id);
        text.textProperty().bindBidirectional(field.textProperty());
        text.setPrefColumnCount(8);
        Tooltip tip = tooltip(text, helpKey);
        String help = tip.getText();
        Runnable mark = () -> {
            String error = field.errorProperty().get();
            text.getStyleClass().remove(INVALID);
            if (error != null) {
                text.getStyleClass().add(INVALID);
            }
            tip.setText(error == null ? help : error + "\n\n" + help);
        };
        field.errorProperty().addListener((obs, old, now) -> mark.run());
        mark.run();
        return text;
    }

    private static Tooltip tooltip(Control control, String helpKey) {
        Tooltip tip = new Tooltip(Messages.get(helpKey));
        tip.setWrapText(true);
        tip.setMaxWidth(340);
        tip.setShowDelay(Duration.millis(350));
        tip.setShowDuration(Duration.seconds(30));
        control.setTooltip(tip);
        return tip;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choice boxes are not edited as text");
            }
        };
    }

    // ----- the charts -----------------------------------------------------------------------

    private Node charts() {
        Label error = new Label();
        error.setId("errorLabel");
        error.getStyleClass().add("error-banner");
        error.setWrapText(true);
        error.setMaxWidth(Double.MAX_VALUE);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        Label testAccuracy = new Label();
        testAccuracy.setId("testAccuracyLabel");
        testAccuracy.getStyleClass().add("test-accuracy");
        testAccuracy.textProperty().bind(model.testAccuracyTextProperty());
        testAccuracy.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(18, legend(), gap, testAccuracy);
        header.setAlignment(Pos.CENTER_LEFT);

        TrainingCurves curves = model.curves();
        LineChart<Number, Number> accuracy = chart("accuracyChart", "chart.accuracy", "axis.accuracy",
                curves.accuracy(), curves.accuracyLowProperty(), new SimpleDoubleProperty(100));
        LineChart<Number, Number> loss = chart("lossChart", "chart.loss", "axis.loss", curves.loss(),
                new SimpleDoubleProperty(0), curves.lossHighProperty());
        VBox.setVgrow(accuracy, Priority.ALWAYS);
        VBox.setVgrow(loss, Priority.ALWAYS);

        VBox box = new VBox(6, error, new CoachView(model.coach()).root(), header, accuracy, loss);
        box.setPadding(new Insets(12, 16, 8, 8));
        return box;
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
        NumberAxis x = new NumberAxis(0, 10, 1);
        x.setAutoRanging(false);
        x.setLabel(Messages.get("axis.epoch"));
        x.setMinorTickVisible(false);
        // A little room after the last epoch, so its validation dot is not cut in half.
        x.upperBoundProperty().bind(model.curves().epochsProperty().multiply(1.02));
        x.tickUnitProperty().bind(Bindings.createDoubleBinding(
                () -> tickUnit(model.curves().epochsProperty().get()), model.curves().epochsProperty()));
        // The axis always labels its upper bound; that room is no epoch, so "10.2" is left blank.
        x.setTickLabelFormatter(new javafx.util.StringConverter<>() {
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
        NumberAxis y = new NumberAxis();
        y.setAutoRanging(false);
        y.lowerBoundProperty().bind(low);
        y.upperBoundProperty().bind(high);
        y.tickUnitProperty().bind(Bindings.createDoubleBinding(() -> yTickUnit(high.get() - low.get()), low, high));
        y.setLabel(Messages.get(yKey));
        y.setMinorTickVisible(false);
        // The same width on both charts lines their plot areas up.
        y.setPrefWidth(Y_AXIS_WIDTH);
        y.setMinWidth(Y_AXIS_WIDTH);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
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

    /** Five to ten ticks: steps of 1, 2 or 5 times a power of ten. */
    static double yTickUnit(double range) {
        double raw = range / 10;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** About ten ticks, on 1, 2 or 5 times a power of ten epochs. */
    static double tickUnit(int epochs) {
        double raw = Math.max(1, epochs / 10.0);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    // ----- the progress bar -----------------------------------------------------------------

    private Node progressBar() {
        ProgressBar bar = new ProgressBar();
        bar.setId("trainingProgress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label text = label("progressLabel", model.progressTextProperty());
        text.setMinWidth(Region.USE_PREF_SIZE);
        Label speed = label("speedLabel", model.speedTextProperty());
        Label left = label("timeLeftLabel", model.timeLeftTextProperty());
        speed.setMinWidth(Region.USE_PREF_SIZE);
        left.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(14, bar, text, speed, left);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("status-bar");
        box.setPadding(new Insets(8, 16, 8, 16));
        return box;
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        return l;
    }

    // ----- debugging ------------------------------------------------------------------------

    /** Logs, per epoch, its training seconds, the longest gap between two FX pulses and the FX threads' CPU use. */
    private void logPulses() {
        PulseMonitor monitor = new PulseMonitor();
        monitor.start();
        model.phaseProperty().addListener((obs, old, now) -> {
            if (now == TrainingViewModel.Phase.TRAINING) {
                monitor.take();
            } else if (old == TrainingViewModel.Phase.TRAINING) {
                LOG.info("pulse: run ended; since the last epoch: {}", monitor.take());
            }
        });
        model.lastEpochProperty().addListener((obs, old, r) -> {
            if (r != null) {
                LOG.info("pulse: epoch {}/{} trained in {} s, val_accuracy {}; {}", r.epoch(), r.epochs(),
                        String.format("%.3f", r.seconds()), String.format("%.4f", r.valAccuracy()), monitor.take());
            }
        });
    }
}
