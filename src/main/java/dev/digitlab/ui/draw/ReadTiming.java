package dev.digitlab.ui.draw;

import dev.digitlab.ui.draw.ReadTiming;

/**
 * When one reading of the drawing happened, in {@link System#nanoTime()} terms: from the oldest
 * pen move it was the first to show, through the background work, to the moment it was shown.
 *
 * @param movedNanos    the pen move
 * @param startedNanos  the background thread began reading
 * @param finishedNanos the background thread finished reading
 * @param shownNanos    the result was shown (its properties set) on the FX thread
 */
public record ReadTiming(long movedNanos, long startedNanos, long finishedNanos, long shownNanos) {

    /** From the pen move to the prediction shown: what the user waits for. */
    public long totalNanos() {
        return shownNanos - movedNanos;
    }

    /** Waiting for the previous reading to finish. */
    public long queuedNanos() {
        return startedNanos - movedNanos;
    }

    /** Rasterizing, preprocessing and classifying. */
    public long workNanos() {
        return finishedNanos - startedNanos;
    }

    /** Waiting for the FX thread to take the result. */
    public long deliveryNanos() {
        return shownNanos - finishedNanos;
    }
}
