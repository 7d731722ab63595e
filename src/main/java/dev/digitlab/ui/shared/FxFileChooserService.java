package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.FileChooserService;
import dev.digitlab.ui.shared.FxFileChooserService;
import dev.digitlab.ui.shared.Messages;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The system's file dialogs: PNG pictures and model files ({@code .json}, Keras's {@code .h5} and
 * {@code .keras}); each opens in the
 * folder last used.
 */
public final class FxFileChooserService implements FileChooserService {

    private final Window owner;
    private File lastFolder;

    /** @param owner the window the dialogs belong to */
    public FxFileChooserService(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        FileChooser chooser = chooser(title);
        chooser.setInitialFileName(suggestedName);
        if (suggestedName.toLowerCase(Locale.ROOT).endsWith(".json")) {
            chooser.getExtensionFilters().add(modelFilter());
        } else if (suggestedName.toLowerCase(Locale.ROOT).endsWith(".h5")) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("file.kerasExportFilter"),
                    "*.h5"));
        } else {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        }
        return remember(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> chooseOpenFile(String title) {
        FileChooser chooser = chooser(title);
        // DigitLab's own files and the Keras files learners bring from the tutorial.
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.get("file.anyModelFilter"), "*.json", "*.h5", "*.hdf5", "*.keras"),
                modelFilter(),
                new FileChooser.ExtensionFilter(Messages.get("file.kerasFilter"), "*.h5", "*.hdf5", "*.keras"));
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, String filterName, String... patterns) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(filterName, patterns),
                new FileChooser.ExtensionFilter(Messages.get("file.allFilter"), "*"));
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File folder = chooser.showDialog(owner);
        if (folder == null) {
            return Optional.empty();
        }
        lastFolder = folder;
        return Optional.of(folder.toPath());
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private static FileChooser.ExtensionFilter modelFilter() {
        return new FileChooser.ExtensionFilter(Messages.get("file.modelFilter"), "*.json");
    }

    private Optional<Path> remember(File file) {
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.getParentFile();
        return Optional.of(file.toPath());
    }
}
