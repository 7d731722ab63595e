package dev.digitlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.digitlab.nn.ModelSpec;
import dev.digitlab.train.TrainedModel;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A model file written by the first version of the format, committed with the tests: every later
 * DigitLab must read it and predict what it predicted then. A format change that breaks old
 * files fails here. (Made by {@link GoldenModelFile}.)
 */
class GoldenModelTest {

    private static final String RESOURCE = "/dev/digitlab/io/golden-784-16-10.json";

    /** Three fixed drawings: a blank field, a vertical stroke (a "1") and a ring (a "0"). */
    static float[][] inputs() {
        float[] blank = new float[784];
        float[] stroke = new float[784];
        float[] ring = new float[784];
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                if (r >= 4 && r < 24 && (c == 13 || c == 14)) {
                    stroke[r * 28 + c] = 1f;
                }
                double d = Math.hypot(r - 13.5, c - 13.5);
                if (d >= 6 && d <= 9) {
                    ring[r * 28 + c] = 1f;
                }
            }
        }
        return new float[][] {blank, stroke, ring};
    }

    /** What the model predicted for {@link #inputs()} when the file was made. */
    private static final float[][] EXPECTED = {
        {0.095614f, 0.10563903f, 0.10256245f, 0.09770459f, 0.10678787f, 0.1004657f, 0.097446516f, 0.0977406f,
            0.091375865f, 0.10466337f},
        {0.027026452f, 0.3406762f, 0.2134947f, 0.0665279f, 0.041682214f, 0.1213974f, 0.059841f, 0.023022413f,
            0.04392643f, 0.062405303f},
        {0.8499986f, 0.0042748284f, 0.024975711f, 0.020984966f, 0.001483996f, 0.029176477f, 0.033991534f,
            0.008601128f, 0.025998391f, 5.1439775E-4f},
    };

    private TrainedModel load() throws Exception {
        try (InputStream in = GoldenModelTest.class.getResourceAsStream(RESOURCE)) {
            return new ModelReader().load(in, RESOURCE, "golden");
        }
    }

    @Test
    void goldenFileStillLoadsWithItsHeader() throws Exception {
        ModelHeader header;
        try (InputStream in = GoldenModelTest.class.getResourceAsStream(RESOURCE)) {
            header = new ModelReader().readHeader(in, RESOURCE);
        }
        assertEquals(1, header.formatVersion());
        assertEquals(ModelSpec.parse("784 -> 16 relu -> 10 softmax"), header.spec());
        assertEquals(7, header.initSeed());
        assertEquals(2, header.history().size());
        assertEquals("MNIST", header.datasetName());
        assertEquals(Instant.parse("2025-06-01T12:00:00Z"), header.created());
        assertEquals(12_730, header.parameterCount());
    }

    @Test
    void goldenFileStillHasItsWeights() throws Exception {
        // Exact values: a change of byte order or encoding shows here.
        assertArrayEquals(new float[] {-0.015051933f, -0.005623637f, 0.02194755f, 0.0062389695f,
            0.028932242f, -0.0025521144f, 0.010716947f, -0.012629442f, -0.052481607f, 0.022064513f}, load().network().parameterValues("dense_1/b"));
    }

    @Test
    void goldenFileStillPredictsWhatItDid() throws Exception {
        TrainedModel model = load();
        float[][] images = inputs();
        for (int i = 0; i < images.length; i++) {
            // A tolerance for other CPUs' matrix products, far below any change a format bug makes.
            assertArrayEquals(EXPECTED[i], model.network().probabilities(images[i]), 1e-6f, "input " + i);
        }
    }
}
