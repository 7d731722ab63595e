package dev.digitlab.data;

/**
 * A training set and a test set of 28x28 digits, with the data set's name ("MNIST",
 * "Fashion-MNIST" or "custom") and the SHA-256 that identifies its training images.
 */
public record MnistDataset(String name, String checksum, ImageSet train, ImageSet test) {

    /**
     * Splits the training set as Keras's {@code validation_split} does: the LAST
     * {@code validationFraction} of the images (before any shuffling) become the validation set.
     */
    public TrainValidation split(double validationFraction) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation split must be in [0, 1): " + validationFraction);
        }
        int n = train.size();
        // Keras: split_at = int(n * (1 - validation_split))
        int splitAt = (int) (n * (1.0 - validationFraction));
        return new TrainValidation(train.slice(0, splitAt), train.slice(splitAt, n));
    }

    /** The part of the training set used to fit, and the held-out part used to validate. */
    public record TrainValidation(ImageSet train, ImageSet validation) {
    }
}
