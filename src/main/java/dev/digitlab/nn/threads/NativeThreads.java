package dev.digitlab.nn.threads;

import dev.digitlab.nn.cpu.Lanes;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;

/**
 * Chooses how many native (OpenMP/BLAS) threads ND4J uses, by measurement. On small machines
 * ND4J's default of one thread per core oversubscribes the cores and made training 2-4x slower;
 * which count is fastest depends on the machine, so {@link #calibrate} times training steps in
 * child JVMs started with each candidate count and caches the winner in
 * {@code ~/.digitlab/threads.json}, keyed by core count, CPU model and app version.
 *
 * <p>{@link #choose()} runs on every start (the launcher puts its answer into the child JVM's
 * {@code OMP_NUM_THREADS}), so it only reads the cache; until a calibration has run it answers
 * with a default: 1 thread up to 2 cores (measured: 1 beat 2 on the 2-core machines this was
 * built on, 0.44 vs 0.75 s per epoch), otherwise half the cores, at most 4 (an unmeasured guess).
 *
 * <p>The same calibration measures how many lanes the conv layers split a batch into (see
 * {@link dev.digitlab.nn.cpu.Lanes}), which {@link #chooseLanes()} reads; until it has run, one.
 */
public final class NativeThreads {

    /** The environment variable OpenMP (and OpenBLAS) read when the native library loads. */
    public static final String ENV = "OMP_NUM_THREADS";

    /**
     * The environment variable with the conv and dense layers' lane count: the launcher passes the
     * measured choice to the JVM it starts, as it does {@link #ENV}, so that the child need not read
     * the cache; set by hand it overrides the measurement.
     */
    public static final String LANES_ENV = "DIGITLAB_LANES";

    /** More threads than this in {@code OMP_NUM_THREADS} is no setting anyone meant. */
    static final int MAX_ENV_THREADS = 1024;

    private NativeThreads() {
    }

    /**
     * {@code OMP_NUM_THREADS} when it is set but is no thread count ({@code abc}, {@code 0},
     * {@code 100000}): ND4J's native library fails to start with it, so the launcher replaces it
     * and says so.
     */
    public static Optional<String> unusableEnv() {
        String env = System.getenv(ENV);
        return env != null && count(env).isEmpty() ? Optional.of(env) : Optional.empty();
    }

    /** {@code text} as a thread count from 1 to {@value #MAX_ENV_THREADS}, or empty. */
    static OptionalInt count(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            return n >= 1 && n <= MAX_ENV_THREADS ? OptionalInt.of(n) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The thread count for this machine: the cached measurement, or the default. */
    public static int choose() {
        return choose(ThreadCache.defaultFile());
    }

    /** As {@link #choose()}, with the cache in {@code cacheFile}. */
    public static int choose(Path cacheFile) {
        return measured(cacheFile, ThreadCache.Entry::threads).orElseGet(() -> defaultCount(MachineKey.current().cores()));
    }

    /** The count {@code pick} takes from this machine's cached measurement in {@code cacheFile}, if any. */
    private static OptionalInt measured(Path cacheFile, ToIntFunction<ThreadCache.Entry> pick) {
        MachineKey key = MachineKey.current();
        return new ThreadCache(cacheFile).read()
                .filter(entry -> entry.matches(key))
                .map(pick::applyAsInt)
                // Calibration picks from 1 to the core count; anything else was not measured here.
                .filter(n -> n > 0 && n <= key.cores())
                .map(OptionalInt::of)
                .orElseGet(OptionalInt::empty);
    }

    /**
     * The cached calibration for this machine, if any; one from before the lane count was measured
     * counts as none, so that it is measured again.
     */
    public static Optional<ThreadCache.Entry> cached() {
        MachineKey key = MachineKey.current();
        return new ThreadCache(ThreadCache.defaultFile()).read().filter(entry -> entry.matches(key) && entry.hasLanes());
    }

    /** Applies {@link #LANES_ENV} when it holds a lane count, else the measured count once it is needed. */
    static void applyLanes() {
        String env = System.getenv(LANES_ENV);
        OptionalInt lanes = env == null ? OptionalInt.empty() : count(env);
        if (lanes.isPresent() && lanes.getAsInt() <= Lanes.MAX) {
            Lanes.use(lanes.getAsInt());
        } else {
            Lanes.useWhenNeeded(NativeThreads::chooseLanes);
        }
    }

    /** The lane count for the conv layers on this machine: the cached measurement, or 1. */
    public static int chooseLanes() {
        return chooseLanes(ThreadCache.defaultFile());
    }

    /** As {@link #chooseLanes()}, with the cache in {@code cacheFile}. */
    public static int chooseLanes(Path cacheFile) {
        return measured(cacheFile, ThreadCache.Entry::lanes).orElse(1);
    }

    /** The count to use before anything was measured. */
    static int defaultCount(int cores) {
        return cores <= 2 ? 1 : Math.min(4, cores / 2);
    }

    /** The count in effect in this process: {@code OMP_NUM_THREADS} when set, else {@link #choose()}. */
    public static int current() {
        String env = System.getenv(ENV);
        return env == null ? choose() : count(env).orElseGet(NativeThreads::choose);
    }

    /**
     * Measures each candidate count (1 and the number of cores) in child JVMs, caches the winner
     * and returns the measurement. Takes a few seconds per candidate.
     *
     * @throws IllegalStateException when no probe could be run
     */
    public static ThreadCache.Entry calibrate() {
        return calibrate(() -> true);
    }

    /**
     * As {@link #calibrate()}, for a quiet moment that may end: gives up, caching nothing, as soon
     * as {@code stillQuiet} turns false (the app passes "no training or evaluation running").
     *
     * @throws java.util.concurrent.CancellationException when it gave up
     * @throws IllegalStateException when no probe could be run
     */
    public static ThreadCache.Entry calibrate(java.util.function.BooleanSupplier stillQuiet) {
        ThreadCache.Entry entry = ThreadCalibration.forThisJvm().run(MachineKey.current(), stillQuiet);
        new ThreadCache(ThreadCache.defaultFile()).write(entry);
        // Networks created from now on use the measured lanes; the thread count takes a new start.
        Lanes.use(chooseLanes());
        return entry;
    }

    /**
     * Runs {@link #calibrate} when this machine and build have no cached measurement yet; blocks for
     * a few seconds then. Meant for a quiet moment (other load skews the measurement).
     *
     * @return the new measurement, or empty when one was cached already
     */
    public static Optional<ThreadCache.Entry> calibrateIfNeeded() {
        return cached().isPresent() ? Optional.empty() : Optional.of(calibrate());
    }

    /**
     * For runs where {@code OMP_NUM_THREADS} was not in the environment when the JVM started (an
     * IDE, a plain {@code java} call), sets what can still be set from code: ND4J's thread limits,
     * OpenMP's and OpenBLAS's thread counts. This recovers only part of the difference (measured:
     * 1.80 vs 1.45 s per epoch), hence the launcher's relaunch. Sets nothing of ND4J's, and does not
     * load it, when the variable is set. In every case the layers get their lane count: {@link
     * #LANES_ENV} when it holds one, else the measured one ({@link #chooseLanes()}), read when the
     * first network is built.
     */
    public static void applyInProcess() {
        applyLanes();
        if (System.getenv(ENV) != null) {
            return;
        }
        int n = choose();
        org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxThreads(n);
        org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxMasterThreads(n);
        org.nd4j.linalg.factory.Nd4j.factory().blas().setMaxThreads(n);
        org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
    }
}
