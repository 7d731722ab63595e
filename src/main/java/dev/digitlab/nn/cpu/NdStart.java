package dev.digitlab.nn.cpu;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J on a background thread, so that work which does not need it overlaps with it.
 *
 * <p>Why: the first use of ND4J in a JVM loads its native libraries and some two thousand
 * classes (its op table alone has hundreds), measured at 0.43-0.51 s here; reading the shipped
 * model's JSON, checksums and base64 takes another 0.1-0.2 s in a fresh JVM and needs no ND4J.
 * Done one after the other the first load took 0.55-0.67 s; side by side it takes the longer
 * of the two. There is one ND4J per process, so there is one start: the first call begins it,
 * later calls return the same future.
 */
public final class NdStart {

    private static CompletableFuture<Void> started;

    private NdStart() {
    }

    /** Begins starting ND4J on a daemon thread, once per process; returns at once. */
    public static synchronized CompletableFuture<Void> begin() {
        if (started == null) {
            started = new CompletableFuture<>();
            Thread thread = new Thread(NdStart::start, "nd4j-start");
            thread.setDaemon(true);
            thread.start();
        }
        return started;
    }

    /**
     * Waits until ND4J has started (beginning the start if nobody has).
     *
     * @throws IllegalStateException when ND4J could not start here (e.g. no native library for
     *                               this platform), with ND4J's own error as the cause
     */
    public static void await() {
        try {
            begin().join();
        } catch (CompletionException e) {
            throw new IllegalStateException("ND4J could not start: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void start() {
        try {
            // The first array loads the backend and its native library; the product loads OpenBLAS's
            // bindings, which Blas calls directly and which are a second native library.
            Blas.gemm(Nd4j.ones(DataType.FLOAT, 1, 1), false, Nd4j.ones(DataType.FLOAT, 1, 1), false,
                    Nd4j.zeros(DataType.FLOAT, 1, 1), 1, 0);
            started.complete(null);
        } catch (Throwable e) {
            started.completeExceptionally(e);
        }
    }
}
