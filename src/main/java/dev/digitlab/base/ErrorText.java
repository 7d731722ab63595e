package dev.digitlab.base;

import java.util.Optional;

/**
 * The one rule for what a user reads when something fails: an exception written for the user
 * ({@link UserError}, or an {@link IllegalArgumentException} about their input) shows its own
 * first line; anything else is a bug or the machine, and the caller says what could not be done.
 */
public final class ErrorText {

    private ErrorText() {
    }

    /**
     * The sentence {@code e} carries for the user, cut to its first line; empty when it carries none
     * (the caller then names what failed, in the user's language).
     */
    public static Optional<String> sentence(Throwable e) {
        if (e instanceof UserError || e instanceof IllegalArgumentException) {
            return firstLine(e);
        }
        return Optional.empty();
    }

    /**
     * One line for any failure, as the command line prints it: the exception's own message (first
     * line), or {@code "unexpected <kind>"} when it has none.
     */
    public static String describe(Throwable e) {
        return firstLine(e).orElse("unexpected " + e.getClass().getSimpleName());
    }

    private static Optional<String> firstLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(message.lines().findFirst().orElse(message));
    }
}
