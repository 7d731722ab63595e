package dev.digitlab.ui.training;

import dev.digitlab.ui.training.Curve;
import dev.digitlab.ui.training.TrainingCurves;

import dev.digitlab.train.BatchProgress;
import dev.digitlab.train.EpochResult;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;

/**
 * The points of the accuracy chart (percent) and the loss chart, x in fractional epochs. Each run
 * adds a training and a validation curve to each chart; the {@value #KEPT_RUNS} latest runs are
 * kept, the earlier of them faded, so a learner can compare a run with the ones before it.
 *
 * <p>The training curve gets the samples the task passes on, plus a moving "tip" at the newest
 * batch, replaced by the next sample: the line so follows every update without growing beyond
 * the samples. Use on the FX thread only.
 */
public final class TrainingCurves {

    /** How many runs the charts show: the current one and the ones before it, faded. */
    public static final int KEPT_RUNS = 3;

    private static final double DEFAULT_LOSS_HIGH = 2.5;

    private final ObservableList<Curve> accuracy = FXCollections.observableArrayList();
    private final ObservableList<Curve> loss = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper epochs = new ReadOnlyIntegerWrapper(this, "epochs", 10);
    private final ReadOnlyDoubleWrapper accuracyLow = new ReadOnlyDoubleWrapper(this, "accuracyLow", 0);
    private final ReadOnlyDoubleWrapper lossHigh = new ReadOnlyDoubleWrapper(this, "lossHigh", DEFAULT_LOSS_HIGH);
    private final List<Integer> keptEpochs = new ArrayList<>();
    private Curve accuracyTraining;
    private Curve accuracyValidation;
    private Curve lossTraining;
    private Curve lossValidation;
    private boolean tipShown;
    private double lowestAccuracy = Double.POSITIVE_INFINITY;
    private double highestLoss = Double.NEGATIVE_INFINITY;

    /**
     * Before the first run, makes the x axes span {@code planned} epochs (the form's setting), so
     * the empty charts show what a run will fill; ignored once a run has started, and for null
     * (the field holds no valid number).
     */
    void planEpochs(Integer planned) {
        if (keptEpochs.isEmpty() && planned != null && planned > 0) {
            epochs.set(planned);
        }
    }

    /** Starts the curves of a new run of {@code runEpochs} epochs, fading the earlier ones. */
    void startRun(String run, int runEpochs) {
        accuracy.forEach(Curve::fade);
        loss.forEach(Curve::fade);
        while (keptEpochs.size() >= KEPT_RUNS) {
            accuracy.remove(0, 2);
            loss.remove(0, 2);
            keptEpochs.remove(0);
        }
        accuracyTraining = new Curve(run, Curve.Kind.TRAINING);
        accuracyValidation = new Curve(run, Curve.Kind.VALIDATION);
        lossTraining = new Curve(run, Curve.Kind.TRAINING);
        lossValidation = new Curve(run, Curve.Kind.VALIDATION);
        accuracy.addAll(accuracyTraining, accuracyValidation);
        loss.addAll(lossTraining, lossValidation);
        keptEpochs.add(runEpochs);
        epochs.set(keptEpochs.stream().mapToInt(Integer::intValue).max().orElse(runEpochs));
        tipShown = false;
        rescale();
    }

    /** Fits the y ranges to all points kept: after runs were dropped the range may shrink. */
    private void rescale() {
        lowestAccuracy = Double.POSITIVE_INFINITY;
        highestLoss = Double.NEGATIVE_INFINITY;
        accuracyLow.set(0);
        lossHigh.set(DEFAULT_LOSS_HIGH);
        for (Curve c : accuracy) {
            c.points().forEach(p -> widenAccuracy(p.getY()));
        }
        for (Curve c : loss) {
            c.points().forEach(p -> widenLoss(p.getY()));
        }
    }

    /** Starts the accuracy axis at a multiple of 10 percent at or below every point. */
    private void widenAccuracy(double percent) {
        if (Double.isFinite(percent) && percent < lowestAccuracy) {
            lowestAccuracy = percent;
            accuracyLow.set(Math.max(0, Math.min(90, Math.floor(percent / 10) * 10)));
        }
    }

    /** Ends the loss axis at a round number at or above every point. */
    private void widenLoss(double value) {
        if (Double.isFinite(value) && value > highestLoss) {
            highestLoss = value;
            lossHigh.set(roundUp(value));
        }
    }

    /** The next of 0.5, 1, 1.5... up to 5, then 1, 2 or 5 times a power of ten. */
    static double roundUp(double value) {
        if (value <= 5) {
            return Math.max(0.5, Math.ceil(value * 2) / 2);
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= value) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** Adds a sample of the running training figures. */
    void addSample(BatchProgress p) {
        if (accuracyTraining == null) {
            return;
        }
        put(x(p), p);
        tipShown = false;
    }

    /** Moves the tip of the training curves to the newest batch. */
    void showTip(BatchProgress p) {
        if (accuracyTraining == null) {
            return;
        }
        List<Point2D> points = accuracyTraining.points();
        int committed = points.size() - (tipShown ? 1 : 0);
        double x = x(p);
        if (committed > 0 && x <= points.get(committed - 1).getX()) {
            return;
        }
        put(x, p);
        tipShown = true;
    }

    /** Adds the epoch's validation figures (nothing when the run holds out no validation images). */
    void addEpoch(EpochResult r) {
        if (accuracyValidation == null || !r.hasValidation()) {
            return;
        }
        accuracyValidation.points().add(new Point2D(r.epoch(), 100 * r.valAccuracy()));
        lossValidation.points().add(new Point2D(r.epoch(), r.valLoss()));
        widenAccuracy(100 * r.valAccuracy());
        widenLoss(r.valLoss());
    }

    private void put(double x, BatchProgress p) {
        Point2D a = new Point2D(x, 100 * p.accuracy());
        Point2D l = new Point2D(x, p.loss());
        widenAccuracy(a.getY());
        widenLoss(l.getY());
        if (tipShown) {
            accuracyTraining.points().set(accuracyTraining.points().size() - 1, a);
            lossTraining.points().set(lossTraining.points().size() - 1, l);
        } else {
            accuracyTraining.points().add(a);
            lossTraining.points().add(l);
        }
    }

    private static double x(BatchProgress p) {
        return p.epoch() - 1 + (double) p.batch() / p.batches();
    }

    /** The accuracy curves (percent), in pairs: training then validation, oldest run first. */
    public ObservableList<Curve> accuracy() {
        return accuracy;
    }

    /** The loss curves, in the same pairs as {@link #accuracy()}. */
    public ObservableList<Curve> loss() {
        return loss;
    }

    /** Where the accuracy axis starts: a multiple of 10 at or below every point shown (it ends at 100). */
    public ReadOnlyDoubleProperty accuracyLowProperty() {
        return accuracyLow.getReadOnlyProperty();
    }

    /** Where the loss axis ends: a round number at or above every point shown (it starts at 0). */
    public ReadOnlyDoubleProperty lossHighProperty() {
        return lossHigh.getReadOnlyProperty();
    }

    /** The most epochs of any run shown: where the x axes end. */
    public ReadOnlyIntegerProperty epochsProperty() {
        return epochs.getReadOnlyProperty();
    }
}
