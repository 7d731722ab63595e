package dev.digitlab.nn.cpu;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J on a background thread, in two steps, so that work which does not need it (the app's
 * window, reading a model file) overlaps with it.
 *
 * <ol>
 *   <li>Its native libraries: unpacked into JavaCPP's cache on the first start (about 400 MB,
 *       1.3-1.5 s here), then loaded (0.1 s). Only {@code dlopen}: safe beside other threads
 *       that load native libraries.</li>
 *   <li>Its backend, the rest of the first use (0.03-0.08 s). Not safe beside them: ND4J looks up
 *       OpenBLAS's functions with JavaCPP's {@code Loader.addressof}, which calls {@code dlopen}
 *       inside a {@code dl_iterate_phdr} callback, holding one of glibc's loader locks; a
 *       {@code dlopen} of a new library on another thread at that moment (JavaFX loading its font
 *       or graphics libraries) takes the two locks in the other order, and both threads wait for
 *       ever. Seen as a window that never appeared, about one start in three, when ND4J started
 *       while JavaFX started. So this step runs where {@link #backendOn} says no other thread loads
 *       libraries: by default on the background thread right after the libraries (the command
 *       line, tests); in the app on the FX thread once the window is painted.</li>
 * </ol>
 *
 * <p>There is one ND4J per process, so there is one start: the first call begins it, later calls
 * return the same future. Code that uses ND4J calls {@link #await} first (the network does), so
 * no other thread ever starts ND4J's backend on its own.
 */
public final class NdStart {

    /**
     * A thread on which the backend step may run, because nothing else loads native libraries while
     * that thread is busy with it.
     */
    public interface Place extends Executor {

        /** Whether the calling thread is this place's thread (then {@link #await} runs the step itself). */
        boolean isCurrent();
    }

    /** The classes whose initialisation loads the native libraries (and runs nothing else of ND4J). */
    private static final String[] LIBRARY_CLASSES = {
        "org.bytedeco.openblas.global.openblas_nolapack",
        "org.bytedeco.openblas.global.openblas",
        "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu",
    };

    private static final Start PROCESS = new Start(NdStart::loadLibraries, NdStart::startBackend);

    private NdStart() {
    }

    /**
     * Makes the backend step run on {@code place} instead of the background thread. Call before
     * anything begins the start.
     *
     * @return whether the place was taken (false: the start had begun already, and stays as it is)
     */
    public static boolean backendOn(Place place) {
        return PROCESS.backendOn(place);
    }

    /** Begins starting ND4J on a daemon thread, once per process; returns at once. */
    public static CompletableFuture<Void> begin() {
        return PROCESS.begin();
    }

    /**
     * Waits until ND4J has started (beginning the start if nobody has).
     *
     * @throws IllegalStateException when ND4J could not start here (e.g. no native library for
     *                               this platform), with ND4J's own error as the cause
     */
    public static void await() {
        PROCESS.await();
    }

    private static void loadLibraries() {
        ClassLoader loader = NdStart.class.getClassLoader();
        for (String name : LIBRARY_CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    private static void startBackend() {
        // The first array starts the backend; the product warms OpenBLAS's bindings, which Blas calls directly.
        Blas.gemm(Nd4j.ones(DataType.FLOAT, 1, 1), false, Nd4j.ones(DataType.FLOAT, 1, 1), false,
                Nd4j.zeros(DataType.FLOAT, 1, 1), 1, 0);
    }

    /** One start in two steps: the libraries on a background thread, then the backend where it is allowed. */
    static final class Start {

        private final Runnable libraries;
        private final Runnable backend;
        private final CompletableFuture<Void> librariesLoaded = new CompletableFuture<>();
        private final CompletableFuture<Void> started = new CompletableFuture<>();
        private final AtomicBoolean backendClaimed = new AtomicBoolean();
        private volatile Place place;
        private boolean begun;

        Start(Runnable libraries, Runnable backend) {
            this.libraries = libraries;
            this.backend = backend;
        }

        synchronized boolean backendOn(Place backendPlace) {
            if (begun) {
                return false;
            }
            place = backendPlace;
            return true;
        }

        synchronized CompletableFuture<Void> begin() {
            if (!begun) {
                begun = true;
                Thread thread = new Thread(this::run, "nd4j-start");
                thread.setDaemon(true);
                thread.start();
            }
            return started;
        }

        /** On the backend's place itself, runs the backend step at once rather than wait for a turn that cannot come. */
        void await() {
            begin();
            Place backendPlace = place;
            if (!started.isDone() && backendPlace != null && backendPlace.isCurrent()) {
                librariesLoaded.join();
                startBackend();
            }
            try {
                started.join();
            } catch (CompletionException e) {
                throw new IllegalStateException("ND4J could not start: " + e.getCause().getMessage(), e.getCause());
            }
        }

        private void run() {
            try {
                libraries.run();
            } catch (RuntimeException | LinkageError e) {
                // The backend step tries again, and fails with ND4J's own words for it.
            }
            librariesLoaded.complete(null);
            Place backendPlace = place;
            if (backendPlace == null) {
                startBackend();
            } else {
                backendPlace.execute(this::startBackend);
            }
        }

        /** The backend step, once, on whichever allowed thread gets there first. */
        private void startBackend() {
            if (!backendClaimed.compareAndSet(false, true)) {
                return;
            }
            try {
                backend.run();
                started.complete(null);
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        }
    }
}
