package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.BarDigits;
import dev.digitlab.ui.shared.CachedDatasetSource;
import dev.digitlab.ui.shared.CachedDatasetSourceTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.digitlab.data.DataException;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.ProgressListener;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedDatasetSourceTest {

    @Test
    void bothTabsGetTheSameDataSetFromOneLoad() {
        MnistDataset bars = BarDigits.dataset();
        AtomicInteger loads = new AtomicInteger();
        CachedDatasetSource source = new CachedDatasetSource(progress -> {
            loads.incrementAndGet();
            return bars;
        });
        assertSame(bars, source.load(ProgressListener.NONE));
        assertSame(bars, source.load(ProgressListener.NONE));
        assertEquals(1, loads.get());
    }

    @Test
    void aFailedLoadIsTriedAgainNextTime() {
        MnistDataset bars = BarDigits.dataset();
        AtomicInteger loads = new AtomicInteger();
        CachedDatasetSource source = new CachedDatasetSource(progress -> {
            if (loads.incrementAndGet() == 1) {
                throw new DataException("no MNIST in /nowhere.");
            }
            return bars;
        });
        assertThrows(DataException.class, () -> source.load(ProgressListener.NONE));
        assertSame(bars, source.load(ProgressListener.NONE));
        assertEquals(2, loads.get());
    }
}
