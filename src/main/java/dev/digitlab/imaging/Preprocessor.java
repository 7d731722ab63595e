package dev.digitlab.imaging;

import java.util.Optional;

/** Turns a picture of a digit into the 28x28 ink-high input the network reads. */
@FunctionalInterface
public interface Preprocessor {

    /** Side of the network's input field, in pixels. */
    int FIELD = 28;

    /**
     * The network input made from {@code picture}.
     *
     * @param picture a grayscale picture of any size and either polarity
     * @return a {@value #FIELD}x{@value #FIELD} image, ink high in [0,1], or empty when nothing is
     *     drawn (so no prediction should be shown)
     */
    Optional<GrayImage> prepare(GrayImage picture);
}
