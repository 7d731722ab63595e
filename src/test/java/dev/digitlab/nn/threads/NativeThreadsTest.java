package dev.digitlab.nn.threads;

import dev.digitlab.nn.threads.MachineKey;
import dev.digitlab.nn.threads.NativeThreads;
import dev.digitlab.nn.threads.NativeThreadsTest;
import dev.digitlab.nn.threads.ThreadCache;
import dev.digitlab.nn.threads.ThreadCalibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeThreadsTest {

    @TempDir
    Path dir;

    private static ThreadCache.Entry entry(MachineKey key, int threads) {
        return entry(key, threads, 1);
    }

    private static ThreadCache.Entry entry(MachineKey key, int threads, int lanes) {
        return new ThreadCache.Entry(key.cores(), key.cpu(), key.version(), threads, Map.of("1", 500.0),
                Map.of("1", 520.0), lanes, Map.of("1", 16000.0, "2", 9000.0), Map.of("1", 16500.0, "2", 15000.0),
                "2026-01-01T00:00:00Z");
    }

    @Test
    void withoutACacheTheDefaultIsChosen() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(NativeThreads.defaultCount(cores), NativeThreads.choose(dir.resolve("threads.json")));
    }

    @Test
    void defaultIsOneThreadOnSmallMachines() {
        assertEquals(1, NativeThreads.defaultCount(1));
        assertEquals(1, NativeThreads.defaultCount(2));
        assertEquals(4, NativeThreads.defaultCount(16));
    }

    @Test
    void aCachedMeasurementForThisMachineIsChosen() {
        Path file = dir.resolve("sub/threads.json");
        int cores = MachineKey.current().cores();
        new ThreadCache(file).write(entry(MachineKey.current(), Math.min(3, cores)));
        assertEquals(Math.min(3, cores), NativeThreads.choose(file));
    }

    @Test
    void aMeasurementFromAnotherVersionOrMachineIsIgnored() {
        Path file = dir.resolve("threads.json");
        MachineKey here = MachineKey.current();
        new ThreadCache(file).write(entry(new MachineKey(here.cores(), here.cpu(), "0.0.1-other"), 3));
        assertEquals(NativeThreads.defaultCount(here.cores()), NativeThreads.choose(file));
        new ThreadCache(file).write(entry(new MachineKey(here.cores() + 8, here.cpu(), here.version()), 3));
        assertEquals(NativeThreads.defaultCount(here.cores()), NativeThreads.choose(file));
    }

    @Test
    void aCachedCountAboveTheCoresIsNotTrusted() {
        Path file = dir.resolve("threads.json");
        MachineKey here = MachineKey.current();
        for (int threads : new int[] {here.cores() + 1, 64, 100_000}) {
            new ThreadCache(file).write(entry(here, threads));
            assertEquals(NativeThreads.defaultCount(here.cores()), NativeThreads.choose(file), "threads " + threads);
        }
    }

    @Test
    void aThreadsFileFarLargerThanOneIsNotRead() throws Exception {
        Path file = dir.resolve("threads.json");
        MachineKey here = MachineKey.current();
        new ThreadCache(file).write(entry(here, here.cores()));
        Files.writeString(file, " ".repeat((int) ThreadCache.MAX_BYTES) + Files.readString(file));
        assertTrue(new ThreadCache(file).read().isEmpty());
    }

    @Test
    void anOmpNumThreadsThatIsNoCountIsRecognised() {
        for (String bad : List.of("abc", "", "0", "-3", "100000", "4,2", "1e3")) {
            assertTrue(NativeThreads.count(bad).isEmpty(), bad);
        }
        assertEquals(3, NativeThreads.count(" 3 ").getAsInt());
    }

    @Test
    void aDamagedCacheFallsBackToTheDefault() throws Exception {
        Path file = dir.resolve("threads.json");
        Files.writeString(file, "{ not json");
        assertEquals(NativeThreads.defaultCount(Runtime.getRuntime().availableProcessors()),
                NativeThreads.choose(file));
    }

    @Test
    void theCacheRoundTripsAndLeavesNoTempFiles() throws Exception {
        Path file = dir.resolve("threads.json");
        ThreadCache.Entry e = entry(MachineKey.current(), 2);
        new ThreadCache(file).write(e);
        new ThreadCache(file).write(e);
        assertEquals(e, new ThreadCache(file).read().orElseThrow());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void theFewestThreadsWithinThreePercentWin() {
        assertEquals(1, ThreadCalibration.winner(Map.of("1", 500.0, "2", 490.0)));
        assertEquals(2, ThreadCalibration.winner(Map.of("1", 500.0, "2", 400.0)));
        assertEquals(2, ThreadCalibration.winner(Map.of("1", 900.0, "2", 400.0, "8", 395.0)));
    }

    @Test
    void lanesAndNativeThreadsTogetherTakeNoMoreThanTheCores() {
        assertEquals(2, ThreadCalibration.threads(2, 1, 2));
        assertEquals(1, ThreadCalibration.threads(2, 2, 2), "two lanes on two cores: one thread each");
        assertEquals(4, ThreadCalibration.threads(4, 2, 8));
        assertEquals(1, ThreadCalibration.threads(8, 8, 8));
        assertEquals(1, ThreadCalibration.threads(1, 2, 2));
    }

    @Test
    void candidatesAreOneTwoAndAllCores() {
        assertEquals(List.of(1), ThreadCalibration.candidates(1));
        assertEquals(List.of(1, 2), ThreadCalibration.candidates(2));
        assertEquals(List.of(1, 2, 8), ThreadCalibration.candidates(8));
    }

    @Test
    void withoutAMeasuredLaneCountConvLayersKeepOneLane() throws Exception {
        Path file = dir.resolve("threads.json");
        assertEquals(1, NativeThreads.chooseLanes(file), "no cache");
        MachineKey here = MachineKey.current();
        new ThreadCache(file).write(entry(new MachineKey(here.cores(), here.cpu(), "0.0.1-other"), 1, 2));
        assertEquals(1, NativeThreads.chooseLanes(file), "another version's measurement");
        new ThreadCache(file).write(entry(here, 1, here.cores() + 1));
        assertEquals(1, NativeThreads.chooseLanes(file), "more lanes than cores");
        // A file written before lanes were measured: the thread count stands, the lanes do not.
        Files.writeString(file, "{\"cores\": " + here.cores() + ", \"cpu\": \"" + here.cpu() + "\", \"version\": \""
                + here.version() + "\", \"threads\": 1, \"stepMicros\": {\"1\": 358.6}, \"loadedStepMicros\": "
                + "{\"1\": 365.5}, \"measuredAt\": \"2026-12-02T20:40:37Z\"}");
        ThreadCache.Entry old = new ThreadCache(file).read().orElseThrow();
        assertEquals(1, old.threads());
        assertEquals(false, old.hasLanes(), "so it is measured again");
        assertEquals(1, NativeThreads.chooseLanes(file));
        assertEquals(1, NativeThreads.choose(file));
    }

    @Test
    void aCachedLaneCountForThisMachineIsChosen() {
        Path file = dir.resolve("threads.json");
        MachineKey here = MachineKey.current();
        new ThreadCache(file).write(entry(here, 1, here.cores()));
        assertEquals(here.cores(), NativeThreads.chooseLanes(file));
    }

    @Test
    void aLaneProbeInAChildJvmTimesEachLaneCountIdleAndLoaded() throws Exception {
        com.google.gson.JsonObject result = ThreadCalibration.forThisJvm()
                .runChild(List.of(LaneProbe.class.getName(), "1,2"), 1);
        for (String key : List.of("lane_step_us", "loaded_lane_step_us")) {
            for (String lanes : List.of("1", "2")) {
                double micros = result.getAsJsonObject(key).get(lanes).getAsDouble();
                assertTrue(micros > 0 && micros < 1e7, key + " " + lanes + ": " + micros);
            }
        }
    }

    @Test
    void aProbeInAChildJvmReportsAStepTime() throws Exception {
        double micros = ThreadCalibration.forThisJvm().probe(1, false);
        assertTrue(micros > 0 && micros < 1e6, "step time " + micros);
    }
}
