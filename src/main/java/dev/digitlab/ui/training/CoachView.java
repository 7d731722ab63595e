package dev.digitlab.ui.training;

import dev.digitlab.ui.shared.Messages;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The coach's messages above the Training tab's charts: each a short note with a "Try it" button
 * and a close button; never a dialog, so training and the charts go on while it is there. Takes
 * no room while there is nothing to say.
 */
public final class CoachView {

    private final CoachViewModel model;
    private final VBox root = new VBox(6);

    public CoachView(CoachViewModel model) {
        this.model = model;
        root.setId("coachMessages");
        root.getStyleClass().add("coach-messages");
        model.notes().addListener((ListChangeListener<CoachNote>) c -> rebuild());
        rebuild();
    }

    /** The messages' box. */
    public Node root() {
        return root;
    }

    private void rebuild() {
        root.getChildren().setAll(model.notes().stream().map(this::card).toList());
        root.setVisible(!model.notes().isEmpty());
        root.setManaged(root.isVisible());
    }

    private Node card(CoachNote note) {
        Label title = new Label(Messages.get("coach.title"));
        title.getStyleClass().add("coach-title");
        title.setMinWidth(Label.USE_PREF_SIZE);
        Label text = new Label();
        text.getStyleClass().add("coach-text");
        text.textProperty().bind(note.textProperty());
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button tryIt = new Button();
        tryIt.getStyleClass().add("coach-try");
        tryIt.textProperty().bind(note.tryLabelProperty());
        tryIt.disableProperty().bind(note.appliedProperty());
        tryIt.setVisible(!note.advice().suggestion().isEmpty());
        tryIt.setManaged(tryIt.isVisible());
        tryIt.setMinWidth(Button.USE_PREF_SIZE);
        tryIt.setOnAction(e -> model.tryIt(note));
        Button close = new Button("×");
        close.getStyleClass().add("coach-close");
        close.setTooltip(new Tooltip(Messages.get("coach.dismiss")));
        close.setOnAction(e -> model.dismiss(note));
        // The sentence wraps on as many lines as it needs; the button goes under it, so neither is cut.
        text.setMinHeight(Label.USE_PREF_SIZE);
        HBox top = new HBox(10, title, text, close);
        top.setAlignment(Pos.TOP_LEFT);
        VBox card = new VBox(6, top, tryIt);
        card.getStyleClass().add("coach-note");
        card.setId("coach-" + note.advice().kind().name());
        return card;
    }
}
