package dev.digitlab.ui.draw;

import dev.digitlab.base.Mnist;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.TabView;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Draw tab: the paper on the left with Undo, Clear and the pen width under it; on the right
 * the model, the predicted digit, the ten probabilities and the 28x28 picture the network
 * receives (optionally beside the naive whole-canvas shrink). Built in plain Java; everything it
 * shows is bound to a {@link DrawViewModel}.
 */
public final class DrawView implements TabView {

    private static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    /** Screen pixels per network input pixel. */
    private static final double CELL = 6;

    private final DrawViewModel model;
    private final BorderPane root = new BorderPane();
    private VBox resultsPanel;
    private VBox paperArea;

    public DrawView(DrawViewModel model) {
        this.model = model;
        root.getStyleClass().add("draw-view");
        root.getStylesheets().add(DrawView.class.getResource("draw.css").toExternalForm());
        root.setCenter(paper());
        root.setRight(results());
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    /** The tab's content. */
    @Override
    public Parent root() {
        return root;
    }

    /**
     * Adds "teach it my handwriting": {@code correction} right under the predicted digit,
     * {@code panel} (the kept drawings and Teach) under the paper's tools.
     */
    public void addTeaching(Node correction, Node panel) {
        resultsPanel.getChildren().add(2, correction);
        paperArea.getChildren().add(panel);
    }

    private void keyPressed(KeyEvent e) {
        if (UNDO.match(e)) {
            model.undo();
            e.consume();
        } else if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.ESCAPE) && !e.isShortcutDown()) {
            model.clear();
            e.consume();
        }
    }

    // ----- the paper and its tools ----------------------------------------------------------

    private Node paper() {
        DrawingPad pad = new DrawingPad(model);
        VBox.setVgrow(pad, Priority.ALWAYS);

        Button undo = button("undoButton", "draw.button.undo", "draw.help.undo");
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setOnAction(e -> model.undo());
        Button clear = button("clearButton", "draw.button.clear", "draw.help.clear");
        clear.disableProperty().bind(model.canUndoProperty().not());
        clear.setOnAction(e -> model.clear());

        Slider pen = new Slider(DrawViewModel.MIN_PEN_WIDTH, DrawViewModel.MAX_PEN_WIDTH,
                DrawViewModel.DEFAULT_PEN_WIDTH);
        pen.setId("penWidth");
        // Whole units: ticks every unit (not shown) to snap to.
        pen.setMajorTickUnit(6);
        pen.setMinorTickCount(5);
        pen.setSnapToTicks(true);
        pen.setBlockIncrement(2);
        pen.valueProperty().bindBidirectional(model.penWidthProperty());
        pen.setPrefWidth(170);
        tooltip(pen, "draw.help.penWidth");
        Label penLabel = new Label(Messages.get("draw.penWidth"));
        penLabel.setLabelFor(pen);
        Label penValue = new Label();
        penValue.getStyleClass().add("pen-value");
        penValue.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("draw.penWidth.value", Math.round(pen.getValue())), pen.valueProperty()));
        penValue.setMinWidth(24);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox tools = new HBox(8, undo, clear, gap, penLabel, pen, penValue);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.getStyleClass().add("tools");

        VBox box = new VBox(12, pad, tools);
        paperArea = box;
        box.setPadding(new Insets(18, 18, 14, 18));
        box.getStyleClass().add("paper-area");
        return box;
    }

    private static Button button(String id, String textKey, String helpKey) {
        Button b = new Button(Messages.get(textKey));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        tooltip(b, helpKey);
        // The paper keeps the keyboard focus, so Ctrl+Z, Delete and Esc keep working after a click.
        b.setFocusTraversable(false);
        return b;
    }

    private static void tooltip(Control control, String helpKey) {
        Tooltip tip = new Tooltip(Messages.get(helpKey));
        tip.setWrapText(true);
        tip.setMaxWidth(340);
        tip.setShowDelay(Duration.millis(350));
        control.setTooltip(tip);
    }

    // ----- the results ----------------------------------------------------------------------

    private Node results() {
        VBox panel = new VBox(8, modelCard(), prediction(),
                section("draw.section.probabilities"), probabilities(),
                networkInput());
        resultsPanel = panel;
        panel.getStyleClass().add("results");
        panel.setPadding(new Insets(14, 18, 14, 18));
        panel.setPrefWidth(420);
        panel.setMinWidth(400);
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("results-scroll");
        return scroll;
    }

    private Node modelCard() {
        Label name = new Label();
        name.setId("modelLabel");
        name.getStyleClass().add("model-name");
        name.setWrapText(true);
        name.textProperty().bind(model.modelTextProperty());
        Label help = new Label();
        help.setId("modelHelp");
        help.getStyleClass().add("model-help");
        help.setWrapText(true);
        help.textProperty().bind(model.modelHelpProperty());
        help.visibleProperty().bind(help.textProperty().isNotEmpty());
        help.managedProperty().bind(help.visibleProperty());
        VBox card = new VBox(4, name, help);
        card.getStyleClass().add("model-card");
        model.modelStateProperty().addListener((obs, old, now) -> markModelState(card));
        markModelState(card);
        return card;
    }

    private void markModelState(Node card) {
        card.getStyleClass().removeAll("missing", "ready");
        card.getStyleClass().add(model.modelStateProperty().get() == DrawViewModel.ModelState.READY ? "ready"
                : "missing");
    }

    private Node prediction() {
        Label digit = new Label();
        digit.setId("predictedDigit");
        digit.getStyleClass().add("predicted-digit");
        digit.textProperty().bind(model.predictionTextProperty());
        digit.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        digit.setAlignment(Pos.CENTER);
        // Without a prediction the hint ("Draw a digit") takes the whole card.
        digit.visibleProperty().bind(model.predictedDigitProperty().greaterThanOrEqualTo(0));
        digit.managedProperty().bind(digit.visibleProperty());
        Label detail = new Label();
        detail.setId("predictionDetail");
        detail.getStyleClass().add("prediction-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(model.detailTextProperty());
        HBox box = new HBox(18, digit, detail);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("prediction");
        model.predictedDigitProperty().addListener((obs, old, now) -> {
            box.getStyleClass().remove("none");
            if (now.intValue() < 0) {
                box.getStyleClass().add("none");
            }
        });
        box.getStyleClass().add("none");
        return box;
    }

    private Node probabilities() {
        ProbabilityChart chart = new ProbabilityChart();
        chart.setId("probabilityChart");
        model.readingProperty().addListener((obs, old, now) -> chart.setProbabilities(now.probabilities()));
        chart.setProbabilities(model.readingProperty().get().probabilities());
        return chart;
    }

    private Node networkInput() {
        PixelGrid input = new PixelGrid(Mnist.SIDE, CELL);
        input.setId("networkInput");
        PixelGrid naive = new PixelGrid(Mnist.SIDE, CELL);
        naive.setId("naiveInput");
        model.readingProperty().addListener((obs, old, now) -> {
            input.show(now.input());
            naive.show(now.naiveInput());
        });

        // Titled only when the naive input is beside it, to tell the two apart.
        VBox real = new VBox(4, input,
                title("draw.mnistInput.title", model.mnistTextProperty(), "mnistReads", "mnist-reads"));
        VBox shrunk = new VBox(4, naive,
                title("draw.naiveInput.title", model.naiveTextProperty(), "naiveReads", "naive-reads"));
        shrunk.visibleProperty().bind(model.naiveShownProperty());
        shrunk.managedProperty().bind(shrunk.visibleProperty());
        for (int i = 1; i < real.getChildren().size(); i++) {
            Node n = real.getChildren().get(i);
            n.visibleProperty().bind(model.naiveShownProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        HBox pictures = new HBox(16, real, shrunk);

        Label caption = caption("draw.networkInput.caption");
        caption.textProperty().bind(Bindings.when(model.naiveShownProperty())
                .then(Messages.get("draw.naiveInput.caption")).otherwise(Messages.get("draw.networkInput.caption")));
        return new VBox(6, networkInputHeader(), pictures, caption);
    }

    /** The section's title, and the switch that puts the naive shrink beside the network's input. */
    private Node networkInputHeader() {
        CheckBox toggle = new CheckBox(Messages.get("draw.naiveToggle"));
        toggle.setId("naiveToggle");
        toggle.selectedProperty().bindBidirectional(model.naiveShownProperty());
        toggle.setFocusTraversable(false);
        tooltip(toggle, "draw.help.naiveToggle");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label title = section("draw.section.networkInput");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(8, title, gap, toggle);
        header.setAlignment(Pos.BOTTOM_LEFT);
        return header;
    }

    /** A picture's title and, under it, what the network reads from it. */
    private static Node title(String key, ObservableValue<String> reads, String readsId,
                              String readsStyle) {
        Label title = new Label(Messages.get(key));
        title.getStyleClass().add("picture-title");
        Label read = new Label();
        read.setId(readsId);
        read.getStyleClass().add(readsStyle);
        read.textProperty().bind(reads);
        return new VBox(0, title, read);
    }

    private static Label section(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("section");
        return l;
    }

    private static Label caption(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("caption");
        l.setWrapText(true);
        return l;
    }
}
