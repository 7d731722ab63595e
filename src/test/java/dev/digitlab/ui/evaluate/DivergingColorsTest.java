package dev.digitlab.ui.evaluate;

import dev.digitlab.ui.evaluate.DivergingColors;
import dev.digitlab.ui.evaluate.DivergingColorsTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DivergingColorsTest {

    private static int red(int argb) {
        return argb >> 16 & 0xFF;
    }

    private static int blue(int argb) {
        return argb & 0xFF;
    }

    @Test
    void zeroIsWhiteAndTheEndsAreFullBlueAndRed() {
        assertEquals(0xFFFFFFFF, DivergingColors.argb(0, 1));
        assertEquals(0xFF2166AC, DivergingColors.argb(-2, 2));
        assertEquals(0xFFB2182B, DivergingColors.argb(0.5f, 0.5f));
    }

    @Test
    void theScaleIsSymmetricAndSaturatesBeyondIt() {
        int plus = DivergingColors.argb(0.3f, 1);
        int minus = DivergingColors.argb(-0.3f, 1);
        assertTrue(red(plus) > blue(plus), "positive is reddish");
        assertTrue(blue(minus) > red(minus), "negative is bluish");
        assertEquals(DivergingColors.argb(1, 1), DivergingColors.argb(50, 1));
        assertEquals(DivergingColors.argb(-1, 1), DivergingColors.argb(-50, 1));
    }

    @Test
    void strongerWeightsAreDarker() {
        int weak = DivergingColors.argb(0.2f, 1);
        int strong = DivergingColors.argb(0.8f, 1);
        int sum = (weak >> 16 & 0xFF) + (weak >> 8 & 0xFF) + (weak & 0xFF);
        int sumStrong = (strong >> 16 & 0xFF) + (strong >> 8 & 0xFF) + (strong & 0xFF);
        assertTrue(sumStrong < sum);
    }

    @Test
    void aZeroScaleDrawsWhiteInsteadOfFailing() {
        assertEquals(0xFFFFFFFF, DivergingColors.argb(0.5f, 0));
    }
}
