package dev.digitlab.ui.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PulseLogTest {

    @AfterEach
    void switchOff() {
        System.clearProperty(PulseMonitor.PROPERTY);
    }

    @Test
    void noPulseLogRunsUnlessThePropertyAsksForIt() throws Exception {
        System.clearProperty(PulseMonitor.PROPERTY);
        assertTrue(WaitForAsyncUtils.asyncFx(() -> PulseLog.ifEnabled(PulseLogTest.class).isEmpty()).get());
        System.setProperty(PulseMonitor.PROPERTY, "true");
        assertTrue(WaitForAsyncUtils.asyncFx(() -> PulseLog.ifEnabled(PulseLogTest.class).isPresent()).get());
    }

    @Test
    void everyChangeIsOfferedToTheLineMaker() throws Exception {
        System.setProperty(PulseMonitor.PROPERTY, "true");
        SimpleStringProperty phase = new SimpleStringProperty("idle");
        List<String> asked = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> PulseLog.ifEnabled(PulseLogTest.class).orElseThrow()
                .restartWhen(phase, "training")
                .logWhen(phase, (old, now) -> {
                    asked.add(old + "->" + now);
                    return "training".equals(old) ? "run ended" : null;
                })).get();
        WaitForAsyncUtils.asyncFx(() -> {
            phase.set("training");
            phase.set("idle");
        }).get();
        assertEquals(List.of("idle->training", "training->idle"), asked);
    }
}
