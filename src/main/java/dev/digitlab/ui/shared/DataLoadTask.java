package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.DataLoadTask;
import dev.digitlab.ui.shared.DatasetSource;
import dev.digitlab.ui.shared.Messages;

import dev.digitlab.data.MnistDataset;
import javafx.concurrent.Task;

/**
 * Loads the data set in the background. While a file downloads, the progress is its bytes and the
 * message says e.g. "Downloading MNIST… 3.1 / 9.9 MB"; otherwise the progress is indeterminate.
 */
public final class DataLoadTask extends Task<MnistDataset> {

    private final DatasetSource source;

    public DataLoadTask(DatasetSource source) {
        this.source = source;
    }

    @Override
    protected MnistDataset call() {
        updateMessage(Messages.get("progress.loading"));
        return source.load((file, done, total) -> {
            if (total > 0 && done >= total) {
                // The file is complete: what follows is reading, of unknown length.
                updateProgress(-1, 1);
                updateMessage(Messages.get("progress.loading"));
            } else if (total > 0) {
                updateProgress(done, total);
                updateMessage(Messages.format("progress.download", file, done / 1e6, total / 1e6));
            } else {
                updateProgress(-1, 1);
                updateMessage(Messages.format("progress.downloadUnknown", file, done / 1e6));
            }
        });
    }
}
