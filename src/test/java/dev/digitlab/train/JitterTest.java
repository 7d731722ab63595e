package dev.digitlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The small random changes a user's drawing gets each time it is taught. */
class JitterTest {

    /** A 28x28 picture with a bar through its middle. */
    private static float[] bar() {
        float[] p = new float[784];
        for (int y = 6; y < 22; y++) {
            p[y * 28 + 13] = 1f;
            p[y * 28 + 14] = 1f;
        }
        return p;
    }

    private static double ink(float[] p) {
        double sum = 0;
        for (float v : p) {
            sum += v;
        }
        return sum;
    }

    @Test
    void noJitterCopiesThePicture() {
        float[] out = new float[784];

        Jitter.NONE.apply(bar(), 0, out, 0, 28, new SplittableRandom(1));

        assertArrayEquals(bar(), out);
    }

    @Test
    void aJitteredPictureMovesButKeepsAboutItsInk() {
        Jitter jitter = new Jitter(12, 0.12, 1.5);
        float[] out = new float[784];

        jitter.apply(bar(), 0, out, 0, 28, new SplittableRandom(7));

        assertFalse(Arrays.equals(bar(), out));
        // A scale of at most 12% along both axes changes the ink by at most (1 - 0.88^2), about 23%.
        assertEquals(ink(bar()), ink(out), 0.25 * ink(bar()));
    }

    @Test
    void theSameSeedGivesTheSameJitter() {
        Jitter jitter = new Jitter(12, 0.12, 1.5);
        float[] a = new float[784];
        float[] b = new float[784];

        jitter.apply(bar(), 0, a, 0, 28, new SplittableRandom(3));
        jitter.apply(bar(), 0, b, 0, 28, new SplittableRandom(3));

        assertArrayEquals(a, b);
    }

    @Test
    void boundsMustMakeSense() {
        assertThrows(IllegalArgumentException.class, () -> new Jitter(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Jitter(0, 1, 0));
    }
}
