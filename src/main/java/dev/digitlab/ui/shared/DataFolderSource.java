package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.CachedDatasetSource;
import dev.digitlab.ui.shared.DataFolderSource;
import dev.digitlab.ui.shared.DatasetSource;

import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.MnistFolder;
import dev.digitlab.data.ProgressListener;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The data source the Training and Evaluate tabs share, switchable to a folder the user chose
 * (File > Open data folder). Each folder gets its own {@link CachedDatasetSource}, so the tabs
 * still share one copy of the data.
 */
public final class DataFolderSource implements DatasetSource {

    private final Function<Path, DatasetSource> lookup;
    private volatile Path folder;
    private volatile DatasetSource current;

    /**
     * @param lookup  the data lookup for a chosen folder (null: the normal lookup), e.g.
     *                {@code dir -> DataLocator.forUser(dir, home)::load}
     * @param initial the folder to start with, or null for the normal lookup
     */
    public DataFolderSource(Function<Path, DatasetSource> lookup, Path initial) {
        this.lookup = lookup;
        use(initial);
    }

    @Override
    public MnistDataset load(ProgressListener progress) {
        return current.load(progress);
    }

    /** Takes the data from {@code dir} from now on (null: the normal lookup). */
    public void use(Path dir) {
        folder = dir;
        current = new CachedDatasetSource(lookup.apply(dir));
    }

    /** The chosen folder, or null when the normal lookup is used. */
    public Path folder() {
        return folder;
    }

    /** Whether {@code dir} holds the four MNIST files (plain or gzipped). */
    public static boolean holdsData(Path dir) {
        return new MnistFolder(dir).isComplete();
    }
}
