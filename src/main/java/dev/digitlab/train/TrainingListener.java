package dev.digitlab.train;

/**
 * The only way progress leaves the training loop. Called on the training thread; implementations
 * that update a UI hand the values over to the UI thread themselves.
 */
public interface TrainingListener {

    /** A listener that hears nothing and never cancels. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** Before the first batch. */
    default void onStart(int epochs, int batchesPerEpoch) {
    }

    /** After every batch. */
    default void onBatch(BatchProgress progress) {
    }

    /** After every epoch, with its validation figures. */
    default void onEpoch(EpochResult result) {
    }

    /** Checked before every batch: returning true stops the run with the weights of the last batch. */
    default boolean isCancelled() {
        return false;
    }

    /**
     * Asked once after a run that {@linkplain #isCancelled() was cancelled}: true when nobody wants
     * its model any more (the window closed), so the job skips testing it. By default a stopped
     * run's model is kept, as the Stop button wants.
     */
    default boolean isAbandoned() {
        return false;
    }
}
