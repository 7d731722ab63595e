package dev.digitlab;

import dev.digitlab.nn.cpu.NdStart;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts ND4J once, before any test, so that its backend never starts while JavaFX (started by the
 * UI tests) loads its native libraries: JavaCPP calls {@code dlopen} inside a
 * {@code dl_iterate_phdr} callback, and a {@code dlopen} on another thread at that moment
 * deadlocks both (see {@link NdStart}; the app starts the backend on the FX thread instead).
 * Registered in {@code META-INF/services}. When ND4J cannot start, the tests that need it say so
 * themselves.
 */
public final class Nd4jFirst implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            NdStart.await();
        } catch (IllegalStateException e) {
            System.err.println("Nd4jFirst: " + e.getMessage());
        }
    }
}
