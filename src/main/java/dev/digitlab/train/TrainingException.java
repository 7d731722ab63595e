package dev.digitlab.train;

import dev.digitlab.base.UserError;

/** Training could not go on, e.g. because the loss became NaN; the message says what to change. */
public class TrainingException extends RuntimeException implements UserError {

    public TrainingException(String message) {
        super(message);
    }
}
