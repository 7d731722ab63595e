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
        return new ThreadCache.Entry(key.cores(), key.cpu(), key.version(), winner(scores), idle, loaded,
                Instant.now().toString());
    }

    private interface Probe {
        double run() throws IOException;
    }

    private static double quietly(java.util.function.BooleanSupplier stillQuiet, Probe probe) throws IOException {
        if (!stillQuiet.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("other work started");
        }
        double micros = probe.run();
        if (!stillQuiet.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("other work started");
        }
        return micros;
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
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, ThreadProbe.class.getName(),
                Integer.toString(STEPS)));
        if (withLoad) {
            command.add("--loaded");
        }
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
        JsonObject result = JsonParser.parseString(last).getAsJsonObject();
        return result.get("step_us").getAsDouble();
    }
}
