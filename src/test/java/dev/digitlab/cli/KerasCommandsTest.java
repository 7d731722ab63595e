package dev.digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.digitlab.data.TestData;
import dev.digitlab.io.keras.KerasReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keras files through the real command line: evaluate, info and export. */
class KerasCommandsTest extends CommandLineTest {

    @TempDir
    Path dir;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(KerasCommandsTest.class.getResource("/keras/" + name).toURI());
    }

    @Test
    void evaluateScoresALearnersKerasFileAsKerasDid() {
        String folder = System.getProperty("digitlab.kerasModels");
        Path file = Path.of(String.valueOf(folder), "tutorial-mlp-keras2.10.h5");
        assumeTrue(Files.isRegularFile(file), "skipped: no learner's Keras file in " + folder);
        Path data = TestData.folder();

        int exit = run("evaluate", "--model", file.toString(), "--data", data.toString());

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("Test accuracy:  0.9748 (9,748 of 10,000 right)"), out.toString());
    }

    @Test
    void infoSaysWhereAKerasModelCameFromAndWhyItsAccuracyIsUnmeasured() throws Exception {
        int exit = run("info", "--model", fixture("cnn.keras").toString(), "--data", dir.resolve("none").toString());

        String text = out.toString();
        assertEquals(0, exit, err.toString());
        assertTrue(text.contains("Architecture:   784 -> conv 3x3x4 relu -> maxpool 2 -> flatten -> 8 relu -> 10 softmax"),
                text);
        assertTrue(text.contains("From:           Keras 3.4.1, .keras, cnn.keras, pixels 0-255 x 0.00784314 - 1 (Rescaling)"), text);
        assertTrue(text.contains("Test accuracy:  not measured (folder " + dir.resolve("none") + " does not exist)"),
                text);
    }

    @Test
    void exportWritesAKerasFileThatOpensAsTheSameArchitecture() throws Exception {
        Path target = dir.resolve("for-keras.h5");

        int exit = run("export", "--model", fixture("cnn-keras2.h5").toString(), "--keras", target.toString());

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("keras.models.load_model('for-keras.h5')"), out.toString());
        assertEquals(new KerasReader().summary(fixture("cnn-keras2.h5")).spec().toString(),
                new KerasReader().summary(target).spec().toString());
    }

    @Test
    void trainFromAKerasFileGoesOnFromItsWeights() throws Exception {
        TrainCommandTest.writeMnist(dir, 200, 50);
        Path out = dir.resolve("tuned.json");
        Path keras = fixture("mlp-keras2.h5");

        int exit = run("train", "--from", keras.toString(), "--data", dir.toString(), "--epochs", "1", "--lr", "1e-9",
                "--out", out.toString());

        assertEquals(0, exit, err.toString());
        assertTrue(this.out.toString().startsWith("Model 784 -> 16 relu -> 10 softmax (12730 parameters)"),
                this.out.toString());
        // With a learning rate of 1e-9 one epoch changes nothing visible: the run started from the Keras weights.
        float[] image = new float[784];
        java.util.Arrays.fill(image, 300, 500, 0.8f);
        float[] before = new KerasReader().load(keras).network().probabilities(image);
        float[] after = new dev.digitlab.io.ModelReader().load(out).network().probabilities(image);
        for (int c = 0; c < before.length; c++) {
            assertEquals(before[c], after[c], 1e-4);
        }
    }

    @Test
    void anExportToAMissingFolderIsOneLine() throws Exception {
        Path target = dir.resolve("missing/for-keras.h5");

        int exit = run("export", "--model", fixture("mlp-keras2.h5").toString(), "--keras", target.toString());

        assertEquals(1, exit);
        String message = err.toString();
        assertTrue(message.startsWith("digitlab: Could not export the model to " + target), message);
        assertEquals(1, message.lines().count(), message);
    }
}
