package dev.digitlab.nn.threads;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Times training steps with each candidate thread count, each in a fresh JVM (OpenMP reads the
 * count only at start): once on the machine as it is and once with one core kept busy by another
 * thread (see {@link ThreadProbe}). A count's score is the mean of the two medians, so a count that
 * only wins on an idle machine but collapses under any other load does not win. Scores within 3%
 * of the best count as ties, won by the fewest threads (they leave a core to the UI).
 *
 * <p>Then the lane count of the conv layers the same way, in one more JVM with one native thread
 * (see {@link LaneProbe}): a machine with one core, or one too busy for a second lane to pay, keeps
 * one lane. Lanes and native threads share the cores: with more lanes the thread count is cut to
 * the cores per lane ({@link #threads}).
 */
final class ThreadCalibration {

    private static final int STEPS = 300;
    private static final long TIMEOUT_SECONDS = 120;

    private final String java;
    private final String classPath;

    ThreadCalibration(String java, String classPath) {
        this.java = java;
        this.classPath = classPath;
    }

    /** Probes run with this JVM's java binary and class path. */
    static ThreadCalibration forThisJvm() {
        return new ThreadCalibration(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"));
    }

    /** The candidate counts for {@code cores} cores: 1, 2 and all of them. */
    static List<Integer> candidates(int cores) {
        TreeSet<Integer> counts = new TreeSet<>(List.of(1, Math.min(2, cores), cores));
        return new ArrayList<>(counts);
    }

    /**
     * Times every candidate count for {@code key}'s machine, giving up as soon as
     * {@code stillQuiet} turns false (checked before and after each probe): other work would skew
     * the timings.
     *
     * @throws java.util.concurrent.CancellationException when it gave up
     */
    ThreadCache.Entry run(MachineKey key, java.util.function.BooleanSupplier stillQuiet) {
        Map<String, Double> idle = new LinkedHashMap<>();
        Map<String, Double> loaded = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (int threads : candidates(key.cores())) {
            try {
                double quiet = quietly(stillQuiet, () -> probe(threads, false));
                double busy = quietly(stillQuiet, () -> probe(threads, true));
                String name = Integer.toString(threads);
                idle.put(name, quiet);
                loaded.put(name, busy);
                scores.put(name, (quiet + busy) / 2);
            } catch (IOException | RuntimeException e) {
                failures.add(threads + " threads: " + e.getMessage());
            }
        }
        if (scores.isEmpty()) {
            throw new IllegalStateException("could not time any thread count (" + String.join("; ", failures) + ")");
        }
        JsonObject lanes = key.cores() < 2 ? null : probeLanes(stillQuiet, key.cores());
        Map<String, Double> laneIdle = lanes == null ? Map.of() : micros(lanes.getAsJsonObject("lane_step_us"));
        Map<String, Double> laneLoaded = lanes == null ? Map.of() : micros(lanes.getAsJsonObject("loaded_lane_step_us"));
        Map<String, Double> laneScores = new LinkedHashMap<>();
        laneIdle.forEach((count, us) -> laneScores.put(count, (us + laneLoaded.getOrDefault(count, us)) / 2));
        int laneCount = laneScores.isEmpty() ? 1 : winner(laneScores);
        return new ThreadCache.Entry(key.cores(), key.cpu(), key.version(), threads(winner(scores), laneCount,
                key.cores()), idle, loaded, laneCount, laneIdle, laneLoaded, Instant.now().toString());
    }

    /**
     * The native thread count that goes with {@code lanes} lanes: the measured winner, but no more
     * than leaves each lane's products its own cores. Each lane calls OpenBLAS, and every call would
     * start the native threads; two lanes of two threads each on two cores fought over them (the
     * {@code cnn} preset's step took 20 ms against 15.6 with one lane and 9 with two lanes of one
     * thread), while for the tutorial MLP one thread and two were within the noise (370-420 us).
     */
    static int threads(int winner, int lanes, int cores) {
        return Math.max(1, Math.min(winner, cores / lanes));
    }

    private static Map<String, Double> micros(JsonObject byCount) {
        Map<String, Double> micros = new LinkedHashMap<>();
        if (byCount == null) {
            return micros;
        }
        byCount.entrySet().forEach(e -> micros.put(e.getKey(), e.getValue().getAsDouble()));
        return micros;
    }

    /**
     * The lane probe's result (step times by lane count, idle and loaded), or null when it could not
     * run: then the conv layers keep one lane.
     */
    private JsonObject probeLanes(java.util.function.BooleanSupplier stillQuiet, int cores) {
        String counts = String.join(",", candidates(cores).stream().map(String::valueOf).toList());
        try {
            // One native thread, so that each lane computes on its own core.
            return quietly(stillQuiet, () -> runChild(List.of(LaneProbe.class.getName(), counts), 1));
        } catch (IOException | IllegalStateException | com.google.gson.JsonParseException e) {
            return null;
        }
    }

    private interface Probe<T> {
        T run() throws IOException;
    }

    private static <T> T quietly(java.util.function.BooleanSupplier stillQuiet, Probe<T> probe) throws IOException {
        if (!stillQuiet.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("other work started");
        }
        T result = probe.run();
        if (!stillQuiet.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("other work started");
        }
        return result;
    }

    /** The fewest threads whose score is within 3% of the best. */
    static int winner(Map<String, Double> micros) {
        double fastest = micros.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        return micros.entrySet().stream()
                .filter(e -> e.getValue() <= fastest * 1.03)
                .mapToInt(e -> Integer.parseInt(e.getKey()))
                .min().orElseThrow();
    }

    /** Median microseconds per step in a child JVM with {@code threads} native threads. */
    double probe(int threads, boolean withLoad) throws IOException {
        List<String> args = new ArrayList<>(List.of(ThreadProbe.class.getName(), Integer.toString(STEPS)));
        if (withLoad) {
            args.add("--loaded");
        }
        return runChild(args, threads).get("step_us").getAsDouble();
    }

    /** Runs {@code mainAndArgs} in a child JVM with {@code threads} native threads; its last JSON line. */
    JsonObject runChild(List<String> mainAndArgs, int threads) throws IOException {
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath));
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(NativeThreads.ENV, Integer.toString(threads));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("{")) {
                    last = line;
                }
            }
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("the probe took longer than " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0 || last == null) {
            throw new IOException("the probe failed (exit code " + process.exitValue() + ")");
        }
        return JsonParser.parseString(last).getAsJsonObject();
    }
}
