package dev.digitlab.nn;

/** Anything that reads a 28x28 digit: the network, or a stand-in in tests. */
@FunctionalInterface
public interface Classifier {

    /**
     * The probability of each class 0-9 for one image.
     *
     * @param image 784 values in [0,1], row-major, ink high (as in MNIST)
     * @return 10 probabilities that sum to 1
     */
    float[] probabilities(float[] image);
}
