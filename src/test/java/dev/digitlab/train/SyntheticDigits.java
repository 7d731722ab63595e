package dev.digitlab.train;

import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import java.util.SplittableRandom;

/** Small generated data sets: class c lights pixel c of a 4x4 image, over uniform noise. */
final class SyntheticDigits {

    static final int SIDE = 4;

    private SyntheticDigits() {
    }

    static ImageSet images(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int pixels = SIDE * SIDE;
        float[] values = new float[count * pixels];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(10);
            labels[i] = (byte) label;
            for (int p = 0; p < pixels; p++) {
                values[i * pixels + p] = (float) (random.nextDouble() * 0.5);
            }
            values[i * pixels + label] = 1f;
        }
        return new ImageSet(values, labels, SIDE, SIDE);
    }

    static MnistDataset dataset(int train, int test) {
        return new MnistDataset("synthetic", "none", images(train, 1), images(test, 2));
    }
}
