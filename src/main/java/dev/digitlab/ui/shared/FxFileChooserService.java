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
 * The system's file dialogs: PNG pictures and model files ({@code .json}); each opens in the
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
        } else {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        }
        return remember(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> chooseOpenFile(String title) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().add(modelFilter());
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
