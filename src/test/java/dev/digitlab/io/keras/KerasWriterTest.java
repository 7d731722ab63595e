package dev.digitlab.io.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.digitlab.io.AtomicFile;
import dev.digitlab.io.ModelFileException;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KerasWriterTest {

    private static final String[] SPECS = {
        "784 -> 128 relu -> 10 softmax",
        "784 -> conv 5x5x4 relu -> maxpool 2 -> conv 3x3x3 relu -> maxpool 2 -> flatten -> 16 relu -> dropout 0.3 -> 10 softmax",
        "784 -> conv 3x3x3 leaky_relu same -> maxpool 2 -> 12 elu -> 10 tanh -> 8 sigmoid -> 10 softmax",
        "784 -> 20 leaky_relu -> dropout 0.2 -> 10 linear -> 10 softmax",
    };

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void numpyReadingTheExportedFileAsKerasDoesGetsDigitLabsProbabilities(int which, @TempDir Path dir)
            throws IOException, InterruptedException {
        String python = NumpyKeras.python();
        assumeTrue(python != null, "no python3 with h5py and numpy (apt-get install python3-h5py python3-numpy); "
                + "the exported file's layout is not checked");
        Network network = trainedLooking(SPECS[which]);
        Path file = dir.resolve("model.h5");
        new KerasWriter().write(network, file);
        float[][] images = images(5);
        double[][] numpy = NumpyKeras.probabilities(python, file, images, true, dir);
        for (int i = 0; i < images.length; i++) {
            float[] p = network.probabilities(images[i]);
            for (int c = 0; c < p.length; c++) {
                assertEquals(numpy[i][c], p[c], 1e-5, SPECS[which] + " image " + i + " class " + c);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void anExportedFileReadBackIsTheSameModel(int which, @TempDir Path dir) {
        Network network = trainedLooking(SPECS[which]);
        Path file = dir.resolve("model.h5");
        new KerasWriter().write(network, file);
        Network back = new KerasReader().load(file).network();
        assertEquals(network.spec().toString().replace("flatten -> ", ""),
                back.spec().toString().replace("flatten -> ", ""));
        for (float[] image : images(5)) {
            float[] a = network.probabilities(image);
            float[] b = back.probabilities(image);
            for (int c = 0; c < a.length; c++) {
                assertEquals(a[c], b[c], 1e-6, SPECS[which]);
            }
        }
    }

    @Test
    void aFailedExportLeavesThePreviousFileAsItWas(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("model.h5"), "previous");
        AtomicFile failing = new AtomicFile(out -> new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        });
        Network network = trainedLooking(SPECS[0]);
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> new KerasWriter(failing).write(network, file));
        assertTrue(e.getMessage().startsWith("Could not export the model to " + file), e.getMessage());
        assertEquals("previous", Files.readString(file));
    }

    /** A network with weights and biases far from their initial values, as a trained one has. */
    static Network trainedLooking(String spec) {
        Network network = Network.create(ModelSpec.parse(spec), 7);
        SplittableRandom random = new SplittableRandom(3);
        for (var p : network.parameters()) {
            float[] v = network.parameterValues(p.name());
            for (int i = 0; i < v.length; i++) {
                v[i] = v[i] * 1.5f + (float) (random.nextDouble() - 0.5) * 0.1f;
            }
            network.setParameterValues(p.name(), v);
        }
        return network;
    }

    static float[][] images(int n) {
        SplittableRandom random = new SplittableRandom(11);
        float[][] images = new float[n][784];
        for (float[] image : images) {
            for (int j = 0; j < image.length; j++) {
                double v = random.nextDouble();
                image[j] = v < 0.6 ? 0 : (float) v;
            }
        }
        return images;
    }
}
