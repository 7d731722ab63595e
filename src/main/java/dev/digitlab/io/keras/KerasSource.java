package dev.digitlab.io.keras;

/**
 * Where an imported Keras model came from, for the model's info.
 *
 * @param file         the file's name, e.g. {@code mnist_model.h5}
 * @param format       {@code "HDF5"} or {@code ".keras"}
 * @param kerasVersion the Keras version that wrote it, e.g. {@code 2.10.0}; null when the file does not say
 * @param inputs       what the model does to the pixels, e.g. {@code "pixels / 255"}
 * @param logits       whether its last layer gave logits, to which DigitLab added the softmax
 */
public record KerasSource(String file, String format, String kerasVersion, String inputs, boolean logits) {

    /** One line: "Keras 2.10.0 (HDF5), mnist_model.h5; inputs: pixels / 255". */
    public String describe() {
        return "Keras " + (kerasVersion == null ? "(version unknown)" : kerasVersion) + " (" + format + "), " + file
                + "; inputs: " + inputs + (logits ? "; DigitLab added the softmax to its logits" : "");
    }
}
