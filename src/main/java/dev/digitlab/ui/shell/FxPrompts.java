package dev.digitlab.ui.shell;

import dev.digitlab.base.ErrorText;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shell.FxPrompts;
import dev.digitlab.ui.shell.Prompts;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** {@link Prompts} as JavaFX alerts owned by the main window. Use on the FX thread. */
public final class FxPrompts implements Prompts {

    private final Window owner;

    /** @param owner the window the dialogs belong to */
    public FxPrompts(Window owner) {
        this.owner = owner;
    }

    @Override
    public Choice askSaveChanges(String modelName) {
        ButtonType save = new ButtonType(Messages.get("prompt.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(Messages.get("prompt.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(Messages.get("prompt.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Messages.format("prompt.unsaved", modelName),
                save, discard, cancel);
        alert.initOwner(owner);
        alert.setTitle(Messages.get("prompt.unsaved.title"));
        alert.setHeaderText(null);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == cancel) {
            return Choice.CANCEL;
        }
        return answer.get() == save ? Choice.SAVE : Choice.DISCARD;
    }

    @Override
    public void showError(String sentence, Throwable details) {
        Alert alert = new Alert(Alert.AlertType.ERROR, sentence, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(Messages.get("error.title"));
        alert.setHeaderText(null);
        details(details).ifPresent(trace -> {
            TextArea text = new TextArea(trace);
            text.setEditable(false);
            text.setWrapText(false);
            text.setPrefRowCount(14);
            alert.getDialogPane().setExpandableContent(text);
        });
        alert.showAndWait();
    }

    /**
     * What "Show details" offers for {@code error}: its stack trace when it is a bug or the
     * machine's doing, for a bug report; nothing when it is the user's input, which its sentence
     * already explains (no stack trace for bad input), or when there is no exception.
     */
    static Optional<String> details(Throwable error) {
        if (error == null || ErrorText.sentence(error).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(stackTrace(error));
    }

    @Override
    public void showInfo(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(null);
        alert.showAndWait();
    }

    /** The full stack trace of {@code error}, causes included: what a bug report needs. */
    public static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
