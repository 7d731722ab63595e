package dev.digitlab.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GrayImageTest {

    @Test
    void rejectsAValueOutsideZeroToOneNamingThePixel() {
        float[] values = new float[6];
        values[4] = 1.5f;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GrayImage(3, 2, values));
        assertEquals("pixel (1,1) is 1.5, outside [0,1]", e.getMessage());
    }

    @Test
    void rejectsNotANumber() {
        float[] values = {0f, Float.NaN};
        assertThrows(IllegalArgumentException.class, () -> new GrayImage(2, 1, values));
    }

    @Test
    void rejectsValuesThatDoNotFillTheImage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GrayImage(3, 3, new float[8]));
        assertEquals("8 values do not fill a 3x3 image", e.getMessage());
    }

    @Test
    void valuesAreACopy() {
        GrayImage image = GrayImage.filled(2, 2, 0.5f);
        image.values()[0] = 1f;
        assertEquals(0.5f, image.value(0, 0));
    }

    @Test
    void valueReadsColumnThenRow() {
        GrayImage image = new GrayImage(3, 2, new float[] {0, 0, 0, 0, 0, 0.25f});
        assertEquals(0.25f, image.value(2, 1));
    }

    @Test
    void argbPixelsBecomeLumaWithTransparencyOverWhite() {
        GrayImage image = GrayImage.fromArgb(4, 1, new int[] {0xff000000, 0xffffffff, 0x00000000, 0x80000000});
        assertEquals(0f, image.value(0, 0));
        assertEquals(1f, image.value(1, 0), 1e-6f);
        assertEquals(1f, image.value(2, 0), "fully transparent is paper");
        assertEquals(1 - 128 / 255f, image.value(3, 0), 1e-6f, "half-transparent black is grey");
    }
}
