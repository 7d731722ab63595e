package dev.digitlab.train;

import java.util.List;

/**
 * What a training run produced besides the trained model.
 *
 * @param history   one entry per finished epoch
 * @param cancelled whether the listener stopped the run before the last epoch finished
 */
public record TrainingResult(List<EpochResult> history, boolean cancelled) {

    public TrainingResult {
        history = List.copyOf(history);
    }
}
