package dev.digitlab.io.keras;

/**
 * What is wrong with a Keras file, in one sentence without the file's name (the reader adds it).
 * Kept inside this package: callers get a {@link dev.digitlab.io.ModelFileException}.
 */
final class KerasFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    KerasFormatException(String message) {
        super(message);
    }
}
