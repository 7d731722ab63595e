package dev.digitlab.ui.evaluate;

import dev.digitlab.base.Mnist;
import dev.digitlab.ui.shared.Messages;

import dev.digitlab.train.Evaluation;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * The confusion matrix as a 10x10 heat map: rows are the true digits, columns what the network read,
 * each cell the number of test images. Diagonal cells (read right) are green, darker the larger
 * their share of the row; off-diagonal cells (mistakes) are red, the darkest the most frequent
 * mistake (rates relative to the largest off-diagonal rate: mistakes are rare, so on an absolute
 * scale they would all look white), and white when empty. Clicking a cell with images asks the
 * view model to show them.
 */
final class ConfusionMatrixView {

    static final double CELL = 42;
    private static final int CLASSES = Mnist.CLASSES;
    private static final Color RIGHT_LOW = Color.web("#e5f5e0");
    private static final Color RIGHT_HIGH = Color.web("#1b7837");
    private static final Color WRONG_LOW = Color.web("#fde0d6");
    private static final Color WRONG_HIGH = Color.web("#c0282d");
    private static final Color DARK_TEXT = Color.web("#1f2933");

    private final EvaluateViewModel model;
    private final GridPane grid = new GridPane();
    private final StackPane[][] cells = new StackPane[CLASSES][CLASSES];
    private final Label[][] counts = new Label[CLASSES][CLASSES];
    private int[][] confusion;
    private int[] rowTotals = new int[CLASSES];

    ConfusionMatrixView(EvaluateViewModel model) {
        this.model = model;
        grid.setId("confusionMatrix");
        grid.getStyleClass().add("confusion-matrix");
        grid.setHgap(1);
        grid.setVgap(1);
        grid.setPadding(new Insets(6, 10, 10, 6));

        Label predicted = new Label(Messages.get("matrix.predicted"));
        predicted.getStyleClass().add("axis-title");
        grid.add(predicted, 2, 0, CLASSES, 1);
        GridPane.setHalignment(predicted, HPos.CENTER);
        Label truth = new Label(Messages.get("matrix.true"));
        truth.getStyleClass().add("axis-title");
        truth.setRotate(-90);
        Group rotated = new Group(truth);
        grid.add(rotated, 0, 2, 1, CLASSES);
        GridPane.setValignment(rotated, VPos.CENTER);

        for (int d = 0; d < CLASSES; d++) {
            Label column = header(d);
            grid.add(column, 2 + d, 1);
            GridPane.setHalignment(column, HPos.CENTER);
            Label row = header(d);
            row.setPadding(new Insets(0, 6, 0, 4));
            grid.add(row, 1, 2 + d);
        }
        for (int a = 0; a < CLASSES; a++) {
            for (int p = 0; p < CLASSES; p++) {
                grid.add(cell(a, p), 2 + p, 2 + a);
            }
        }
        model.results().evaluationProperty().addListener((obs, old, e) -> fill(e));
        model.mistakes().selectedCellProperty().addListener((obs, old, c) -> markSelected(old, c));
        fill(model.results().evaluationProperty().get());
    }

    GridPane root() {
        return grid;
    }

    private static Label header(int digit) {
        Label l = new Label(Integer.toString(digit));
        l.getStyleClass().add("matrix-header");
        return l;
    }

    private StackPane cell(int actual, int predicted) {
        Label count = new Label();
        count.getStyleClass().add("matrix-count");
        StackPane cell = new StackPane(count);
        cell.setId("cell-" + actual + "-" + predicted);
        cell.getStyleClass().add("matrix-cell");
        cell.getStyleClass().add(actual == predicted ? "diagonal" : "off-diagonal");
        cell.setMinSize(CELL, CELL);
        cell.setPrefSize(CELL, CELL);
        cell.setMaxSize(CELL, CELL);
        cell.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && confusion != null && confusion[actual][predicted] > 0) {
                model.mistakes().selectCell(actual, predicted);
            }
        });
        // The text is made when the tooltip shows, so a new evaluation does not format 100 of them.
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(250));
        tip.setOnShowing(e -> tip.setText(confusion == null ? Messages.get("matrix.empty")
                : Messages.format("matrix.cell", actual, predicted, confusion[actual][predicted],
                        100 * rate(actual, predicted))));
        Tooltip.install(cell, tip);
        cells[actual][predicted] = cell;
        counts[actual][predicted] = count;
        return cell;
    }

    private void fill(Evaluation evaluation) {
        confusion = evaluation == null ? null : evaluation.confusion();
        rowTotals = new int[CLASSES];
        double maxWrongRate = 0;
        if (confusion != null) {
            for (int a = 0; a < CLASSES; a++) {
                for (int p = 0; p < CLASSES; p++) {
                    rowTotals[a] += confusion[a][p];
                }
                for (int p = 0; p < CLASSES; p++) {
                    if (a != p && rowTotals[a] > 0) {
                        maxWrongRate = Math.max(maxWrongRate, (double) confusion[a][p] / rowTotals[a]);
                    }
                }
            }
        }
        for (int a = 0; a < CLASSES; a++) {
            for (int p = 0; p < CLASSES; p++) {
                int n = confusion == null ? 0 : confusion[a][p];
                Color color = color(a == p, n, rate(a, p), maxWrongRate);
                // A Background set in code, not an inline style: no CSS to parse for 100 cells.
                cells[a][p].setBackground(new Background(new BackgroundFill(color, null, null)));
                counts[a][p].setText(confusion == null ? "" : Integer.toString(n));
                counts[a][p].setTextFill(luminance(color) < 0.45 ? Color.WHITE : DARK_TEXT);
                cells[a][p].setCursor(n > 0 ? Cursor.HAND : Cursor.DEFAULT);
            }
        }
    }

    private double rate(int actual, int predicted) {
        return confusion == null || rowTotals[actual] == 0 ? 0
                : (double) confusion[actual][predicted] / rowTotals[actual];
    }

    /** The colour of a cell; see the class comment. */
    static Color color(boolean diagonal, int count, double rate, double maxWrongRate) {
        if (count == 0) {
            return Color.WHITE;
        }
        if (diagonal) {
            return RIGHT_LOW.interpolate(RIGHT_HIGH, rate);
        }
        return WRONG_LOW.interpolate(WRONG_HIGH, maxWrongRate > 0 ? rate / maxWrongRate : 0);
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    private void markSelected(MistakeBrowser.Cell old, MistakeBrowser.Cell now) {
        if (old != null) {
            cells[old.actual()][old.predicted()].getStyleClass().remove("selected");
        }
        if (now != null) {
            cells[now.actual()][now.predicted()].getStyleClass().add("selected");
        }
    }

    /** The number shown in a cell, for tests. */
    String countText(int actual, int predicted) {
        return counts[actual][predicted].getText();
    }
}
