package dev.digitlab.app;

import dev.digitlab.nn.cpu.NdStart;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.shape.Rectangle;

/**
 * The FX thread, once the window's first frame is painted, as the place where ND4J's backend
 * starts ({@link NdStart}). Why there: that step must not run while another thread loads a native
 * library, and JavaFX loads its libraries as the window appears (graphics, fonts, effects) and
 * afterwards on the FX thread, in answer to the user (a file dialog). While the FX thread runs the
 * step it answers nothing, and the renderer has finished every frame it was given (a one-pixel
 * snapshot, rendered after them, is waited for), so nothing else loads a library. The step takes
 * 0.03-0.08 s, after the window is on the screen.
 *
 * <p>Steps given before the first frame wait for it. Use {@link #watch} once, on the FX thread,
 * when the window is shown.
 */
final class PaintedFxThread implements NdStart.Place {

    /** Pulses to see: the frame of the first pulse has been rendered when the second comes. */
    private static final int PULSES = 2;

    private final List<Runnable> waiting = new ArrayList<>();
    private boolean painted;

    @Override
    public void execute(Runnable step) {
        synchronized (waiting) {
            if (!painted) {
                waiting.add(step);
                return;
            }
        }
        Platform.runLater(() -> runQuietly(step));
    }

    @Override
    public boolean isCurrent() {
        return Platform.isFxApplicationThread();
    }

    /**
     * Counts the window's pulses until its first frame is painted, then calls {@code onPainted} and
     * runs the steps that waited. Call on the FX thread once the window is shown.
     */
    void watch(Runnable onPainted) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == PULSES) {
                    stop();
                    Platform.runLater(() -> paintedNow(onPainted));
                }
            }
        }.start();
    }

    private void paintedNow(Runnable onPainted) {
        waitForRenderer();
        List<Runnable> steps;
        synchronized (waiting) {
            painted = true;
            steps = new ArrayList<>(waiting);
            waiting.clear();
        }
        onPainted.run();
        // A turn of the event loop first: it sends the rendered frame to the screen.
        Platform.runLater(() -> steps.forEach(PaintedFxThread::runQuietly));
    }

    private static void runQuietly(Runnable step) {
        waitForRenderer();
        step.run();
    }

    /**
     * Returns once the renderer has finished the frames it was given: a snapshot is rendered on the
     * render thread after them, and waited for.
     */
    private static void waitForRenderer() {
        new Rectangle(1, 1).snapshot(null, null);
    }
}
