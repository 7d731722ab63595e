package dev.digitlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.optim.OptimizerConfig;
import dev.digitlab.nn.Parameter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    private static final int SIDE = 28;

    /** A plus sign: a bar across and a bar down, 4 pixels wide, in the middle. */
    private static float[] plus() {
        float[] image = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                boolean across = y >= 12 && y < 16 && x >= 6 && x < 22;
                boolean down = x >= 12 && x < 16 && y >= 6 && y < 22;
                image[y * SIDE + x] = across || down ? 1f : 0f;
            }
        }
        return image;
    }

    private static float[] apply(Augmenter a, float[] image, long seed, int epoch, int position) {
        float[] out = new float[image.length];
        a.apply(image, 0, out, 0, SIDE, Augmenter.random(seed, epoch, position));
        return out;
    }

    private static double ink(float[] image) {
        double sum = 0;
        for (float v : image) {
            sum += v;
        }
        return sum;
    }

    private static double centreX(float[] image) {
        double sum = 0;
        for (int i = 0; i < image.length; i++) {
            sum += image[i] * (i % SIDE + 0.5);
        }
        return sum / ink(image);
    }

    @Test
    void skippingTheBlankGivesExactlyThePixelsOfSamplingEveryPixel() {
        // The oracle: the plain transform that samples every pixel and widens the pen everywhere.
        Augmenter standard = Augmenter.standard();
        float[] corner = new float[SIDE * SIDE];
        corner[0] = 1f;
        corner[SIDE * SIDE - 1] = 0.5f;
        for (float[] image : new float[][] {plus(), corner, new float[SIDE * SIDE]}) {
            for (int position = 0; position < 200; position++) {
                assertArrayEquals(everyPixel(standard, image, Augmenter.random(7, 1, position)),
                        apply(standard, image, 7, 1, position), "image " + position);
            }
        }
    }

    @Test
    void skippingTheBlankIsExactForWildChangesToo() {
        // Turned up to half a turn, halved or doubled, slanted by a whole pixel a row: the spans of
        // each row that can reach the ink are found for any map, including ones with a zero slope.
        Augmenter wild = new Augmenter(6, 180, 0.5, 2.0, 1.0, true);
        Augmenter upright = new Augmenter(6, 0, 1.0, 1.0, 0, true);
        float[] corner = new float[SIDE * SIDE];
        corner[SIDE - 1] = 1f;
        corner[SIDE * (SIDE - 1)] = 0.25f;
        for (Augmenter a : new Augmenter[] {wild, upright}) {
            for (float[] image : new float[][] {plus(), corner}) {
                for (int position = 0; position < 500; position++) {
                    assertArrayEquals(everyPixel(a, image, Augmenter.random(3, 0, position)),
                            apply(a, image, 3, 0, position), "image " + position);
                }
            }
        }
    }

    /** {@link Augmenter#apply} without its shortcut: the same draws, every pixel sampled and widened. */
    private static float[] everyPixel(Augmenter a, float[] src, java.util.SplittableRandom random) {
        double angle = Math.toRadians(draw(random, -a.maxRotation(), a.maxRotation()));
        double scale = draw(random, a.minScale(), a.maxScale());
        double shear = draw(random, -a.maxShear(), a.maxShear());
        double dx = draw(random, -a.maxShift(), a.maxShift());
        double dy = draw(random, -a.maxShift(), a.maxShift());
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        double c = -sin;
        double d = cos;
        double pa = cos - shear * c;
        double pb = sin - shear * d;
        double centre = SIDE / 2.0;
        float[] out = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            double oy = y + 0.5 - centre - dy;
            double ox0 = 0.5 - centre - dx;
            // Source points in 16.16 fixed point, as the augmenter takes them.
            int rowX = Augmenter.fixed(pa * ox0 + pb * oy + centre - 0.5);
            int rowY = Augmenter.fixed(c * ox0 + d * oy + centre - 0.5);
            for (int x = 0; x < SIDE; x++) {
                int sx = rowX + x * Augmenter.fixed(pa);
                int sy = rowY + x * Augmenter.fixed(c);
                int x0 = sx >> 16;
                int y0 = sy >> 16;
                float fx = (sx & 0xFFFF) / 65536f;
                float fy = (sy & 0xFFFF) / 65536f;
                out[y * SIDE + x] = (1 - fy) * ((1 - fx) * at(src, x0, y0) + fx * at(src, x0 + 1, y0))
                        + fy * ((1 - fx) * at(src, x0, y0 + 1) + fx * at(src, x0 + 1, y0 + 1));
            }
        }
        double pick = random.nextDouble();
        if (pick < 2 / 3.0) {
            boolean bolder = pick < 1 / 3.0;
            float amount = (float) (bolder ? random.nextDouble() : 0.6 * random.nextDouble());
            float[] before = out.clone();
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    float v = before[y * SIDE + x];
                    float m = v;
                    float[] n = {at(before, x + 1, y), at(before, x - 1, y), at(before, x, y + 1), at(before, x, y - 1)};
                    for (float k : n) {
                        m = bolder ? Math.max(m, k) : Math.min(m, k);
                    }
                    out[y * SIDE + x] = v + amount * (m - v);
                }
            }
        }
        return out;
    }

    private static double draw(java.util.SplittableRandom random, double from, double to) {
        return to > from ? from + (to - from) * random.nextDouble() : from;
    }

    private static float at(float[] image, int x, int y) {
        return x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0f : image[y * SIDE + x];
    }

    @Test
    void noChangeAtAllGivesTheImageBack() {
        Augmenter none = new Augmenter(0, 0, 1, 1, 0, false);
        assertArrayEquals(plus(), apply(none, plus(), 1, 0, 0));
    }

    @Test
    void theSameSeedEpochAndImageGiveTheSameChange() {
        Augmenter a = Augmenter.standard();
        assertArrayEquals(apply(a, plus(), 7, 2, 30), apply(a, plus(), 7, 2, 30));
        assertFalse(Arrays.equals(apply(a, plus(), 7, 2, 30), apply(a, plus(), 7, 2, 31)), "another image");
        assertFalse(Arrays.equals(apply(a, plus(), 7, 2, 30), apply(a, plus(), 7, 3, 30)), "another epoch");
        assertFalse(Arrays.equals(apply(a, plus(), 7, 2, 30), apply(a, plus(), 8, 2, 30)), "another seed");
    }

    @Test
    void aChangedDigitKeepsItsSizeAndMostOfItsInkInPlace() {
        Augmenter a = Augmenter.standard();
        double before = ink(plus());
        for (int position = 0; position < 200; position++) {
            float[] out = apply(a, plus(), 3, 0, position);
            assertEquals(SIDE * SIDE, out.length);
            for (float v : out) {
                assertTrue(v >= 0 && v <= 1.0001f, "ink stays in [0, 1]: " + v);
            }
            // Scale 0.85-1.1 changes the area by 0.72-1.21; a pen change adds or takes a little more.
            double ratio = ink(out) / before;
            assertTrue(ratio > 0.5 && ratio < 1.9, "ink kept: " + ratio);
            assertTrue(Math.abs(centreX(out) - SIDE / 2.0) <= 2.5, "moved at most the shift: " + centreX(out));
        }
    }

    @Test
    void aShiftMovesTheDigitAtMostThatFar() {
        Augmenter shiftOnly = new Augmenter(2, 0, 1, 1, 0, false);
        boolean moved = false;
        for (int position = 0; position < 50; position++) {
            double dx = centreX(apply(shiftOnly, plus(), 1, 0, position)) - SIDE / 2.0;
            assertTrue(Math.abs(dx) <= 2.0001, "shift " + dx);
            moved |= Math.abs(dx) > 0.5;
        }
        assertTrue(moved, "some images are shifted");
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Augmenter(-1, 0, 1, 1, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new Augmenter(0, 0, 1.2, 1.1, 0, false));
    }

    @Test
    void trainingWithAnAugmenterThatChangesNothingLearnsExactlyWhatPlainTrainingLearns() {
        // The batches are prepared on another thread: images and labels must still travel together.
        ModelSpec spec = ModelSpec.parse("16 -> 12 relu -> 10 softmax");
        TrainingConfig config = new TrainingConfig(2, 32, 0.2, 4, OptimizerConfig.adam(0.01, 0));
        Network plain = Network.create(spec, 2);
        Network piped = Network.create(spec, 2);
        TrainingResult a = Trainer.fit(plain, SyntheticDigits.dataset(600, 100), config, null);
        TrainingResult b = Trainer.fit(piped, SyntheticDigits.dataset(600, 100), null,
                new Augmenter(0, 0, 1, 1, 0, false), config, null);
        for (Parameter p : plain.parameters()) {
            assertArrayEquals(plain.parameterValues(p.name()), piped.parameterValues(p.name()), p.name());
        }
        assertEquals(a.history().get(1).valAccuracy(), b.history().get(1).valAccuracy());
        assertTrue(b.history().get(1).valAccuracy() > 0.5, "it learnt: " + b.history().get(1).valAccuracy());
    }

    @Test
    void augmentedTrainingIsRepeatableWithItsSeed() {
        ModelSpec spec = ModelSpec.parse("16 -> 12 relu -> 10 softmax");
        TrainingConfig config = new TrainingConfig(2, 32, 0.2, 9, OptimizerConfig.adam(0.01, 0));
        Network x = Network.create(spec, 2);
        Network y = Network.create(spec, 2);
        Network z = Network.create(spec, 2);
        Augmenter a = new Augmenter(1, 10, 0.9, 1.1, 0.1, true);
        Trainer.fit(x, SyntheticDigits.dataset(600, 100), null, a, config, null);
        Trainer.fit(y, SyntheticDigits.dataset(600, 100), null, a, config, null);
        Trainer.fit(z, SyntheticDigits.dataset(600, 100), null, null, config, null);
        assertArrayEquals(x.parameterValues("dense_0/W"), y.parameterValues("dense_0/W"));
        assertFalse(Arrays.equals(x.parameterValues("dense_0/W"), z.parameterValues("dense_0/W")),
                "augmentation changes what is learnt");
    }

    @Test
    void extraImagesAreAddedToTheTrainingImagesOnly() {
        ModelSpec spec = ModelSpec.parse("16 -> 12 relu -> 10 softmax");
        TrainingConfig config = new TrainingConfig(1, 32, 0.2, 9, OptimizerConfig.adam(0.01, 0));
        int[] batches = new int[1];
        Trainer.fit(Network.create(spec, 2), SyntheticDigits.dataset(600, 100), SyntheticDigits.images(160, 5), null,
                config, new TrainingListener() {
                    @Override
                    public void onStart(int epochs, int batchCount) {
                        batches[0] = batchCount;
                    }
                });
        assertEquals((480 + 160) / 32, batches[0], "480 MNIST images after the split, plus the 160 added");
    }
}
