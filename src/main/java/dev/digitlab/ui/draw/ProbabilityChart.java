package dev.digitlab.ui.draw;

import dev.digitlab.base.Mnist;
import dev.digitlab.imaging.strokes.Reading;
import dev.digitlab.ui.draw.ProbabilityChart;
import dev.digitlab.ui.shared.Percent;

import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Ten horizontal bars, one per digit, as long as the network's probability for it; the most
 * probable is highlighted. Plain regions rather than a {@code BarChart}: nothing to lay out
 * again but ten widths, so it keeps up with the pen.
 */
final class ProbabilityChart extends GridPane {

    private static final String WINNER = "winner";

    private final Label[] digits = new Label[Mnist.CLASSES];
    private final Bar[] bars = new Bar[Mnist.CLASSES];
    private final Label[] percents = new Label[Mnist.CLASSES];
    private float[] shown;

    ProbabilityChart() {
        getStyleClass().add("probability-chart");
        setHgap(10);
        setVgap(4);
        ColumnConstraints digit = new ColumnConstraints();
        digit.setHalignment(HPos.CENTER);
        digit.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints bar = new ColumnConstraints();
        bar.setHgrow(Priority.ALWAYS);
        bar.setFillWidth(true);
        ColumnConstraints percent = new ColumnConstraints();
        percent.setHalignment(HPos.RIGHT);
        percent.setMinWidth(52);
        getColumnConstraints().addAll(digit, bar, percent);
        for (int d = 0; d < Mnist.CLASSES; d++) {
            digits[d] = new Label(Integer.toString(d));
            digits[d].getStyleClass().add("bar-digit");
            bars[d] = new Bar();
            bars[d].setId("probabilityBar" + d);
            percents[d] = new Label();
            percents[d].getStyleClass().add("bar-percent");
            addRow(d, digits[d], bars[d], percents[d]);
            GridPane.setValignment(bars[d], VPos.CENTER);
        }
        setProbabilities(null);
    }

    /** Shows {@code p} (ten probabilities), or empty bars for null. */
    void setProbabilities(float[] p) {
        shown = p == null ? null : p.clone();
        int winner = Reading.argmax(p);
        for (int d = 0; d < Mnist.CLASSES; d++) {
            bars[d].setValue(p == null ? 0 : p[d]);
            percents[d].setText(p == null ? "" : Percent.of(p[d]));
            for (Region r : new Region[] {digits[d], bars[d], percents[d]}) {
                r.getStyleClass().remove(WINNER);
                if (d == winner) {
                    r.getStyleClass().add(WINNER);
                }
            }
        }
    }

    /** The probabilities shown, or null when the bars are empty. */
    float[] probabilities() {
        return shown == null ? null : shown.clone();
    }

    /** A track with a fill as long as the value (0 to 1) says. */
    static final class Bar extends Region {

        private final Region fill = new Region();
        private double value;

        Bar() {
            getStyleClass().add("bar-track");
            fill.getStyleClass().add("bar-fill");
            getChildren().add(fill);
            setMinHeight(12);
            setPrefHeight(12);
            setMaxHeight(12);
        }

        void setValue(double v) {
            value = Math.max(0, Math.min(1, v));
            requestLayout();
        }

        @Override
        protected void layoutChildren() {
            double w = snapSizeX(getWidth() * value);
            fill.resizeRelocate(0, 0, w, getHeight());
            fill.setVisible(w > 0);
        }

        @Override
        protected double computePrefWidth(double height) {
            return 120;
        }
    }
}
