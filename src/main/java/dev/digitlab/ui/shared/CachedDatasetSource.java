package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.CachedDatasetSource;
import dev.digitlab.ui.shared.DatasetSource;

import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.ProgressListener;

/**
 * A data source that loads once and then hands out the same data set, so the Training and the
 * Evaluate tab share one copy of MNIST (about 220 MB as floats) instead of holding two. A failed
 * load is not remembered: the next call tries again (the user may have fixed the folder).
 * Safe to call from several background threads: a second caller waits for the first load.
 */
public final class CachedDatasetSource implements DatasetSource {

    private final DatasetSource source;
    private MnistDataset data;

    /** @param source where the data set really comes from */
    public CachedDatasetSource(DatasetSource source) {
        this.source = source;
    }

    @Override
    public synchronized MnistDataset load(ProgressListener progress) {
        if (data == null) {
            data = source.load(progress);
        }
        return data;
    }
}
