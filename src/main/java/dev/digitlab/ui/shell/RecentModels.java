package dev.digitlab.ui.shell;

import dev.digitlab.io.Settings;
import java.nio.file.Path;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The model files opened or saved lately, most recent first, at most {@value Settings#MAX_RECENT}. */
final class RecentModels {

    private final ObservableList<Path> paths = FXCollections.observableArrayList();

    /** The list, for the File menu and the settings. */
    ObservableList<Path> paths() {
        return paths;
    }

    /** Puts {@code path} first (once), dropping the oldest beyond the limit. */
    void remember(Path path) {
        Path absolute = path.toAbsolutePath();
        paths.remove(absolute);
        paths.add(0, absolute);
        if (paths.size() > Settings.MAX_RECENT) {
            paths.remove(Settings.MAX_RECENT, paths.size());
        }
    }
}
