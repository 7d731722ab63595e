package dev.digitlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrainingChartsTest {

    @Test
    void theEpochAxisHasAboutTenTicksOnRoundNumbers() {
        assertEquals(1, TrainingCharts.tickUnit(2), 1e-12, "a short run still ticks every epoch");
        assertEquals(1, TrainingCharts.tickUnit(10), 1e-12);
        assertEquals(5, TrainingCharts.tickUnit(25), 1e-12);
        assertEquals(10, TrainingCharts.tickUnit(100), 1e-12);
        assertEquals(20, TrainingCharts.tickUnit(150), 1e-12);
    }

    @Test
    void theValueAxisHasFiveToTenTicksOnRoundNumbers() {
        assertEquals(10, TrainingCharts.yTickUnit(100), 1e-12, "accuracy 0 to 100 %");
        assertEquals(0.5, TrainingCharts.yTickUnit(2.5), 1e-12, "loss 0 to 2.5");
        assertEquals(2, TrainingCharts.yTickUnit(12), 1e-12, "accuracy 88 to 100 %");
    }
}
