package dev.digitlab.ui.shell;

import dev.digitlab.ui.shell.FxPrompts;
import dev.digitlab.ui.shell.Prompts;

/**
 * The questions and messages the app puts to the user in dialogs. The app passes
 * {@link FxPrompts}; tests pass answers of their own, so no real dialog opens.
 */
public interface Prompts {

    /** The answers to "save the changes first?". */
    enum Choice {
        /** Save, then go on. */
        SAVE,
        /** Go on without saving. */
        DISCARD,
        /** Do not go on. */
        CANCEL
    }

    /** Asks whether to save the unsaved model {@code modelName} before it is replaced or the app closes. */
    Choice askSaveChanges(String modelName);

    /**
     * Tells the user that something failed.
     *
     * @param sentence one sentence saying what failed and what to do
     * @param details  the cause, shown expandable; may be null
     */
    void showError(String sentence, Throwable details);

    /** Shows a message, e.g. the About box. */
    void showInfo(String title, String text);
}
