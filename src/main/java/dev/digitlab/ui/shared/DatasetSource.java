package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.DatasetSource;

import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.ProgressListener;

/**
 * Where the Training tab gets its images: the app passes the user's data lookup
 * ({@code DataLocator.forUser(null, home)::load}), tests pass a small generated set.
 */
@FunctionalInterface
public interface DatasetSource {

    /**
     * Finds (downloading if needed) and loads the data set. Called off the FX thread; may take long.
     *
     * @param progress told how a download is going
     * @throws dev.digitlab.data.DataException with one sentence that says what the user can do
     */
    MnistDataset load(ProgressListener progress);
}
