package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.BarDigits;

import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import java.util.SplittableRandom;

/**
 * Small generated 28x28 data sets a tiny network learns in a few epochs: class c is a bright
 * horizontal bar on rows 3+2c and 4+2c, over faint noise.
 */
public final class BarDigits {

    static final int SIDE = 28;

    private BarDigits() {
    }

    public static ImageSet images(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int pixels = SIDE * SIDE;
        float[] values = new float[count * pixels];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(10);
            labels[i] = (byte) label;
            int offset = i * pixels;
            for (int p = 0; p < pixels; p++) {
                values[offset + p] = (float) (random.nextDouble() * 0.3);
            }
            for (int row = 3 + 2 * label; row <= 4 + 2 * label; row++) {
                for (int col = 2; col < SIDE - 2; col++) {
                    values[offset + row * SIDE + col] = 1f;
                }
            }
        }
        return new ImageSet(values, labels, SIDE, SIDE);
    }

    /** 600 training and 200 test images. */
    public static MnistDataset dataset() {
        return new MnistDataset("bars", "none", images(600, 1), images(200, 2));
    }
}
