package dev.digitlab.nn;

/**
 * Chooses how many native (OpenMP/BLAS) threads ND4J uses. On small machines ND4J's default of
 * one thread per core oversubscribes the cores and makes training 2-4x slower.
 */
public final class NativeThreads {

    /** The environment variable OpenMP reads when the native library loads. */
    public static final String ENV = "OMP_NUM_THREADS";

    private NativeThreads() {
    }

    /** The thread count for this machine. */
    public static int choose() {
        return 1;
    }

    /** The count in effect: {@code OMP_NUM_THREADS} when set, else {@link #choose()}. */
    public static int current() {
        String env = System.getenv(ENV);
        if (env != null) {
            try {
                return Integer.parseInt(env.trim());
            } catch (NumberFormatException e) {
                // fall through to the chosen count
            }
        }
        return choose();
    }

    /** Applies the chosen count to what can still be set from inside a running JVM. */
    public static void applyInProcess() {
        // The nn issue completes this: ND4J environment and BLAS thread counts.
    }
}
