package dev.digitlab.io;

import dev.digitlab.base.UserError;

/**
 * A model file could not be read or written. The message is one sentence a user can act on: it
 * names the file and says what is wrong with it. Loading either returns a new model or throws
 * this, so whatever model the caller held before is left as it was.
 */
public class ModelFileException extends RuntimeException implements UserError {

    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
