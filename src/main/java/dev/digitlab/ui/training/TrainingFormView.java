package dev.digitlab.ui.training;

import static dev.digitlab.ui.training.Widgets.converter;
import static dev.digitlab.ui.training.Widgets.section;
import static dev.digitlab.ui.training.Widgets.tooltip;

import dev.digitlab.ui.shared.Messages;
import javafx.collections.FXCollections;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Training tab's left side: the preset, the model's and the training's settings (each field
 * marked red with the reason in its tooltip while invalid), the network's summary, and Train and
 * Stop. Bound to a {@link TrainingViewModel}.
 */
final class TrainingFormView {

    private static final String INVALID = "invalid";

    private final TrainingViewModel model;
    private final ScrollPane root;

    TrainingFormView(TrainingViewModel model) {
        this.model = model;
        VBox form = new VBox(10, settings(), summary(), new Separator(), buttons(), fixHint());
        form.getStyleClass().add("form");
        form.setPadding(new Insets(14, 16, 14, 16));
        // Wide enough for the CNN preset's layers on one line.
        form.setPrefWidth(350);
        root = new ScrollPane(form);
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.getStyleClass().add("form-scroll");
    }

    Node root() {
        return root;
    }

    private Node settings() {
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

        VBox settings = new VBox(8,
                section("section.preset"), presets,
                section("section.model"), modelGrid,
                section("section.training"), trainingGrid(f));
        settings.disableProperty().bind(model.busyProperty());
        return settings;
    }

    private static GridPane trainingGrid(TrainingForm f) {
        ChoiceBox<String> optimizer = new ChoiceBox<>(f.optimizers());
        optimizer.setId("optimizerChoice");
        optimizer.setConverter(converter(name -> Messages.get("optimizer." + name)));
        optimizer.valueProperty().bindBidirectional(f.optimizerProperty());
        optimizer.setMaxWidth(Double.MAX_VALUE);
        tooltip(optimizer, "help.optimizer");

        GridPane grid = grid();
        row(grid, 0, "field.optimizer", optimizer);
        row(grid, 1, "field.learningRate", field("learningRateField", f.learningRate(), "help.learningRate"));
        row(grid, 2, "field.decay", field("decayField", f.decay(), "help.decay"));
        row(grid, 3, "field.batchSize", field("batchField", f.batchSize(), "help.batchSize"));
        row(grid, 4, "field.epochs", field("epochsField", f.epochs(), "help.epochs"));
        row(grid, 5, "field.validationSplit", field("validationField", f.validationSplit(), "help.validationSplit"));
        row(grid, 6, "field.seed", field("seedField", f.seed(), "help.seed"));
        return grid;
    }

    private Node buttons() {
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
        return new HBox(8, train, stop);
    }

    private Node fixHint() {
        Label fixHint = new Label(Messages.get("form.fixFields"));
        fixHint.setId("fixHint");
        fixHint.getStyleClass().add("hint-error");
        fixHint.setWrapText(true);
        fixHint.visibleProperty().bind(model.form().validProperty().not());
        fixHint.managedProperty().bind(fixHint.visibleProperty());
        return fixHint;
    }

    private Node summary() {
        Label summary = new Label();
        summary.setId("modelSummary");
        summary.getStyleClass().add("model-summary");
        summary.setWrapText(true);
        summary.setMaxWidth(Double.MAX_VALUE);
        summary.textProperty().bind(model.modelSummaryProperty());
        summary.visibleProperty().bind(summary.textProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
        return summary;
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
}
