package dev.digitlab.data;

import dev.digitlab.base.UserError;

/**
 * A data set could not be read, found or downloaded. The message is one sentence a user can act
 * on: it names the file or folder and says what is wrong with it.
 */
public class DataException extends RuntimeException implements UserError {

    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
