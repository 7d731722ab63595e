package dev.digitlab.ui.training;

import dev.digitlab.ui.training.FormField;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One text field of a form: the text the user typed, the value read from it, and why it cannot be
 * read. The parser throws {@link IllegalArgumentException} with a message for the user.
 *
 * @param <T> the type of the value
 */
public final class FormField<T> {

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<T> value = new ReadOnlyObjectWrapper<>(this, "value");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final Function<String, T> parser;

    /**
     * @param parser reads the value from the trimmed text, or throws {@link IllegalArgumentException}
     *               with a one-sentence message saying what to enter
     * @param initial the first text
     */
    public FormField(Function<String, T> parser, String initial) {
        this.parser = parser;
        text.addListener((obs, old, now) -> check(now));
        text.set(initial);
        check(initial);
    }

    private void check(String now) {
        try {
            value.set(parser.apply(now == null ? "" : now.strip()));
            error.set(null);
        } catch (IllegalArgumentException e) {
            value.set(null);
            error.set(e.getMessage());
        }
    }

    /** Reads the text again, so that an error is written in the language that is now the default. */
    public void recheck() {
        check(text.get());
    }

    /** What the user typed. */
    public StringProperty textProperty() {
        return text;
    }

    /** The value read from the text, or null while it is invalid. */
    public ReadOnlyObjectProperty<T> valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** Why the text is invalid, or null when it is valid. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The value; throws {@link IllegalStateException} while the text is invalid. */
    public T value() {
        T v = value.get();
        if (v == null) {
            throw new IllegalStateException(error.get());
        }
        return v;
    }
}
