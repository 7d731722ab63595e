package dev.digitlab.base;

/**
 * Marks an exception whose message is one sentence written for the user (it names the file or
 * setting and says what is wrong), so {@link ErrorText} shows it as it is.
 */
public interface UserError {
}
