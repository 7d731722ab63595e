package dev.digitlab.io.keras;

/**
 * Where an imported Keras model came from, for the model's info.
 *
 * @param file         the file's name, e.g. {@code mnist_model.h5}
 * @param format       {@code "HDF5"} or {@code ".keras"}
 * @param kerasVersion the Keras version that wrote it, e.g. {@code 2.10.0}; null when the file does not say
 * @param inputs       how the model takes the pixels, e.g. {@code "pixels / 255"} (as the tutorial feeds
 *                     them) or {@code "pixels 0-255 x 0.00392157 + 0 (Rescaling)"}
 * @param logits       whether its last layer gave logits, to which DigitLab added the softmax
 *                     (shown as {@code "+ softmax"})
 */
public record KerasSource(String file, String format, String kerasVersion, String inputs, boolean logits) {

    /**
     * One line, mostly names and symbols so that it reads in any of the app's languages:
     * {@code "Keras 2.10.0, HDF5, mnist_model.h5, pixels / 255"}.
     */
    public String describe() {
        return "Keras " + (kerasVersion == null ? "?" : kerasVersion) + ", " + format + ", " + file + ", " + inputs
                + (logits ? ", + softmax" : "");
    }
}
