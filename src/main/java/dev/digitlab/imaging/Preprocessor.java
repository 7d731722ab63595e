package dev.digitlab.imaging;

import java.util.Optional;

/** Turns a picture of a digit into the square ink-high input a network reads (28x28 for MNIST). */
@FunctionalInterface
public interface Preprocessor {

    /**
     * The network input made from {@code picture}.
     *
     * @param picture a grayscale picture of any size and either polarity
     * @return a square image the size of the recipe's field, ink high in [0,1], or empty when nothing is
     *     drawn (so no prediction should be shown)
     */
    Optional<GrayImage> prepare(GrayImage picture);
}
