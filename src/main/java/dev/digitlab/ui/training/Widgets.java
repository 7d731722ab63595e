package dev.digitlab.ui.training;

import dev.digitlab.ui.shared.Messages;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** The small controls the Training tab's parts build the same way. */
final class Widgets {

    private Widgets() {
    }

    /** A section heading. */
    static Label section(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("section");
        return l;
    }

    /** A label with {@code id} showing {@code text}. */
    static Label label(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        return l;
    }

    /** Gives {@code control} the help text {@code helpKey}, shown long enough to read a paragraph. */
    static Tooltip tooltip(Control control, String helpKey) {
        Tooltip tip = new Tooltip(Messages.get(helpKey));
        tip.setWrapText(true);
        tip.setMaxWidth(340);
        tip.setShowDelay(Duration.millis(350));
        tip.setShowDuration(Duration.seconds(30));
        control.setTooltip(tip);
        return tip;
    }

    /** Shows choices as {@code toText} names them. */
    static <T> StringConverter<T> converter(Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choice boxes are not edited as text");
            }
        };
    }
}
