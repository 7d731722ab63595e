package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.FileChooserService;
import dev.digitlab.ui.shared.FxFileChooserService;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the user for files and folders. The app passes {@link FxFileChooserService} (the system's
 * dialog); tests pass an answer of their own, so no real dialog opens.
 */
@FunctionalInterface
public interface FileChooserService {

    /**
     * Asks for a file to save to. Called on the FX thread.
     *
     * @param title         the dialog's title
     * @param suggestedName the file name offered, e.g. {@code confusion-matrix.png}
     * @return the chosen file, or empty when the user cancelled
     */
    Optional<Path> chooseSaveFile(String title, String suggestedName);

    /**
     * Asks for an existing file to open. Services that only save (e.g. a test's answer for PNG
     * export) answer as a cancel.
     *
     * @param title the dialog's title
     * @return the chosen file, or empty when the user cancelled
     */
    default Optional<Path> chooseOpenFile(String title) {
        return Optional.empty();
    }

    /**
     * Asks for an existing file of a kind other than a model, e.g. pen recordings. Services that
     * only save answer as a cancel.
     *
     * @param title      the dialog's title
     * @param filterName what the files are called in the dialog's filter
     * @param patterns   the filter's patterns, e.g. {@code *.tra}
     * @return the chosen file, or empty when the user cancelled
     */
    default Optional<Path> chooseOpenFile(String title, String filterName, String... patterns) {
        return Optional.empty();
    }

    /**
     * Asks for a folder. Services that only save answer as a cancel.
     *
     * @param title the dialog's title
     * @return the chosen folder, or empty when the user cancelled
     */
    default Optional<Path> chooseFolder(String title) {
        return Optional.empty();
    }
}
