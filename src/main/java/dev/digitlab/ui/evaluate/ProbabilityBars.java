package dev.digitlab.ui.evaluate;

import dev.digitlab.base.Mnist;
import dev.digitlab.ui.evaluate.ProbabilityBars;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.TestImage;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The model's ten probabilities as horizontal bars, one row per digit. The predicted digit's bar
 * is green when it is the true label and red when not; the true label's digit is bold.
 */
final class ProbabilityBars {

    private static final int CLASSES = Mnist.CLASSES;

    private final VBox root = new VBox(1);
    private final Label[] digits = new Label[CLASSES];
    private final Rectangle[] bars = new Rectangle[CLASSES];
    private final Label[] values = new Label[CLASSES];
    private final double width;

    /** @param width the length of a bar at 100% */
    ProbabilityBars(double width) {
        this.width = width;
        root.getStyleClass().add("probability-bars");
        for (int d = 0; d < CLASSES; d++) {
            digits[d] = new Label(Integer.toString(d));
            digits[d].getStyleClass().add("probability-digit");
            digits[d].setMinWidth(14);
            bars[d] = new Rectangle(0, 10);
            bars[d].getStyleClass().add("probability-bar");
            StackPane track = new StackPane(bars[d]);
            track.getStyleClass().add("probability-track");
            track.setAlignment(Pos.CENTER_LEFT);
            track.setMinWidth(width);
            track.setPrefWidth(width);
            track.setMaxWidth(width);
            values[d] = new Label();
            values[d].getStyleClass().add("probability-value");
            values[d].setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(6, digits[d], track, values[d]);
            row.setAlignment(Pos.CENTER_LEFT);
            root.getChildren().add(row);
        }
    }

    Node root() {
        return root;
    }

    /** Shows {@code image}'s probabilities, or empty bars for null. */
    void show(TestImage image) {
        float[] p = image == null ? new float[CLASSES] : image.probabilities();
        for (int d = 0; d < CLASSES; d++) {
            bars[d].setWidth(Math.max(0, Math.min(1, p[d])) * width);
            bars[d].getStyleClass().removeAll("predicted-right", "predicted-wrong");
            digits[d].getStyleClass().remove("true-label");
            values[d].setText(image == null ? "" : Messages.format("probability.value", 100 * p[d]));
            if (image != null && d == image.predicted()) {
                bars[d].getStyleClass().add(image.correct() ? "predicted-right" : "predicted-wrong");
            }
            if (image != null && d == image.label()) {
                digits[d].getStyleClass().add("true-label");
            }
        }
    }

    /** The text beside each bar, for tests. */
    String valueText(int digit) {
        return values[digit].getText();
    }
}
