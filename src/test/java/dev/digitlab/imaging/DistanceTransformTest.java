package dev.digitlab.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DistanceTransformTest {

    @Test
    void matchesBruteForceNearestMarkedPixel() {
        Random random = new Random(5);
        int w = 37;
        int h = 23;
        for (double density : new double[] {0.005, 0.05, 0.5}) {
            boolean[] marked = new boolean[w * h];
            for (int i = 0; i < marked.length; i++) {
                marked[i] = random.nextDouble() < density;
            }
            marked[random.nextInt(marked.length)] = true;
            float[] fast = DistanceTransform.squared(marked, w, h);
            for (int p = 0; p < marked.length; p++) {
                long best = Long.MAX_VALUE;
                for (int q = 0; q < marked.length; q++) {
                    if (marked[q]) {
                        long dx = p % w - q % w;
                        long dy = p / w - q / w;
                        best = Math.min(best, dx * dx + dy * dy);
                    }
                }
                assertEquals(best, fast[p], 1e-3, "pixel " + p + " at density " + density);
            }
        }
    }

    @Test
    void nothingMarkedIsFarEverywhere() {
        float[] d = DistanceTransform.squared(new boolean[12], 4, 3);
        for (float v : d) {
            assertEquals(DistanceTransform.FAR, v, DistanceTransform.FAR * 1e-3);
        }
    }
}
