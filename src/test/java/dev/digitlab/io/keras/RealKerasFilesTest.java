package dev.digitlab.io.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.TestData;
import dev.digitlab.train.Evaluator;
import dev.digitlab.train.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two Keras files learners saved after the tutorial (../shared/models/keras, see its SOURCE.md):
 * DigitLab scores them on MNIST's test set as Keras does, and gives numpy's probabilities.
 */
class RealKerasFilesTest {

    /** System property naming the folder of the learners' files (set by surefire). */
    static final String PROPERTY = "digitlab.kerasModels";

    private static MnistDataset mnist;

    @BeforeAll
    static void loadMnist() {
        mnist = TestData.mnist();
    }

    static Path file(String name) {
        String folder = System.getProperty(PROPERTY);
        assumeTrue(folder != null && Files.isRegularFile(Path.of(folder, name)),
                "skipped: the learners' Keras file " + name + " is not in " + folder);
        return Path.of(folder, name);
    }

    @ParameterizedTest
    @CsvSource({"tutorial-mlp-keras2.10.h5, 9748", "tutorial-mlp-keras3.2.1.h5, 9782"})
    void scoresOnMnistsTestSetAsKerasDoes(String name, int right) {
        TrainedModel model = new KerasReader().load(file(name));
        ImageSet test = mnist.test();
        double accuracy = Evaluator.evaluate(model.network(), test).accuracy();
        assertEquals(right, Math.round(accuracy * test.size()), name);
        assertEquals(accuracy, ModelOpener.withMeasuredAccuracy(model, test).testAccuracy(), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tutorial-mlp-keras2.10.h5", "tutorial-mlp-keras3.2.1.h5"})
    void givesNumpysProbabilitiesForMnistDigits(String name, @TempDir Path dir) throws IOException,
            InterruptedException {
        Path file = file(name);
        String python = NumpyKeras.python();
        assumeTrue(python != null, "no python3 with h5py and numpy (apt-get install python3-h5py python3-numpy)");
        ImageSet test = mnist.test();
        int n = 300;
        float[][] images = new float[n][];
        for (int i = 0; i < n; i++) {
            images[i] = test.image(i);
        }
        double[][] numpy = NumpyKeras.probabilities(python, file, images, true, dir);
        TrainedModel model = new KerasReader().load(file);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            float[] p = model.network().probabilities(images[i]);
            for (int c = 0; c < p.length; c++) {
                worst = Math.max(worst, Math.abs(p[c] - numpy[i][c]));
            }
        }
        assertEquals(0, worst, 1e-4, name + ": largest difference from numpy's probabilities");
    }
}
