package dev.digitlab.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InkLevelsTest {

    @Test
    void blackInkOnWhitePaperIsDarkInk() {
        InkLevels levels = InkLevels.detect(Glyph.SEVEN.draw(100, 100, 10, 10, 80, 6, true));
        assertTrue(levels.darkInkOnLight());
        assertEquals(1f, levels.ink(0f));
        assertEquals(0f, levels.ink(1f));
    }

    @Test
    void whiteInkOnBlackIsLightInkAsInMnist() {
        InkLevels levels = InkLevels.detect(Glyph.SEVEN.draw(100, 100, 10, 10, 80, 6, false));
        assertFalse(levels.darkInkOnLight());
        assertEquals(0.25f, levels.ink(0.25f));
    }

    @Test
    void strokesRunningOffTheEdgeDoNotFoolTheBackground() {
        // A thick bar across the whole width touches the left and right border on many rows.
        float[] values = GrayImage.filled(50, 50, 1f).values();
        for (int y = 10; y < 30; y++) {
            for (int x = 0; x < 50; x++) {
                values[y * 50 + x] = 0f;
            }
        }
        InkLevels levels = InkLevels.detect(new GrayImage(50, 50, values));
        assertEquals(1f, levels.background());
        assertTrue(levels.darkInkOnLight());
    }

    @Test
    void greyPaperAndGreyPenSpanTheFullInkRange() {
        float[] values = GrayImage.filled(20, 20, 0.8f).values();
        values[10 * 20 + 10] = 0.3f;
        InkLevels levels = InkLevels.detect(new GrayImage(20, 20, values));
        assertEquals(1f, levels.ink(0.3f), 1e-6f);
        assertEquals(0.5f, levels.ink(0.55f), 1e-6f);
        assertEquals(0f, levels.ink(0.9f), "paper lighter than the border is still no ink");
    }

    @Test
    void blankPictureHasNoContrastAndNoInk() {
        InkLevels levels = InkLevels.detect(GrayImage.filled(10, 10, 0.7f));
        assertEquals(0f, levels.contrast());
        assertEquals(0f, levels.ink(0.7f));
    }
}
