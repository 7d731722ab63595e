package dev.digitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.MirrorServer.Behaviour;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDownloaderTest {

    private static final String LABELS = "train-labels-idx1-ubyte.gz";
    /** A megabyte that does not compress, so that it arrives in many reads. */
    private static final String NOISE = "noise.bin";

    @TempDir
    Path cache;

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private MirrorServer server;

    @BeforeEach
    void startServer() throws IOException {
        files.put("train-images-idx3-ubyte.gz", IdxFiles.gzip(IdxFiles.images(300, 28, 28)));
        files.put(LABELS, IdxFiles.gzip(IdxFiles.labels(300)));
        files.put("t10k-images-idx3-ubyte.gz", IdxFiles.gzip(IdxFiles.images(50, 28, 28)));
        files.put("t10k-labels-idx1-ubyte.gz", IdxFiles.gzip(IdxFiles.labels(50)));
        byte[] noise = new byte[1 << 20];
        new SplittableRandom(1).nextBytes(noise);
        files.put(NOISE, noise);
        server = new MirrorServer(files);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private MnistDownloader downloader(URI... mirrors) {
        Map<String, String> sums = files.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> IdxFiles.sha256(e.getValue())));
        return new MnistDownloader(List.of(mirrors), sums, Duration.ofSeconds(5), Duration.ofMillis(500));
    }

    private List<String> cacheListing() throws IOException {
        try (Stream<Path> list = Files.list(cache)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void downloadsEveryFileIntoTheCache() throws IOException {
        downloader(server.mirror("a", Behaviour.SERVE)).download(cache, MnistFiles.GZ_NAMES, ProgressListener.NONE);

        assertEquals(MnistFiles.GZ_NAMES.stream().sorted().toList(), cacheListing());
        for (String name : MnistFiles.GZ_NAMES) {
            assertArrayEquals(files.get(name), Files.readAllBytes(cache.resolve(name)));
        }
        assertEquals(30, new MnistFolder(cache).load().train().classCounts()[0]);
    }

    @Test
    void createsTheCacheFolderWhenMissing() throws IOException {
        Path nested = cache.resolve(".digitlab/data/mnist");

        downloader(server.mirror("a", Behaviour.SERVE)).download(nested, List.of(LABELS), ProgressListener.NONE);

        assertArrayEquals(files.get(LABELS), Files.readAllBytes(nested.resolve(LABELS)));
    }

    @Test
    void checksumMismatchLeavesNoFileInTheCache() throws IOException {
        MnistDownloader downloader = downloader(server.mirror("a", Behaviour.WRONG_BYTES));

        DataException e = assertThrows(DataException.class,
                () -> downloader.download(cache, List.of(LABELS), ProgressListener.NONE));

        assertTrue(e.getMessage().startsWith("could not download " + LABELS + " (127.0.0.1: checksum mismatch"),
                e.getMessage());
        assertEquals(List.of(), cacheListing());
    }

    @Test
    void serverErrorOnFirstMirrorFallsBackToTheSecond() throws IOException {
        MnistDownloader downloader = downloader(
                server.mirror("a", Behaviour.ERROR_500), server.mirror("b", Behaviour.SERVE));

        downloader.download(cache, List.of(LABELS), ProgressListener.NONE);

        assertEquals(List.of("/a/" + LABELS, "/b/" + LABELS), server.requests());
        assertArrayEquals(files.get(LABELS), Files.readAllBytes(cache.resolve(LABELS)));
        assertEquals(List.of(LABELS), cacheListing());
    }

    @Test
    void everyMirrorsFailureIsReported() throws IOException {
        MnistDownloader downloader = downloader(
                server.mirror("a", Behaviour.ERROR_500), server.mirror("b", Behaviour.WRONG_BYTES));

        DataException e = assertThrows(DataException.class,
                () -> downloader.download(cache, List.of(LABELS), ProgressListener.NONE));

        assertTrue(e.getMessage().startsWith(
                "could not download " + LABELS + " (127.0.0.1: HTTP 500; 127.0.0.1: checksum mismatch"), e.getMessage());
        assertEquals(List.of(), cacheListing());
    }

    @Test
    void cutOffTransferIsNotKept() throws IOException {
        String images = "train-images-idx3-ubyte.gz";
        MnistDownloader downloader = downloader(server.mirror("a", Behaviour.CUT_OFF));

        DataException e = assertThrows(DataException.class,
                () -> downloader.download(cache, List.of(images), ProgressListener.NONE));

        long size = files.get(images).length;
        assertEquals("could not download " + images + " (127.0.0.1: transfer cut off after "
                + IdxReader.number(size / 2) + " of " + IdxReader.number(size) + " bytes)", e.getMessage());
        assertEquals(List.of(), cacheListing());
    }

    @Test
    void cutOffTransferFallsBackToTheNextMirror() throws IOException {
        String images = "train-images-idx3-ubyte.gz";
        MnistDownloader downloader = downloader(
                server.mirror("a", Behaviour.CUT_OFF), server.mirror("b", Behaviour.SERVE));

        downloader.download(cache, List.of(images), ProgressListener.NONE);

        assertArrayEquals(files.get(images), Files.readAllBytes(cache.resolve(images)));
        assertEquals(List.of(images), cacheListing());
    }

    @Test
    void stalledMirrorTimesOutAndTheNextIsUsed() throws IOException {
        MnistDownloader downloader = downloader(
                server.mirror("a", Behaviour.STALL), server.mirror("b", Behaviour.SERVE));

        downloader.download(cache, List.of(NOISE), ProgressListener.NONE);

        assertArrayEquals(files.get(NOISE), Files.readAllBytes(cache.resolve(NOISE)));
        assertEquals(List.of("/a/" + NOISE, "/b/" + NOISE), server.requests());
    }

    @Test
    void stalledOnlyMirrorIsReportedAsTimedOut() throws IOException {
        MnistDownloader downloader = downloader(server.mirror("a", Behaviour.STALL));

        DataException e = assertThrows(DataException.class,
                () -> downloader.download(cache, List.of(NOISE), ProgressListener.NONE));

        assertEquals("could not download " + NOISE + " (127.0.0.1: timed out)", e.getMessage());
        assertEquals(List.of(), cacheListing());
    }

    @Test
    void unreachableMirrorFallsBackToTheNext() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MnistDownloader downloader = downloader(
                URI.create("http://127.0.0.1:" + closedPort + "/mnist/"), server.mirror("b", Behaviour.SERVE));

        downloader.download(cache, List.of(LABELS), ProgressListener.NONE);

        assertArrayEquals(files.get(LABELS), Files.readAllBytes(cache.resolve(LABELS)));
    }

    @Test
    void progressRisesToTheFileSize() {
        String images = NOISE;
        List<long[]> events = new ArrayList<>();
        List<String> names = new ArrayList<>();
        ProgressListener listener = (file, done, total) -> {
            names.add(file);
            events.add(new long[] {done, total});
        };

        downloader(server.mirror("a", Behaviour.SERVE)).download(cache, List.of(images), listener);

        long size = files.get(images).length;
        assertTrue(events.size() > 2, "only " + events.size() + " progress events");
        assertTrue(names.stream().allMatch(images::equals));
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i)[0] >= events.get(i - 1)[0], "progress went back");
        }
        assertTrue(events.stream().allMatch(e -> e[1] == size));
        assertEquals(size, events.get(events.size() - 1)[0]);
    }
}
