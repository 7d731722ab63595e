package dev.digitlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.ui.shell.WindowPlacement.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    private static final Box LAPTOP = new Box(0, 0, 1920, 1040);
    private static final Box RIGHT_MONITOR = new Box(1920, 0, 2560, 1400);

    private static Box fit(Box saved, Box... screens) {
        return WindowPlacement.fit(saved, List.of(screens), 640, 480);
    }

    @Test
    void aWindowSavedFarOffScreenComesBackOntoTheScreen() {
        Box placed = fit(new Box(-5000, 100, 1100, 760), LAPTOP);
        assertEquals(new Box(Double.NaN, Double.NaN, 1100, 760), placed, "placed by the system on the primary screen");
    }

    @Test
    void aWindowHalfOffTheEdgeIsMovedFullyOntoItsScreen() {
        assertEquals(new Box(820, 280, 1100, 760), fit(new Box(1500, 900, 1100, 760), LAPTOP));
    }

    @Test
    void aHugeSavedSizeIsCutToTheScreen() {
        Box placed = fit(new Box(10, 10, 1e9, 1e9), LAPTOP);
        assertEquals(new Box(0, 0, 1920, 1040), placed);
        Box unplaced = fit(new Box(Double.NaN, Double.NaN, Double.POSITIVE_INFINITY, 760), LAPTOP);
        assertEquals(1920, unplaced.width());
    }

    @Test
    void aWindowLeftOnAMonitorThatWasUnpluggedOpensOnTheOneThatIsLeft() {
        Box saved = new Box(2500, 200, 1400, 900);
        assertEquals(saved, fit(saved, LAPTOP, RIGHT_MONITOR), "both screens there: where it was");
        Box placed = fit(saved, LAPTOP);
        assertTrue(Double.isNaN(placed.x()) && Double.isNaN(placed.y()), placed.toString());
        assertEquals(1400, placed.width());
    }

    @Test
    void aTinySavedSizeGrowsToTheSmallestUsefulWindow() {
        assertEquals(new Box(100, 100, 640, 480), fit(new Box(100, 100, 1, 1), LAPTOP));
    }
}
