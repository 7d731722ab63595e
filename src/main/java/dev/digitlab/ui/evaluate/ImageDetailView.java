package dev.digitlab.ui.evaluate;

import dev.digitlab.ui.shared.DigitImages;
import dev.digitlab.ui.shared.Messages;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The selected gallery image, large, with its ten probabilities, and a button that opens it in the
 * Draw tab (shown once the app has wired {@link EvaluateViewModel#onOpenInDrawProperty()}).
 */
final class ImageDetailView {

    static final double SIZE = 112;

    private final VBox root = new VBox(6);

    ImageDetailView(EvaluateViewModel model) {
        root.setId("imageDetail");
        root.getStyleClass().add("image-detail");
        Label title = new Label(Messages.get("detail.none"));
        title.setId("detailTitle");
        title.setWrapText(true);
        title.getStyleClass().add("detail-title");
        ImageView image = DigitImages.view("detailImage", SIZE);
        StackPane frame = DigitImages.framed(image, SIZE);
        frame.visibleProperty().bind(model.mistakes().selectedImageProperty().isNotNull());
        ProbabilityBars bars = new ProbabilityBars(84);
        bars.root().visibleProperty().bind(frame.visibleProperty());
        HBox picture = new HBox(10, frame, bars.root());
        Button open = new Button(Messages.get("button.openInDraw"));
        open.setId("openInDrawButton");
        open.visibleProperty().bind(model.mistakes().onOpenInDrawProperty().isNotNull());
        open.managedProperty().bind(open.visibleProperty());
        open.disableProperty().bind(model.mistakes().canOpenInDrawProperty().not());
        open.setOnAction(e -> model.mistakes().openInDraw());
        root.getChildren().addAll(title, picture, open);
        root.setAlignment(Pos.TOP_LEFT);
        model.mistakes().selectedImageProperty().addListener((obs, old, now) -> {
            image.setImage(now == null ? null : DigitImages.of(now));
            bars.show(now);
            title.setText(now == null ? Messages.get("detail.none")
                    : Messages.format("detail.title", now.index(), now.label(), now.predicted(),
                            100 * now.topProbability()));
        });
    }

    Node root() {
        return root;
    }
}
