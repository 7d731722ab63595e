package dev.digitlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MnistDatasetTest {

    /** 10 one-pixel images whose pixel value tells their original position. */
    private static MnistDataset numbered(int n) {
        float[] pixels = new float[n];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            pixels[i] = i;
            labels[i] = (byte) (i % 10);
        }
        ImageSet set = new ImageSet(pixels, labels, 1, 1);
        return new MnistDataset("custom", "sha", set, set);
    }

    @Test
    void splitTakesTheLastFifth() {
        MnistDataset.TrainValidation split = numbered(10).split(0.2);

        assertEquals(8, split.train().size());
        assertEquals(2, split.validation().size());
        assertEquals(0f, split.train().image(0)[0]);
        assertEquals(7f, split.train().image(7)[0]);
        assertEquals(8f, split.validation().image(0)[0]);
        assertEquals(9f, split.validation().image(1)[0]);
        assertEquals(9, split.validation().label(1));
    }

    @Test
    void splitRoundsTheTrainingPartDownAsKerasDoes() {
        // Keras: split_at = int(7 * 0.8) = 5
        MnistDataset.TrainValidation split = numbered(7).split(0.2);

        assertEquals(5, split.train().size());
        assertEquals(2, split.validation().size());
    }

    @Test
    void mnistSplitGives48000And12000() {
        MnistDataset.TrainValidation split = numbered(60_000).split(0.2);

        assertEquals(48_000, split.train().size());
        assertEquals(12_000, split.validation().size());
        assertEquals(48_000f, split.validation().image(0)[0]);
    }

    @Test
    void splitOutsideZeroToOneIsRefused() {
        MnistDataset data = numbered(10);

        assertThrows(IllegalArgumentException.class, () -> data.split(1.0));
        assertThrows(IllegalArgumentException.class, () -> data.split(-0.1));
        assertThrows(IllegalArgumentException.class, () -> data.split(Double.NaN));
    }
}
