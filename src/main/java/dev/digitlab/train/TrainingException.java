package dev.digitlab.train;

/** Training could not go on, e.g. because the loss became NaN; the message says what to change. */
public class TrainingException extends RuntimeException {

    public TrainingException(String message) {
        super(message);
    }
}
