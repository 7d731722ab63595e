package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.DataFolderSource;
import dev.digitlab.ui.shared.DataFolderSourceTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderSourceTest {

    @TempDir
    Path dir;

    private static MnistDataset dataset(String name) {
        ImageSet images = new ImageSet(new float[4], new byte[] {3}, 2, 2);
        return new MnistDataset(name, null, images, images);
    }

    @Test
    void dataComesFromTheLastChosenFolderAndIsLoadedOncePerFolder() {
        List<Path> loads = new ArrayList<>();
        DataFolderSource source = new DataFolderSource(folder -> progress -> {
            loads.add(folder);
            return dataset(folder == null ? "lookup" : folder.getFileName().toString());
        }, null);

        MnistDataset first = source.load(null);
        assertEquals("lookup", first.name());
        assertSame(first, source.load(null));
        assertNull(source.folder());

        source.use(dir.resolve("chosen"));
        assertEquals("chosen", source.load(null).name());
        assertEquals(dir.resolve("chosen"), source.folder());
        assertEquals(2, loads.size());
    }

    @Test
    void anEmptyFolderDoesNotHoldData() {
        assertFalse(DataFolderSource.holdsData(dir));
    }
}
