package dev.digitlab.ui.shell;

import dev.digitlab.train.NonFiniteLossException;
import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.LocalText;
import dev.digitlab.ui.shared.Messages;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The status bar's message: the last thing that happened, written again when the language changes.
 * It follows the model files' notices, every new active model, a failed start-up load, and the
 * errors the tabs report (which also get a dialog). Use on the FX thread.
 */
final class StatusLine {

    private final LocalText text = new LocalText(this, "status", () -> "");
    private final Prompts prompts;

    StatusLine(Prompts prompts) {
        this.prompts = prompts;
    }

    /** Follows the file commands' notices and names every model that becomes active. */
    void follow(ModelFiles files, ActiveModel active) {
        files.noticeProperty().addListener((obs, old, now) -> text.set(now == null ? () -> "" : now));
        // A trained model is named as not saved yet; opening and saving a file put their own notice
        // over it right after.
        active.modelProperty().addListener((obs, old, now) -> {
            if (now != null) {
                String name = files.displayName();
                boolean unsaved = active.unsavedProperty().get();
                text.set(() -> Messages.format(unsaved ? "status.modelReadyUnsaved" : "status.modelReady", name));
            }
        });
        active.loadFailureProperty().addListener((obs, old, now) -> {
            if (now != null && active.modelProperty().get() == null) {
                text.set(() -> Messages.get("draw.model.failed"));
            }
        });
    }

    /** Shows every sentence {@code error} takes in the bar and in an error dialog with {@code cause}'s details. */
    void showAsDialog(ObservableValue<String> error, ObservableValue<Throwable> cause) {
        error.addListener((obs, old, now) -> {
            // A loss that became NaN is explained by the coach in the Training tab, without a dialog.
            if (now != null && !now.isBlank() && !(cause.getValue() instanceof NonFiniteLossException)) {
                // The sentence the dialog shows, kept as it is: it may come from a file or the data.
                text.setFixed(now);
                Throwable details = cause.getValue();
                Platform.runLater(() -> prompts.showError(now, details));
            }
        });
    }

    /** Shows {@code message}, composed again when the language changes. */
    void set(Supplier<String> message) {
        text.set(message);
    }

    /** Writes the message again in the default language, which has just changed. */
    void recompose() {
        text.recompose();
    }

    /** Shows an unexpected error (on the FX thread, from any thread) in the bar and a dialog. */
    void showUnexpected(Supplier<String> sentence, Throwable error) {
        Runnable show = () -> {
            text.set(sentence);
            prompts.showError(sentence.get(), error);
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }

    ReadOnlyStringProperty property() {
        return text.property();
    }
}
