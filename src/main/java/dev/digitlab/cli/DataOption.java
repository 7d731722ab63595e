package dev.digitlab.cli;

import dev.digitlab.data.DataLocator;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.ProgressListener;
import dev.digitlab.io.SettingsStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --data DIR} option, for every command that needs MNIST: add it with
 * {@code @Mixin DataOption data;} and call {@link #load(ProgressListener)}.
 */
public final class DataOption {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with the four MNIST files (.gz or not). Default: $DIGITLAB_DATA, "
                    + "then ~/.digitlab/data/mnist (data/mnist under -Ddigitlab.home when set), "
                    + "downloading into it when empty.")
    private Path dir;

    /** The folder given with {@code --data}, or null. */
    public Path dir() {
        return dir;
    }

    /** The user's data lookup, starting with {@code --data} when given. */
    public DataLocator locator() {
        return DataLocator.forUser(dir, SettingsStore.home());
    }

    /** Finds (downloading if needed) and loads the data set. */
    public MnistDataset load(ProgressListener listener) {
        return locator().load(listener);
    }
}
