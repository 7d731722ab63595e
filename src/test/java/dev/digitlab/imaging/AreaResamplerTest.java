package dev.digitlab.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AreaResamplerTest {

    /**
     * The oracle: every output pixel is the overlap area of its footprint with every source pixel,
     * computed directly in two dimensions (not separably), times that pixel's value, over the
     * footprint's area.
     */
    private static float[] bruteForce(float[] src, int w, int h, double sx, double sy, double left, double top,
                                      int outW, int outH) {
        float[] out = new float[outW * outH];
        for (int j = 0; j < outH; j++) {
            for (int i = 0; i < outW; i++) {
                double fx0 = (i - left) / sx;
                double fx1 = (i + 1 - left) / sx;
                double fy0 = (j - top) / sy;
                double fy1 = (j + 1 - top) / sy;
                double sum = 0;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double ox = Math.max(0, Math.min(fx1, x + 1) - Math.max(fx0, x));
                        double oy = Math.max(0, Math.min(fy1, y + 1) - Math.max(fy0, y));
                        sum += ox * oy * src[y * w + x];
                    }
                }
                out[j * outW + i] = (float) (sum / ((fx1 - fx0) * (fy1 - fy0)));
            }
        }
        return out;
    }

    @Test
    void matchesExactOverlapAreasWhenShrinkingEnlargingAndShifting() {
        Random random = new Random(3);
        float[] src = new float[13 * 9];
        for (int i = 0; i < src.length; i++) {
            src[i] = random.nextFloat();
        }
        AreaResampler resampler = new AreaResampler(11, 10);
        double[][] cases = {{0.37, 0.61, 1.3, 2.7}, {1.7, 0.9, -2.2, 0.45}, {2.5, 3.1, -4.6, -3.3}, {0.8, 0.8, 4.9, 8.2}};
        for (double[] c : cases) {
            float[] fast = resampler.resample(src, 13, 9, c[0], c[1], c[2], c[3]);
            assertArrayEquals(bruteForce(src, 13, 9, c[0], c[1], c[2], c[3], 11, 10), fast, 1e-5f,
                    "scale " + c[0] + "x" + c[1] + " at " + c[2] + "," + c[3]);
        }
    }

    @Test
    void onePixelLineOnABigCanvasKeepsItsInkInProportion() {
        float[] canvas = new float[560 * 560];
        for (int y = 0; y < 560; y++) {
            canvas[y * 560 + 301] = 1f;
        }
        float[] small = new AreaResampler(28, 28).resample(canvas, 560, 560, 0.05, 0.05, 0, 0);
        double scale = 28.0 / 560;
        assertEquals(560 * scale * scale, Measure.sum(small), 1e-4);
        for (int y = 0; y < 28; y++) {
            assertEquals(0.05f, small[y * 28 + 15], 1e-6f, "the line shows, faint, in column 301/20 = 15");
        }
    }

    @Test
    void uniformInkStaysUniformWhereItCoversTheOutput() {
        float[] grey = new float[100 * 70];
        java.util.Arrays.fill(grey, 0.6f);
        float[] out = new AreaResampler(28, 28).resample(grey, 100, 70, 0.2, 0.2, 4, 7);
        // Source spans columns 4..24 and rows 7..21 of the output exactly.
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float expected = x >= 4 && x < 24 && y >= 7 && y < 21 ? 0.6f : 0f;
                assertEquals(expected, out[y * 28 + x], 1e-6f, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void inkPushedPastTheEdgeIsClipped() {
        float[] ink = new float[10 * 10];
        java.util.Arrays.fill(ink, 1f);
        float[] out = new AreaResampler(28, 28).resample(ink, 10, 10, 1, 1, 23.5, -5);
        assertEquals(4.5 * 5, Measure.sum(out), 1e-5, "only the part inside the field remains");
    }

    @Test
    void rejectsScalesThatAreNotPositive() {
        AreaResampler resampler = new AreaResampler(28, 28);
        assertThrows(IllegalArgumentException.class, () -> resampler.resample(new float[4], 2, 2, 0, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> resampler.resample(new float[4], 2, 2, 1, Double.NaN, 0, 0));
    }
}
