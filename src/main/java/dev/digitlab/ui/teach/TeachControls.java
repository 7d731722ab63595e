package dev.digitlab.ui.teach;

import dev.digitlab.train.Teacher;
import dev.digitlab.ui.shared.Messages;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;

/**
 * The bottom of the "My drawings" panel: Teach the model and Stop, the progress bar and then the
 * figures before and after beside them, and the stage line under them. Bound to a
 * {@link TeachViewModel}.
 */
final class TeachControls {

    private final TeachViewModel model;

    TeachControls(TeachViewModel model) {
        this.model = model;
    }

    /** Teach the model, Stop, and beside them the progress bar while teaching and the figures after. */
    Node row() {
        Button teach = new Button(Messages.get("teach.button"));
        teach.setId("teachButton");
        teach.getStyleClass().add("teach-button");
        teach.setFocusTraversable(false);
        teach.disableProperty().bind(model.canTeachProperty().not());
        teach.setOnAction(e -> model.teach());
        TeachView.tooltip(teach, "teach.help.teach");
        Button stop = new Button(Messages.get("teach.stop"));
        stop.setId("stopTeachButton");
        stop.setFocusTraversable(false);
        stop.disableProperty().bind(model.teachingProperty().not());
        stop.setOnAction(e -> model.stop());
        ProgressBar bar = new ProgressBar();
        bar.setId("teachProgress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.visibleProperty().bind(model.teachingProperty());
        Label result = resultLabel();
        // The results take the place of the progress bar, beside the buttons, in room kept for them
        // from the start: the paper above keeps its size when they appear (it shrank by about 50 px
        // when they came as a box of their own under the buttons).
        StackPane beside = new StackPane(result, bar);
        StackPane.setAlignment(result, Pos.CENTER_LEFT);
        StackPane.setAlignment(bar, Pos.CENTER_LEFT);
        beside.minHeightProperty().bind(Bindings.createDoubleBinding(() -> roomForResults(result),
                result.widthProperty(), result.fontProperty(), result.insetsProperty()));
        // The buttons keep their size; the results take whatever width is left, wrapping in it.
        beside.setMinWidth(0);
        beside.setPrefWidth(100);
        HBox.setHgrow(beside, Priority.ALWAYS);
        teach.setMinWidth(Region.USE_PREF_SIZE);
        stop.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, teach, stop, beside);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /**
     * The height {@code label} needs, at its width and font, for the longest usual result (30
     * drawings, both figures at 100%), in the current language.
     */
    private static double roomForResults(Label label) {
        Insets insets = label.getInsets();
        Text text = new Text(TeachViewModel.describe(new Teacher.Outcome(null, 30, 1, 1, 0.9999, 0.9999)));
        text.setFont(label.getFont());
        double width = label.getWidth() - insets.getLeft() - insets.getRight();
        if (width > 0) {
            text.setWrappingWidth(width);
        }
        return Math.ceil(text.getLayoutBounds().getHeight() + insets.getTop() + insets.getBottom());
    }

    /** The figures before and after, shown once the model has been taught. */
    private Label resultLabel() {
        Label result = new Label();
        result.setId("teachResult");
        result.getStyleClass().add("teach-result");
        result.setWrapText(true);
        result.setMaxWidth(Double.MAX_VALUE);
        result.textProperty().bind(model.resultProperty());
        result.visibleProperty().bind(result.textProperty().isNotEmpty().and(model.teachingProperty().not()));
        return result;
    }

    /** What teaching is doing or did last, in a line of its own under the buttons. */
    Label stage() {
        Label stage = new Label();
        stage.setId("teachStage");
        stage.getStyleClass().add("caption");
        stage.setMinWidth(0);
        stage.textProperty().bind(model.stageProperty());
        // One line, so the panel keeps its height; cut short in a narrow window, whole on hover.
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(model.stageProperty());
        stage.setTooltip(whole);
        return stage;
    }
}
