package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.LocalText;
import dev.digitlab.ui.shared.Messages;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * A text a view model shows that is composed from {@link Messages}: it keeps how the text is
 * composed (the message key and its arguments, as a supplier), not only the finished string, so
 * {@link #recompose()} can write it again in a language chosen later. Use on the FX thread.
 */
public final class LocalText {

    private final ReadOnlyStringWrapper text;
    private Supplier<String> composer;

    /**
     * @param bean    the view model that shows the text
     * @param name    the property's name
     * @param initial how the first text is composed
     */
    public LocalText(Object bean, String name, Supplier<String> initial) {
        composer = initial;
        text = new ReadOnlyStringWrapper(bean, name, initial.get());
    }

    /** Shows the text {@code composer} gives now, and again after each {@link #recompose()}. */
    public void set(Supplier<String> newComposer) {
        composer = newComposer;
        text.set(newComposer.get());
    }

    /** Shows {@code fixed} as it is, in any language: e.g. a model's name or an error from a file. */
    public void setFixed(String fixed) {
        set(() -> fixed);
    }

    /** Follows {@code source} (a task's messages) until {@link #unbind()}; not recomposed meanwhile. */
    public void bind(ObservableValue<String> source) {
        text.bind(source);
    }

    /** Stops following the bound source; the last text it gave stays, fixed. */
    public void unbind() {
        if (text.isBound()) {
            String last = text.get();
            text.unbind();
            composer = () -> last;
        }
    }

    public boolean isBound() {
        return text.isBound();
    }

    /** Composes the text again, e.g. in the language just chosen. */
    public void recompose() {
        if (!text.isBound()) {
            text.set(composer.get());
        }
    }

    /** The text as it is shown now. */
    String get() {
        return text.get();
    }

    /** The text, for views to bind to. */
    public ReadOnlyStringProperty property() {
        return text.getReadOnlyProperty();
    }
}
