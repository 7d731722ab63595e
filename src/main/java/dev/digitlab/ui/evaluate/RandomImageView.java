package dev.digitlab.ui.evaluate;

import dev.digitlab.ui.shared.DigitImages;
import dev.digitlab.ui.shared.Messages;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The tutorial's last step: a random test digit, what the network reads in it and the true label,
 * with a button for the next one.
 */
final class RandomImageView {

    static final double SIZE = 224;

    private final HBox root = new HBox(28);

    RandomImageView(EvaluateViewModel model) {
        root.getStyleClass().add("random-view");
        root.setPadding(new Insets(18));
        ImageView image = DigitImages.view("randomImage", SIZE);
        StackPane frame = DigitImages.framed(image, SIZE);

        Label label = new Label(Messages.get("random.none"));
        label.setId("randomLabel");
        label.getStyleClass().add("random-label");
        label.setWrapText(true);
        ProbabilityBars bars = new ProbabilityBars(220);
        Button next = new Button(Messages.get("button.nextRandom"));
        next.setId("nextRandomButton");
        next.disableProperty().bind(model.results().predictionsProperty().isNull());
        next.setOnAction(e -> model.mistakes().nextRandom());
        VBox right = new VBox(14, label, bars.root(), next);
        right.setMaxWidth(460);
        root.getChildren().addAll(frame, right);
        root.setAlignment(Pos.TOP_LEFT);

        model.mistakes().randomImageProperty().addListener((obs, old, now) -> {
            image.setImage(now == null ? null : DigitImages.of(now));
            bars.show(now);
            label.getStyleClass().removeAll("right", "wrong");
            if (now == null) {
                label.setText(Messages.get("random.none"));
            } else {
                label.setText(Messages.format(now.correct() ? "random.right" : "random.wrong", now.predicted(),
                        100 * now.topProbability(), now.label()));
                label.getStyleClass().add(now.correct() ? "right" : "wrong");
            }
        });
    }

    Node root() {
        return root;
    }
}
