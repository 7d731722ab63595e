package dev.digitlab.ui;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the user where to save a file. The app passes {@link FxFileChooserService} (the system's
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
}
