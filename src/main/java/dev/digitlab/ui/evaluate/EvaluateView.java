package dev.digitlab.ui.evaluate;

import dev.digitlab.ui.shared.ErrorBanner;
import dev.digitlab.ui.shared.ExportMenu;
import dev.digitlab.ui.shared.FileChooserService;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.TabView;
import dev.digitlab.ui.shared.PngExport;
import dev.digitlab.ui.shared.PulseLog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Evaluate tab: the Evaluate button and the test accuracy along the top; below it four
 * sections: the mistakes (confusion matrix, per-digit table, gallery of the images behind a cell,
 * one image large), a random test image, the training histories of the session's models, and the
 * first layer's weights. Built in plain Java and bound to an {@link EvaluateViewModel}.
 *
 * <p>The confusion matrix, the history chart and the weight grid each have a "Save as PNG…" context
 * menu; {@link #exportables()} and {@link #export()} let a File menu do the same.
 */
public final class EvaluateView implements TabView {

    private static final double ROW = 22;
    private static final double TABLE_HEIGHT = 10 * ROW + 30;

    private final EvaluateViewModel model;
    private final BorderPane root = new BorderPane();
    private final PngExport export;
    private final Map<String, Node> exportables = new LinkedHashMap<>();
    private final TabPane sections = new TabPane();
    private final FileChooserService chooser;

    /**
     * @param model   what to show
     * @param chooser asks where to save pictures
     */
    public EvaluateView(EvaluateViewModel model, FileChooserService chooser) {
        this.model = model;
        this.chooser = chooser;
        this.export = new PngExport(chooser, model::exported, model::exportFailed);
        root.getStyleClass().add("evaluate-view");
        root.getStylesheets().add(EvaluateView.class.getResource("evaluate.css").toExternalForm());

        ConfusionMatrixView matrix = new ConfusionMatrixView(model);
        HistoryChartView history = new HistoryChartView(model);
        WeightGridView weights = new WeightGridView(model);
        exportables.put("confusion-matrix", matrix.root());
        exportables.put("training-history", history.chart());
        exportables.put("weights", weights.grid());
        exportables.forEach((name, node) -> ExportMenu.install(node, name, export));

        sections.setId("evaluateSections");
        sections.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sections.getTabs().addAll(
                tab("mistakesTab", "section.mistakes", mistakes(matrix)),
                tab("randomTab", "section.random", new RandomImageView(model).root()),
                tab("historyTab", "section.history", history.root()),
                tab("weightsTab", "section.weights", weights.root()));
        root.setTop(toolbar());
        root.setCenter(sections);
        PulseLog.ifEnabled(EvaluateView.class).ifPresent(pulses -> pulses
                .restartWhen(model.phaseProperty(), EvaluateViewModel.Phase.EVALUATING)
                .logAfter(model.results().predictionsProperty(), Duration.millis(500), "the evaluation and the 500 ms after it"));
    }

    /** The tab's content. */
    @Override
    public Parent root() {
        return root;
    }

    /**
     * The pictures that can be saved, by name ({@code confusion-matrix}, {@code training-history},
     * {@code weights}), for a File > Export menu: pass one to {@link #export()}.
     */
    @Override
    public Map<String, Node> exportables() {
        return Collections.unmodifiableMap(exportables);
    }

    /** Saves a node as PNG, asking for the file; what the context menus use. */
    public PngExport export() {
        return export;
    }

    private static Tab tab(String id, String key, Node content) {
        Tab tab = new Tab(Messages.get(key), content);
        tab.setId(id);
        return tab;
    }

    // ----- the toolbar ---------------------------------------------------------------------

    private Node toolbar() {
        VBox top = new VBox(6, bar(), errorBanner());
        top.getStyleClass().add("toolbar");
        top.setPadding(new Insets(10, 16, 10, 16));
        return top;
    }

    /** Tests the active model on a file of pen-written digits, drawn and read as the Draw tab does. */
    private Button strokesButton() {
        Button strokes = new Button(Messages.get("button.openStrokes"));
        strokes.setId("openStrokesButton");
        strokes.disableProperty().bind(model.canEvaluateProperty().not());
        strokes.setOnAction(e -> chooser.chooseOpenFile(Messages.get("strokes.open.title"),
                Messages.get("file.strokesFilter"), "*.tra", "*.tes", "*.txt", "*.unipen")
                .ifPresent(model::evaluateStrokes));
        strokes.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip strokesTip = new Tooltip(Messages.get("help.openStrokes"));
        strokesTip.setWrapText(true);
        strokesTip.setMaxWidth(340);
        strokes.setTooltip(strokesTip);
        return strokes;
    }

    private Node bar() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.setMaxSize(20, 20);
        spinner.visibleProperty().bind(model.busyProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());

        Label status = new Label();
        status.setId("evaluateStatus");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("status");
        status.setMinWidth(0);
        // Cut short beside a long summary: the whole sentence on hover.
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(model.statusProperty());
        status.setTooltip(whole);

        Label summary = new Label();
        summary.setId("evaluateSummary");
        summary.getStyleClass().add("summary");
        summary.textProperty().bind(model.results().summaryProperty());
        summary.setMinWidth(Region.USE_PREF_SIZE);
        summary.visibleProperty().bind(summary.textProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(12, evaluateButton(), strokesButton(), shippedButton(), spinner, status, notice(), gap, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Button evaluateButton() {
        Button evaluate = new Button(Messages.get("button.evaluate"));
        evaluate.setId("evaluateButton");
        evaluate.getStyleClass().add("evaluate-button");
        evaluate.disableProperty().bind(model.canEvaluateProperty().not());
        evaluate.setOnAction(e -> model.evaluate());
        evaluate.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip(Messages.get("help.evaluate"));
        tip.setWrapText(true);
        tip.setMaxWidth(340);
        tip.setShowDelay(Duration.millis(350));
        evaluate.setTooltip(tip);
        return evaluate;
    }

    private Button shippedButton() {
        Button shipped = new Button(Messages.get("button.loadShipped"));
        shipped.setId("loadShippedButton");
        shipped.visibleProperty().bind(model.canLoadShippedProperty());
        shipped.managedProperty().bind(shipped.visibleProperty());
        shipped.setOnAction(e -> model.loadShipped());
        shipped.setMinWidth(Region.USE_PREF_SIZE);
        return shipped;
    }

    private Label notice() {
        Label notice = new Label();
        notice.setId("evaluateNotice");
        notice.getStyleClass().add("notice");
        notice.setMinWidth(0);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotNull());
        notice.managedProperty().bind(notice.visibleProperty());
        return notice;
    }

    private Label errorBanner() {
        return ErrorBanner.of("evaluateError", model.errorProperty());
    }

    // ----- the mistakes section ------------------------------------------------------------

    private Node mistakes(ConfusionMatrixView matrix) {
        Label help = new Label(Messages.get("matrix.help"));
        help.setWrapText(true);
        help.getStyleClass().add("help-text");
        help.setMaxWidth(ConfusionMatrixView.CELL * 10 + 60);
        VBox left = new VBox(8, matrix.root(), help);

        Node table = table();
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox upper = new HBox(14, table, new ImageDetailView(model).root());
        GalleryView gallery = new GalleryView(model);
        VBox.setVgrow(gallery.root(), Priority.ALWAYS);
        VBox right = new VBox(10, upper, gallery.root());
        HBox.setHgrow(right, Priority.ALWAYS);

        HBox box = new HBox(16, left, right);
        box.setPadding(new Insets(12, 16, 12, 12));
        return box;
    }

    private Node table() {
        TableView<DigitRow> table = new TableView<>(model.results().rows());
        table.setId("digitTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(TABLE_HEIGHT);
        table.setMinHeight(TABLE_HEIGHT);
        table.setMaxHeight(TABLE_HEIGHT);
        table.setFixedCellSize(ROW);
        table.setPlaceholder(new Label(Messages.get("table.empty")));
        table.getColumns().add(column("digitColumn", "table.digit", null, r -> (double) r.digit(), "%.0f", 48));
        table.getColumns().add(column("imagesColumn", "table.images", null, r -> (double) r.images(), "%,.0f", 64));
        table.getColumns().add(column("precisionColumn", "table.precision", "help.precision", DigitRow::precision,
                null, 82));
        table.getColumns().add(column("recallColumn", "table.recall", "help.recall", DigitRow::recall, null, 66));
        return table;
    }

    /** A numeric column; {@code format} null means a percentage of a fraction. */
    private static TableColumn<DigitRow, Double> column(String id, String titleKey, String helpKey,
                                                        Function<DigitRow, Double> value, String format,
                                                        double width) {
        TableColumn<DigitRow, Double> column = new TableColumn<>();
        column.setId(id);
        column.setPrefWidth(width);
        column.setMinWidth(width);
        Label header = new Label(Messages.get(titleKey));
        if (helpKey != null) {
            Tooltip tip = new Tooltip(Messages.get(helpKey));
            tip.setWrapText(true);
            tip.setMaxWidth(320);
            tip.setShowDelay(Duration.millis(250));
            header.setTooltip(tip);
        }
        column.setGraphic(header);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                if (empty || v == null) {
                    setText(null);
                } else if (Double.isNaN(v)) {
                    setText(Messages.get("table.none"));
                } else {
                    setText(format == null ? Messages.format("table.percent", 100 * v) : String.format(format, v));
                }
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        column.setComparator((a, b) -> Double.compare(Double.isNaN(a) ? -1 : a, Double.isNaN(b) ? -1 : b));
        return column;
    }
}
