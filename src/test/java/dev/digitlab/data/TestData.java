package dev.digitlab.data;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real MNIST for tests, found through the normal lookup with the system property
 * {@code digitlab.testData} (set by surefire to the shared read-only copy) as the default.
 * Tests are skipped only when no data can be had; data that is found but broken fails them.
 */
public final class TestData {

    /** System property naming the shared MNIST folder. */
    public static final String PROPERTY = "digitlab.testData";

    private TestData() {
    }

    /** The real MNIST, or a skipped test when it cannot be found or downloaded. */
    public static MnistDataset mnist() {
        return new MnistFolder(folder()).load();
    }

    /** A folder holding the real MNIST, or a skipped test when there is none. */
    public static Path folder() {
        String property = System.getProperty(PROPERTY);
        DataLocator locator = new DataLocator(null, System.getenv(DataLocator.ENV),
                property == null ? null : Path.of(property),
                DataLocator.cacheDir(Path.of(System.getProperty("user.home"), ".digitlab")), MnistDownloader.mnist());
        try {
            return locator.locate(ProgressListener.NONE).folder();
        } catch (DataException e) {
            Assumptions.abort("no MNIST data for this test: " + e.getMessage());
            throw e; // not reached: abort always throws
        }
    }
}
