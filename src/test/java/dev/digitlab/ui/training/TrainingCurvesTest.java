package dev.digitlab.ui.training;

import dev.digitlab.ui.training.Curve;
import dev.digitlab.ui.training.TrainingCurves;
import dev.digitlab.ui.training.TrainingCurvesTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.train.BatchProgress;
import dev.digitlab.train.EpochResult;
import java.util.List;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;

class TrainingCurvesTest {

    private final TrainingCurves curves = new TrainingCurves();

    private static BatchProgress batch(int epoch, int batch, double accuracy, double loss) {
        return new BatchProgress(epoch, 2, batch, 10, loss, accuracy, 1000);
    }

    private List<Point2D> trainingAccuracy() {
        return curves.accuracy().get(curves.accuracy().size() - 2).points();
    }

    @Test
    void beforeTheFirstRunTheAxesSpanThePlannedEpochsAndAfterItTheRuns() {
        curves.planEpochs(3);
        assertEquals(3, curves.epochsProperty().get());
        curves.planEpochs(null);
        assertEquals(3, curves.epochsProperty().get(), "a field being edited leaves the axis alone");

        curves.startRun("Run 1", 5);
        curves.planEpochs(2);
        assertEquals(5, curves.epochsProperty().get(), "a run's curves keep their axis");
    }

    @Test
    void theTipFollowsTheNewestBatchAndTheNextSampleReplacesIt() {
        curves.startRun("Run 1", 2);
        curves.showTip(batch(1, 3, 0.5, 1.0));
        assertEquals(List.of(new Point2D(0.3, 50)), trainingAccuracy());
        curves.showTip(batch(1, 5, 0.6, 0.9));
        assertEquals(List.of(new Point2D(0.5, 60)), trainingAccuracy());
        curves.addSample(batch(1, 6, 0.7, 0.8));
        curves.showTip(batch(1, 8, 0.8, 0.7));
        assertEquals(List.of(new Point2D(0.6, 70), new Point2D(0.8, 80)), trainingAccuracy());
        curves.addSample(batch(1, 10, 0.9, 0.5));
        assertEquals(List.of(new Point2D(0.6, 70), new Point2D(1.0, 90)), trainingAccuracy());
        assertEquals(new Point2D(1.0, 0.5), curves.loss().get(0).points().get(1));
    }

    @Test
    void aTipNeverGoesBackBehindTheLastSample() {
        curves.startRun("Run 1", 2);
        curves.addSample(batch(1, 6, 0.7, 0.8));
        curves.showTip(batch(1, 6, 0.7, 0.8));
        assertEquals(1, trainingAccuracy().size());
    }

    @Test
    void epochsAddValidationPointsInPercent() {
        curves.startRun("Run 1", 2);
        curves.addEpoch(new EpochResult(1, 2, 0.5, 0.9, 0.4, 0.925, 1.0));
        assertEquals(List.of(new Point2D(1, 92.5)), curves.accuracy().get(1).points());
        assertEquals(List.of(new Point2D(1, 0.4)), curves.loss().get(1).points());
        curves.addEpoch(new EpochResult(2, 2, 0.5, 0.9, Double.NaN, Double.NaN, 1.0));
        assertEquals(1, curves.accuracy().get(1).points().size(), "no validation, no point");
    }

    @Test
    void theLatestRunsAreKeptAndTheEarlierOnesFaded() {
        for (int run = 1; run <= 4; run++) {
            curves.startRun("Run " + run, run == 1 ? 50 : run);
        }
        assertEquals(2 * TrainingCurves.KEPT_RUNS, curves.accuracy().size());
        assertEquals("Run 2", curves.accuracy().get(0).run());
        assertTrue(curves.accuracy().get(0).fadedProperty().get());
        assertTrue(curves.loss().get(3).fadedProperty().get());
        assertFalse(curves.accuracy().get(4).fadedProperty().get());
        assertEquals(Curve.Kind.VALIDATION, curves.accuracy().get(5).kind());
        assertEquals(4, curves.epochsProperty().get(), "the 50-epoch run was dropped");
    }

    @Test
    void theAxesWidenToEveryPointAndShrinkWhenRunsAreDropped() {
        curves.startRun("Run 1", 2);
        assertEquals(0, curves.accuracyLowProperty().get());
        curves.addSample(batch(1, 1, 0.37, 7.2));
        assertEquals(30, curves.accuracyLowProperty().get());
        assertEquals(10, curves.lossHighProperty().get());
        for (int run = 2; run <= 1 + TrainingCurves.KEPT_RUNS; run++) {
            curves.startRun("Run " + run, 2);
            curves.addSample(batch(1, 1, 0.95, 0.3));
        }
        assertEquals(90, curves.accuracyLowProperty().get());
        assertEquals(0.5, curves.lossHighProperty().get());
    }

    @Test
    void lossBoundsAreRoundNumbers() {
        assertEquals(0.5, TrainingCurves.roundUp(0.01));
        assertEquals(2.5, TrainingCurves.roundUp(2.3));
        assertEquals(10, TrainingCurves.roundUp(7.2));
        assertEquals(20, TrainingCurves.roundUp(12));
        assertEquals(5e6, TrainingCurves.roundUp(3.3e6));
    }
}
