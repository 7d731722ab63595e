package dev.digitlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** ND4J's backend starts on the FX thread, and only once the window has been painted. */
class PaintedFxThreadTest {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private Stage stage;

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            WaitForAsyncUtils.asyncFx(stage::close).get(5, TimeUnit.SECONDS);
        }
    }

    private Runnable step(String name) {
        return () -> events.add(name + (Platform.isFxApplicationThread() ? " on the FX thread" : " elsewhere"));
    }

    @Test
    void stepsGivenBeforeTheFirstFrameRunOnTheFxThreadAfterIt() throws Exception {
        PaintedFxThread fx = new PaintedFxThread();
        fx.execute(step("early step")); // as from ND4J's start, before JavaFX is even up
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        assertEquals(List.of(), events);
        WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            stage.setScene(new Scene(new Label("DigitLab"), 200, 100));
            stage.show();
            fx.watch(() -> events.add("painted"));
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> events.size() == 2);
        assertEquals(List.of("painted", "early step on the FX thread"), events);

        fx.execute(step("later step"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> events.size() == 3);
        assertEquals("later step on the FX thread", events.get(2));
    }

    @Test
    void onlyTheFxThreadIsThePlaceItself() throws Exception {
        PaintedFxThread fx = new PaintedFxThread();
        assertFalse(fx.isCurrent());
        assertTrue(WaitForAsyncUtils.asyncFx(fx::isCurrent).get(5, TimeUnit.SECONDS));
    }
}
