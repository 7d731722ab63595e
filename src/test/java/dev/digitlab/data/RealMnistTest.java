package dev.digitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real MNIST, read through the normal lookup, holds what the published data set holds. */
class RealMnistTest {

    private static MnistDataset mnist;

    @BeforeAll
    static void load() {
        mnist = TestData.mnist();
    }

    @Test
    void isRecognisedAsMnist() {
        assertEquals("MNIST", mnist.name());
    }

    @Test
    void has60000TrainingAnd10000TestImagesOf28By28() {
        assertEquals(60_000, mnist.train().size());
        assertEquals(10_000, mnist.test().size());
        assertEquals(28, mnist.train().rows());
        assertEquals(28, mnist.test().cols());
    }

    @Test
    void trainingDigitsHaveThePublishedCounts() {
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                mnist.train().classCounts());
    }

    @Test
    void firstLabelsAreTheKnownOnes() {
        int[] train = new int[10];
        int[] test = new int[10];
        for (int i = 0; i < 10; i++) {
            train[i] = mnist.train().label(i);
            test[i] = mnist.test().label(i);
        }
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, train);
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, test);
    }

    @Test
    void pixelsSpanZeroToOne() {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        float[] image = new float[mnist.train().imageSize()];
        for (int i = 0; i < mnist.train().size(); i++) {
            mnist.train().copyImage(i, image, 0);
            for (float p : image) {
                min = Math.min(min, p);
                max = Math.max(max, p);
            }
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }
}
