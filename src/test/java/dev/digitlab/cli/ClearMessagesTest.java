package dev.digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.digitlab.io.ModelWriter;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Messages that used to mislead (issue 18, case 8): each is now one plain sentence about the real problem. */
class ClearMessagesTest extends CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void aTwoClassModelInEvaluateSaysItDoesNotTellTheTenDigitsApart() {
        Path file = dir.resolve("two.json");
        Network network = Network.create(ModelSpec.parse("784 -> 8 relu -> 2 softmax"), 1);
        new ModelWriter("test").save(new TrainedModel("two", network, TrainingConfig.tutorial(), "synthetic", null,
                List.of(), Double.NaN, Instant.now()), file);

        int exit = run("evaluate", "--model", file.toString(), "--data", dir.resolve("nowhere").toString());

        assertEquals(1, exit);
        assertEquals("digitlab: " + file + " tells 2 classes apart, but the test images show the 10 digits",
                err.toString().strip());
    }

    @Test
    void aVersionTooLargeForAnyNumberIsCalledThat() throws IOException {
        Path file = Files.writeString(dir.resolve("v.json"),
                "{\"format\": \"digitlab-model\", \"version\": 1e99999999999}");

        int exit = run("info", "--model", file.toString());

        assertEquals(1, exit);
        assertEquals("digitlab: " + file + ": the field 'version' should be a whole number of a usable size, "
                + "not 1e99999999999", err.toString().strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3000000", "2000000000"})
    void aBatchLargerThanTheTrainingSetIsRefusedWithTheLimit(String batch) {
        int exit = run("train", "--batch", batch, "--data", dir.resolve("nowhere").toString());

        assertEquals(2, exit);
        assertEquals("digitlab: the batch size must be at most 60,000 (all of MNIST's training images), not " + batch
                + " (see 'digitlab train --help')", err.toString().strip());
    }

    @Test
    void anOutFolderThatTakesNoFilesIsRefusedBeforeTraining() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");
        int exit = run("train", "--out", "/proc/x.json", "--data", dir.resolve("nowhere").toString());

        assertEquals(1, exit);
        assertEquals("digitlab: Could not save the model to /proc/x.json: the folder /proc does not take new files",
                err.toString().strip());
    }

    @Test
    void helpShowsTheShippedModelsAccuracyWithoutAFormattingWarning() {
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.err;
        try {
            System.setErr(new java.io.PrintStream(stderr, true));
            run("info", "--help");
        } finally {
            System.setErr(before);
        }
        assertEquals("", stderr.toString());
        org.junit.jupiter.api.Assertions.assertTrue(out.toString().contains("% on MNIST"), out.toString());
    }

    @Test
    void infoShowsControlCharactersFromAFileAsEscapesNotAsTerminalCommands() {
        Path file = dir.resolve("escape.json");
        Network network = Network.create(ModelSpec.parse("784 -> 8 relu -> 10 softmax"), 1);
        new ModelWriter("\u001b[2J").save(new TrainedModel("clear\u009b", network, TrainingConfig.tutorial(),
                "synthetic", null, List.of(), Double.NaN, Instant.now()), file);
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.out;
        int exit;
        try {
            System.setOut(new java.io.PrintStream(stdout, true));
            exit = Cli.run(new String[] {"info", "--model", file.toString()});
        } finally {
            System.setOut(before);
        }
        String printed = stdout.toString();
        assertEquals(0, exit);
        org.junit.jupiter.api.Assertions.assertTrue(printed.contains("by DigitLab \\u001b[2J"), printed);
        org.junit.jupiter.api.Assertions.assertTrue(printed.chars().noneMatch(c -> c == 0x1b || c == 0x9b), printed);
    }

    /** A model whose weights are all finite but so large (3e38) that its sums overflow. */
    private Path overflowingModel() {
        Path file = dir.resolve("overflow.json");
        Network network = Network.create(ModelSpec.parse("784 -> 8 relu -> 10 softmax"), 1);
        for (dev.digitlab.nn.Parameter p : network.parameters()) {
            float[] values = new float[p.size()];
            java.util.Arrays.fill(values, 3e38f);
            network.setParameterValues(p.name(), values);
        }
        new ModelWriter("test").save(new TrainedModel("overflow", network, TrainingConfig.tutorial(), "synthetic",
                null, List.of(), Double.NaN, Instant.now()), file);
        return file;
    }

    @Test
    void aPredictionThatIsNotANumberIsAnError() throws IOException {
        Path picture = dir.resolve("one.png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(28, 28,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 4; y < 24; y++) {
            image.getRaster().setSample(14, y, 0, 255);
        }
        javax.imageio.ImageIO.write(image, "png", picture.toFile());

        int exit = run("predict", "--model", overflowingModel().toString(), picture.toString());

        assertEquals(1, exit);
        assertEquals("", out.toString());
        assertEquals("digitlab: " + picture + ": the model's output is not a number (its weights are so large "
                + "that the sums overflow), so it cannot read this picture", err.toString().strip());
    }

    @Test
    void anEvaluationWhoseLossIsNotANumberIsAnError() throws IOException {
        Path model = overflowingModel();
        Path data = ModelCommandsTest.TinyMnist.write(dir.resolve("mnist"), 40, 20);

        int exit = run("evaluate", "--model", model.toString(), "--data", data.toString());

        assertEquals(1, exit);
        assertEquals("digitlab: " + model + " gives outputs that are not numbers on the test images (its weights "
                + "are so large that the sums overflow), so it cannot be evaluated", err.toString().strip());
    }
}
