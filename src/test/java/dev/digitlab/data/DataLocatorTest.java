package dev.digitlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.DataLocator.Location;
import dev.digitlab.data.DataLocator.Source;
import dev.digitlab.data.MirrorServer.Behaviour;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLocatorTest {

    @TempDir
    Path tmp;

    private Path chosen;
    private Path env;
    private Path fallback;
    private Path cache;
    private final Map<String, byte[]> served = new HashMap<>();
    private MirrorServer server;

    @BeforeEach
    void folders() throws IOException {
        chosen = tmp.resolve("chosen");
        env = tmp.resolve("env");
        fallback = tmp.resolve("default");
        cache = DataLocator.cacheDir(tmp.resolve("home").resolve(".digitlab"));
        served.put(MnistFiles.TRAIN_IMAGES + ".gz", IdxFiles.gzip(IdxFiles.images(40, 28, 28)));
        served.put(MnistFiles.TRAIN_LABELS + ".gz", IdxFiles.gzip(IdxFiles.labels(40)));
        served.put(MnistFiles.TEST_IMAGES + ".gz", IdxFiles.gzip(IdxFiles.images(20, 28, 28)));
        served.put(MnistFiles.TEST_LABELS + ".gz", IdxFiles.gzip(IdxFiles.labels(20)));
        server = new MirrorServer(served);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private MnistDownloader downloader(Behaviour behaviour) {
        Map<String, String> sums = new HashMap<>();
        served.forEach((name, bytes) -> sums.put(name, IdxFiles.sha256(bytes)));
        return new MnistDownloader(List.of(server.mirror("m", behaviour)), sums,
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    private DataLocator locator(Path chosenDir, String envValue, Path defaultDir) {
        return new DataLocator(chosenDir, envValue, defaultDir, cache, downloader(Behaviour.SERVE));
    }

    @Test
    void cacheLivesInTheAppsHomeFolder() {
        assertEquals(Path.of("/home/ann/.digitlab/data/mnist"), DataLocator.cacheDir(Path.of("/home/ann/.digitlab")));
    }

    @Test
    void chosenFolderComesFirst() {
        Stream.of(chosen, env, fallback, cache).forEach(dir -> IdxFiles.mnistFolder(dir, 10, 10, true));

        Location location = locator(chosen, env.toString(), fallback).locate(ProgressListener.NONE);

        assertEquals(new Location(chosen, Source.CHOSEN), location);
    }

    @Test
    void chosenFolderWithoutDataIsAnErrorEvenWhenTheCacheHasData() throws IOException {
        Files.createDirectories(chosen);
        IdxFiles.write(chosen.resolve(MnistFiles.TRAIN_IMAGES + ".gz"), IdxFiles.gzip(IdxFiles.images(1, 28, 28)));
        IdxFiles.mnistFolder(cache, 10, 10, true);

        DataException e = assertThrows(DataException.class,
                () -> locator(chosen, null, null).locate(ProgressListener.NONE));

        assertEquals("folder " + chosen + " does not hold a data set: missing train-labels-idx1-ubyte, "
                + "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (each with or without .gz)", e.getMessage());
        assertEquals(List.of(), server.requests());
    }

    @Test
    void chosenFolderThatDoesNotExistIsAnError() {
        DataException e = assertThrows(DataException.class,
                () -> locator(chosen, null, null).locate(ProgressListener.NONE));

        assertEquals("folder " + chosen + " does not exist", e.getMessage());
    }

    @Test
    void environmentComesBeforeTheDefaultAndTheCache() {
        Stream.of(env, fallback, cache).forEach(dir -> IdxFiles.mnistFolder(dir, 10, 10, true));

        Location location = locator(null, env.toString(), fallback).locate(ProgressListener.NONE);

        assertEquals(new Location(env, Source.ENVIRONMENT), location);
    }

    @Test
    void environmentFolderWithoutDataIsAnError() {
        IdxFiles.mnistFolder(cache, 10, 10, true);

        DataException e = assertThrows(DataException.class,
                () -> locator(null, env.toString(), null).locate(ProgressListener.NONE));

        assertEquals("DIGITLAB_DATA folder " + env + " does not exist", e.getMessage());
    }

    @Test
    void blankEnvironmentIsIgnored() {
        IdxFiles.mnistFolder(cache, 10, 10, true);

        assertEquals(Source.CACHE, locator(null, "  ", null).locate(ProgressListener.NONE).source());
    }

    @Test
    void defaultComesBeforeTheCache() {
        Stream.of(fallback, cache).forEach(dir -> IdxFiles.mnistFolder(dir, 10, 10, true));

        assertEquals(new Location(fallback, Source.DEFAULT), locator(null, null, fallback).locate(ProgressListener.NONE));
    }

    @Test
    void incompleteDefaultFallsThroughToTheCache() {
        IdxFiles.mnistFolder(cache, 10, 10, true);

        assertEquals(new Location(cache, Source.CACHE), locator(null, null, fallback).locate(ProgressListener.NONE));
        assertEquals(List.of(), server.requests());
    }

    @Test
    void emptyCacheIsFilledByDownloadAndThenLoads() throws IOException {
        Location location = locator(null, null, fallback).locate(ProgressListener.NONE);

        assertEquals(new Location(cache, Source.DOWNLOAD), location);
        MnistDataset data = new MnistFolder(cache).load();
        assertEquals(40, data.train().size());
        assertEquals(20, data.test().size());
        assertEquals(Source.CACHE, locator(null, null, null).locate(ProgressListener.NONE).source());
        assertEquals(4, server.requests().size());
    }

    @Test
    void onlyTheFilesMissingFromTheCacheAreDownloaded() throws IOException {
        IdxFiles.mnistFolder(cache, 40, 20, false);
        Files.delete(cache.resolve(MnistFiles.TEST_LABELS));

        locator(null, null, null).locate(ProgressListener.NONE);

        assertEquals(List.of("/m/" + MnistFiles.TEST_LABELS + ".gz"), server.requests());
        assertEquals(20, new MnistFolder(cache).load().test().size());
    }

    @Test
    void failedDownloadSaysWhichFilesToPutWhere() throws IOException {
        DataLocator locator = new DataLocator(null, null, fallback, cache, downloader(Behaviour.ERROR_500));

        DataException e = assertThrows(DataException.class, () -> locator.locate(ProgressListener.NONE));

        assertEquals("No MNIST data found, and could not download train-images-idx3-ubyte.gz (127.0.0.1: HTTP 500); "
                + "put train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, "
                + "t10k-labels-idx1-ubyte.gz into " + cache + ", or name a folder holding them with --data DIR "
                + "or DIGITLAB_DATA", e.getMessage());
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void withoutDownloaderTheErrorSaysWhichFilesToPutWhere() {
        DataLocator locator = new DataLocator(null, null, null, cache, null);

        DataException e = assertThrows(DataException.class, () -> locator.locate(ProgressListener.NONE));

        assertTrue(e.getMessage().startsWith("No MNIST data found; put train-images-idx3-ubyte.gz, "
                + "train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz into " + cache),
                e.getMessage());
    }
}
