package dev.digitlab.ui.training;

import dev.digitlab.ui.training.Curve;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;

/**
 * One line of a chart: the training or the validation figures of one run, as points
 * (x in epochs, y in the chart's unit). A view draws it; earlier runs are {@link #fadedProperty() faded}.
 */
public final class Curve {

    /** Which figures the curve shows. */
    public enum Kind {
        /** The running average over the epoch's batches so far, sampled during the epoch. */
        TRAINING,
        /** The figure on the validation images, one point per epoch. */
        VALIDATION
    }

    private final String run;
    private final Kind kind;
    private final ObservableList<Point2D> points = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper faded = new ReadOnlyBooleanWrapper(this, "faded");

    Curve(String run, Kind kind) {
        this.run = run;
        this.kind = kind;
    }

    /** The run's name, e.g. "Run 2". */
    public String run() {
        return run;
    }

    public Kind kind() {
        return kind;
    }

    /** The points, in the order of x. */
    public ObservableList<Point2D> points() {
        return points;
    }

    /** Whether the curve belongs to an earlier run. */
    public ReadOnlyBooleanProperty fadedProperty() {
        return faded.getReadOnlyProperty();
    }

    void fade() {
        faded.set(true);
    }
}
