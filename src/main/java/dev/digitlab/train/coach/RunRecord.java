package dev.digitlab.train.coach;

import dev.digitlab.nn.ModelSpec;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.TrainingConfig;
import java.util.List;

/**
 * What the coach knows of a run: the network, its settings, the epochs finished so far and how it
 * ended.
 *
 * @param spec          the network trained
 * @param config        the training settings
 * @param history       one entry per finished epoch
 * @param testAccuracy  accuracy on the test images after the run; NaN while running or unmeasured
 * @param finished      whether the run is over (ended, stopped or failed)
 * @param lossNotFinite whether the run stopped because the loss became NaN or infinite
 */
public record RunRecord(ModelSpec spec, TrainingConfig config, List<EpochResult> history, double testAccuracy,
                        boolean finished, boolean lossNotFinite) {

    public RunRecord {
        history = List.copyOf(history);
    }

    /** A run still going on, after the epochs in {@code history}. */
    public static RunRecord running(ModelSpec spec, TrainingConfig config, List<EpochResult> history) {
        return new RunRecord(spec, config, history, Double.NaN, false, false);
    }

    /** A run that ended normally (or was stopped) with the given test accuracy. */
    public static RunRecord ended(ModelSpec spec, TrainingConfig config, List<EpochResult> history,
                                  double testAccuracy) {
        return new RunRecord(spec, config, history, testAccuracy, true, false);
    }

    /** A run that stopped because the loss became NaN or infinite. */
    public static RunRecord diverged(ModelSpec spec, TrainingConfig config, List<EpochResult> history) {
        return new RunRecord(spec, config, history, Double.NaN, true, true);
    }

    /** The last finished epoch, or null before the first. */
    EpochResult last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    /** The epoch before the last, or null. */
    EpochResult beforeLast() {
        return history.size() < 2 ? null : history.get(history.size() - 2);
    }

    /** Whether the network has conv or pool layers. */
    boolean convolutional() {
        return spec.layers().stream().anyMatch(l -> l.isImageLayer());
    }
}
