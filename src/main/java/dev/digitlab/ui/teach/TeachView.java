package dev.digitlab.ui.teach;

import dev.digitlab.imaging.strokes.LabelledDrawing;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.PulseMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Comparator;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * What the Draw tab shows of "teach it my handwriting": under the prediction, a row of the ten
 * digits to say what the drawing really is and "Keep as example"; lower down, the kept drawings
 * (how many of each digit, and thumbnails to open or delete) with "Teach the model", its progress,
 * Stop, and the figures before and after. Everything is bound to a {@link TeachViewModel}.
 */
public final class TeachView {

    private static final double THUMB = 40;
    private static final Logger LOG = LoggerFactory.getLogger(TeachView.class);

    private final TeachViewModel model;
    private final ToggleButton[] digits = new ToggleButton[10];
    private final Label[] counts = new Label[10];
    private final HBox thumbnails = new HBox(6);

    public TeachView(TeachViewModel model) {
        this.model = model;
        if (Boolean.getBoolean(PulseMonitor.PROPERTY)) {
            logPulses();
        }
    }

    /** Logs, per teaching, the longest gap between two FX pulses and the FX threads' CPU use. */
    private void logPulses() {
        PulseMonitor monitor = new PulseMonitor();
        monitor.start();
        model.teachingProperty().addListener((obs, old, now) -> {
            if (now) {
                monitor.take();
            } else {
                LOG.info("pulse: teaching ended ({}); {}", model.stageProperty().get(), monitor.take());
            }
        });
    }

    /** The row under the prediction: "Not right? It is a" 0 ... 9, and Keep as example. */
    public Node correction() {
        Label ask = new Label(Messages.get("teach.itIs"));
        ask.getStyleClass().add("teach-ask");
        ask.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(3);
        row.setAlignment(Pos.CENTER_LEFT);
        for (int d = 0; d <= 9; d++) {
            int digit = d;
            ToggleButton b = new ToggleButton(Integer.toString(d));
            b.setId("itIs" + d);
            b.getStyleClass().add("digit-choice");
            b.setFocusTraversable(false);
            b.disableProperty().bind(model.canKeepProperty().not());
            b.setOnAction(e -> model.keep(digit));
            digits[d] = b;
            row.getChildren().add(b);
        }
        model.keptDigitProperty().addListener((obs, old, now) -> markKept(now.intValue()));
        markKept(model.keptDigitProperty().get());
        Button keep = new Button(Messages.get("teach.keep"));
        keep.setId("keepButton");
        keep.setFocusTraversable(false);
        keep.disableProperty().bind(model.canKeepProperty().not());
        keep.setOnAction(e -> model.keepAsRead());
        tooltip(keep, "teach.help.keep");
        Label notice = new Label();
        notice.setId("keptNotice");
        notice.getStyleClass().add("caption");
        notice.textProperty().bind(model.noticeProperty());
        // Wrapped within the column: left to its own width it widened the column, and the paper
        // beside it shrank, each time a drawing was kept.
        notice.setWrapText(true);
        notice.setMinWidth(0);
        HBox.setHgrow(notice, Priority.ALWAYS);
        keep.setMinWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(4, ask, row, new HBox(8, keep, notice));
        ((HBox) box.getChildren().get(2)).setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("teach-correction");
        Tooltip.install(row, tip("teach.help.itIs"));
        return box;
    }

    private void markKept(int digit) {
        for (int d = 0; d <= 9; d++) {
            digits[d].setSelected(d == digit);
        }
    }

    /** The kept drawings and "Teach the model". */
    public Node panel() {
        Label title = new Label(Messages.get("teach.section"));
        title.getStyleClass().add("section");
        GridPane table = countTable();
        ScrollPane strip = thumbnailStrip();
        model.drawings().list().addListener((ListChangeListener<LabelledDrawing>) c -> refresh());
        refresh();
        Label empty = new Label(Messages.get("teach.none"));
        empty.getStyleClass().add("caption");
        empty.setWrapText(true);
        empty.visibleProperty().bind(Bindings.isEmpty(model.drawings().list()));
        empty.managedProperty().bind(empty.visibleProperty());
        Label problem = new Label();
        problem.getStyleClass().add("teach-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.drawings().problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(16, title, table);
        header.setAlignment(Pos.BOTTOM_LEFT);
        TeachControls controls = new TeachControls(model);
        VBox box = new VBox(6, header, empty, strip, problem, controls.row(), controls.stage());
        box.getStyleClass().add("teach-panel");
        return box;
    }

    /** How many drawings are kept of each digit: the digits above, their counts below. */
    private GridPane countTable() {
        GridPane table = new GridPane();
        table.setHgap(10);
        table.getStyleClass().add("teach-counts");
        for (int d = 0; d <= 9; d++) {
            Label digit = new Label(Integer.toString(d));
            digit.getStyleClass().add("count-digit");
            counts[d] = new Label();
            counts[d].setId("count" + d);
            counts[d].getStyleClass().add("count-value");
            table.add(digit, d, 0);
            table.add(counts[d], d, 1);
            GridPane.setHalignment(digit, javafx.geometry.HPos.CENTER);
            GridPane.setHalignment(counts[d], javafx.geometry.HPos.CENTER);
        }
        return table;
    }

    /** The kept drawings' thumbnails in a row that scrolls sideways; hidden while there are none. */
    private ScrollPane thumbnailStrip() {
        thumbnails.setId("thumbnails");
        thumbnails.setMinHeight(THUMB + 2);
        ScrollPane strip = new ScrollPane(thumbnails);
        strip.setId("thumbnailStrip");
        strip.getStyleClass().add("thumb-strip");
        strip.setFitToHeight(true);
        strip.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        strip.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        strip.setPrefViewportHeight(THUMB + 4);
        strip.visibleProperty().bind(Bindings.isNotEmpty(model.drawings().list()));
        strip.managedProperty().bind(strip.visibleProperty());
        return strip;
    }

    private void refresh() {
        int[] n = model.drawings().counts();
        for (int d = 0; d <= 9; d++) {
            counts[d].setText(Integer.toString(n[d]));
            counts[d].getStyleClass().remove("zero");
            if (n[d] == 0) {
                counts[d].getStyleClass().add("zero");
            }
        }
        List<LabelledDrawing> sorted = model.drawings().list().stream()
                .sorted(Comparator.comparingInt(LabelledDrawing::digit)).toList();
        thumbnails.getChildren().setAll(sorted.stream().map(this::thumbnail).toList());
    }

    private Node thumbnail(LabelledDrawing drawing) {
        Thumbnail picture = new Thumbnail(drawing.strokes(), THUMB);
        Label digit = new Label(Integer.toString(drawing.digit()));
        digit.getStyleClass().add("thumb-digit");
        StackPane.setAlignment(digit, Pos.BOTTOM_RIGHT);
        Button delete = new Button(Messages.get("teach.thumb.deleteMark"));
        delete.getStyleClass().add("thumb-delete");
        delete.setFocusTraversable(false);
        delete.setOnAction(e -> model.delete(drawing));
        StackPane.setAlignment(delete, Pos.TOP_RIGHT);
        delete.setVisible(false);
        StackPane cell = new StackPane(picture, digit, delete);
        cell.getStyleClass().add("thumb");
        cell.setOnMouseEntered(e -> delete.setVisible(true));
        cell.setOnMouseExited(e -> delete.setVisible(false));
        cell.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getTarget() != delete) {
                model.open(drawing);
            }
        });
        MenuItem open = new MenuItem(Messages.get("teach.thumb.open"));
        open.setOnAction(e -> model.open(drawing));
        MenuItem remove = new MenuItem(Messages.get("teach.thumb.delete"));
        remove.setOnAction(e -> model.delete(drawing));
        ContextMenu menu = new ContextMenu(open, remove);
        cell.setOnContextMenuRequested(e -> menu.show(cell, e.getScreenX(), e.getScreenY()));
        Tooltip.install(cell, tip("teach.help.thumb"));
        return cell;
    }

    static void tooltip(javafx.scene.control.Control control, String key) {
        control.setTooltip(tip(key));
    }

    private static Tooltip tip(String key) {
        Tooltip tip = new Tooltip(Messages.get(key));
        tip.setWrapText(true);
        tip.setMaxWidth(340);
        tip.setShowDelay(Duration.millis(350));
        return tip;
    }
}
