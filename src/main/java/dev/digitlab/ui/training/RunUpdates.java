package dev.digitlab.ui.training;

import dev.digitlab.train.BatchProgress;
import dev.digitlab.train.EpochResult;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.WritableObjectValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running training task's reports, on the FX thread: they move the progress, the chart lines and the coach. */
final class RunUpdates implements TrainingTask.Updates {

    // The Training tab's logger, as before this class was split off.
    private static final Logger LOG = LoggerFactory.getLogger(TrainingViewModel.class);

    private final String run;
    private final RunProgress progress;
    private final TrainingCurves curves;
    private final CoachViewModel coach;
    private final WritableObjectValue<EpochResult> lastEpoch;
    private final ObservableBooleanValue stopping;

    /**
     * @param run       the run's name on the chart, e.g. "Run 2"
     * @param lastEpoch set to each finished epoch
     * @param stopping  true once Stop was pressed: the progress text then stays "stopping"
     */
    RunUpdates(String run, RunProgress progress, TrainingCurves curves, CoachViewModel coach,
               WritableObjectValue<EpochResult> lastEpoch, ObservableBooleanValue stopping) {
        this.run = run;
        this.progress = progress;
        this.curves = curves;
        this.coach = coach;
        this.lastEpoch = lastEpoch;
        this.stopping = stopping;
    }

    @Override
    public void started(int epochs, int batchesPerEpoch) {
        progress.runStarted();
    }

    @Override
    public void sample(BatchProgress p) {
        curves.addSample(p);
    }

    @Override
    public void epochEnded(EpochResult result) {
        LOG.debug("{} epoch {}/{}: {} s, loss {}, accuracy {}, val_loss {}, val_accuracy {}", run, result.epoch(),
                result.epochs(), String.format("%.3f", result.seconds()), result.loss(), result.accuracy(),
                result.valLoss(), result.valAccuracy());
        curves.addEpoch(result);
        lastEpoch.set(result);
        coach.epochEnded(result);
    }

    @Override
    public void latest(BatchProgress p) {
        curves.showTip(p);
        if (stopping.get()) {
            return;
        }
        progress.batch(p);
    }
}
