package dev.digitlab.data;

import dev.digitlab.base.AppHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the MNIST files, in this order: a folder the user chose, the folder in the environment
 * variable {@value #ENV}, an optional default (tests pass the shared copy), the data cache
 * {@code data/mnist} in the app's home folder ({@code ~/.digitlab/data/mnist} unless the
 * property {@code digitlab.home} names another), and finally a download into that cache. A folder
 * the user named must hold the data: it is an error, not a reason to look elsewhere.
 */
public final class DataLocator {

    /** Environment variable naming a folder with the four MNIST files. */
    public static final String ENV = "DIGITLAB_DATA";

    /** Where the data was found. */
    public enum Source {
        /** The folder the user chose ({@code --data DIR} or the app's menu). */
        CHOSEN("chosen folder"),
        /** The folder in {@value DataLocator#ENV}. */
        ENVIRONMENT(ENV),
        /** The default a caller passed in (the tests' shared copy). */
        DEFAULT("default folder"),
        /** The user's cache, already filled. */
        CACHE("cache"),
        /** The user's cache, just downloaded into. */
        DOWNLOAD("downloaded into the cache");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        /** A few words for the user, e.g. "cache". */
        public String description() {
            return description;
        }
    }

    /** A folder that holds all four files, and how it was found. */
    public record Location(Path folder, Source source) {
    }

    private final Path chosenDir;
    private final String envValue;
    private final Path defaultDir;
    private final Path cacheDir;
    private final MnistDownloader downloader;

    /**
     * @param chosenDir the folder the user chose, or null
     * @param envValue the value of {@value #ENV}, or null when it is not set
     * @param defaultDir a folder to use when it holds the data, or null (tests pass the shared copy)
     * @param cacheDir the user's data cache, filled by downloads
     * @param downloader fetches missing files into the cache, or null never to download
     */
    public DataLocator(Path chosenDir, String envValue, Path defaultDir, Path cacheDir, MnistDownloader downloader) {
        this.chosenDir = chosenDir;
        this.envValue = envValue;
        this.defaultDir = defaultDir;
        this.cacheDir = cacheDir;
        this.downloader = downloader;
    }

    /**
     * The lookup a user's DigitLab does: {@code chosenDir} (may be null), then the real
     * environment, the cache in the app's home folder, and a download from the public mirrors.
     */
    public static DataLocator forUser(Path chosenDir) {
        return new DataLocator(chosenDir, System.getenv(ENV), null,
                cacheDir(AppHome.folder()), MnistDownloader.mnist());
    }

    /** The data cache in the app's home folder ({@link AppHome}): {@code home/data/mnist}. */
    public static Path cacheDir(Path appHome) {
        return appHome.resolve("data").resolve("mnist");
    }

    /** Finds (or downloads) a folder holding all four files. */
    public Location locate(ProgressListener listener) {
        if (chosenDir != null) {
            return new Location(requireData(chosenDir, "folder " + chosenDir), Source.CHOSEN);
        }
        if (envValue != null && !envValue.isBlank()) {
            Path dir = Path.of(envValue.strip());
            return new Location(requireData(dir, ENV + " folder " + dir), Source.ENVIRONMENT);
        }
        if (defaultDir != null && new MnistFolder(defaultDir).isComplete()) {
            return new Location(defaultDir, Source.DEFAULT);
        }
        MnistFolder cache = new MnistFolder(cacheDir);
        if (cache.isComplete()) {
            return new Location(cacheDir, Source.CACHE);
        }
        if (downloader == null) {
            throw new DataException("No MNIST data found; " + whereToPutIt());
        }
        List<String> missing = cache.missing().stream().map(name -> name + ".gz").toList();
        try {
            downloader.download(cacheDir, missing, listener);
        } catch (DataException e) {
            throw new DataException("No MNIST data found, and " + e.getMessage() + "; " + whereToPutIt(), e);
        }
        return new Location(cacheDir, Source.DOWNLOAD);
    }

    /** Finds (or downloads) the data and loads it. */
    public MnistDataset load(ProgressListener listener) {
        return new MnistFolder(locate(listener).folder()).load();
    }

    private static Path requireData(Path dir, String what) {
        if (!Files.isDirectory(dir)) {
            throw new DataException(what + " does not exist");
        }
        List<String> missing = new MnistFolder(dir).missing();
        if (!missing.isEmpty()) {
            throw new DataException(what + " does not hold a data set: missing "
                    + String.join(", ", missing) + " (each with or without .gz)");
        }
        return dir;
    }

    private String whereToPutIt() {
        return "put " + String.join(", ", MnistFiles.GZ_NAMES) + " into " + cacheDir
                + ", or name a folder holding them with --data DIR or " + ENV;
    }
}
