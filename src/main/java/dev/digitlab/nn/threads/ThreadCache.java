package dev.digitlab.nn.threads;

import dev.digitlab.base.AppHome;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/** The file that remembers the measured thread count ({@code ~/.digitlab/threads.json}). */
public final class ThreadCache {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** A cache file larger than this is not read: 64 KB. */
    static final long MAX_BYTES = 64 * 1024;

    private final Path file;

    public ThreadCache(Path file) {
        this.file = file;
    }

    /** {@code threads.json} in the app's {@linkplain AppHome home folder}. */
    public static Path defaultFile() {
        return AppHome.folder().resolve("threads.json");
    }

    /**
     * One calibration.
     *
     * @param cores       the machine's cores
     * @param cpu         its CPU model
     * @param version     the app version that measured
     * @param threads     the native thread count: the winner, at most the cores per lane
     * @param stepMicros  median microseconds per training step, by thread count
     * @param loadedStepMicros the same with one core kept busy by another thread
     * @param lanes       the lanes the conv layers split a batch into (see {@code nn.cpu.Lanes}); 0 in
     *                    a file from before lanes were measured
     * @param laneStepMicros median microseconds per step of the {@code cnn} preset, by lane count
     * @param loadedLaneStepMicros the same with one core kept busy by another thread
     * @param measuredAt  when (ISO-8601)
     */
    public record Entry(int cores, String cpu, String version, int threads, Map<String, Double> stepMicros,
                        Map<String, Double> loadedStepMicros, int lanes, Map<String, Double> laneStepMicros,
                        Map<String, Double> loadedLaneStepMicros, String measuredAt) {

        /** A calibration of the thread count alone, as files from before lanes were measured hold. */
        public Entry(int cores, String cpu, String version, int threads, Map<String, Double> stepMicros,
                     Map<String, Double> loadedStepMicros, String measuredAt) {
            this(cores, cpu, version, threads, stepMicros, loadedStepMicros, 0, Map.of(), Map.of(), measuredAt);
        }

        /** Whether this entry was measured on a machine and build with {@code key}. */
        public boolean matches(MachineKey key) {
            return cores == key.cores() && key.cpu().equals(cpu) && key.version().equals(version);
        }

        /** Whether the lane count was measured too (files written before it was are not). */
        public boolean hasLanes() {
            return lanes > 0;
        }
    }

    /** The cached entry; empty when there is none or the file cannot be read (it is only a cache). */
    public Optional<Entry> read() {
        try {
            // A few hundred bytes when written here; a huge one would stall every start.
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.ofNullable(GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Entry.class));
        } catch (IOException | JsonParseException e) {
            return Optional.empty();
        }
    }

    /** Replaces the cache with {@code entry}, atomically (temp file in the same folder, then a move). */
    public void write(Entry entry) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "threads", ".tmp");
            try {
                Files.writeString(temp, GSON.toJson(entry), StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the thread cache " + file + ": " + e.getMessage(), e);
        }
    }
}
