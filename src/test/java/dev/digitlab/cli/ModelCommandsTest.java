package dev.digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.digitlab.data.TestData;
import dev.digitlab.io.ModelHeader;
import dev.digitlab.io.ModelReader;
import dev.digitlab.io.ShippedModels;
import dev.digitlab.train.TrainedModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --out}, {@code evaluate} and {@code info}, through the real command line. */
class ModelCommandsTest extends CommandLineTest {

    @TempDir
    Path dir;

    private void assertOneLineError(int exit, String message) {
        assertEquals(1, exit, err.toString());
        assertEquals("digitlab: " + message + System.lineSeparator(), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void infoShowsTheShippedModelByDefault() {
        ModelHeader header = new ShippedModels().header();

        int exit = run("info");

        String text = out.toString();
        assertEquals(0, exit, err.toString());
        assertTrue(text.startsWith("Model:          the shipped model models/mnist-cnn.json (mnist-cnn)"), text);
        assertTrue(text.contains("Architecture:   784 -> conv 5x5x32 relu -> maxpool 2 -> conv 3x3x64 relu -> maxpool 2 "
                + "-> flatten -> 128 relu -> dropout 0.3 -> 10 softmax (225,546 parameters)"), text);
        assertTrue(text.contains("Training:       5 epochs, batch 64, validation split 0.2, seed 42, adam "
                + "(learning rate 0.001, decay 0.000001)"), text);
        assertTrue(text.contains(String.format(Locale.ROOT, "Test accuracy:  %.4f", header.testAccuracy())), text);
        assertTrue(text.contains("  Epoch 5/5 - "), text);
        assertEquals("", err.toString());
    }

    @Test
    void infoJsonIsTheHeaderWithoutTheValues() {
        int exit = run("info", "--json");

        assertEquals(0, exit, err.toString());
        JsonObject json = new Gson().fromJson(out.toString(), JsonObject.class);
        assertEquals("digitlab-model", json.get("format").getAsString());
        assertEquals("784 -> conv 5x5x32 relu -> maxpool 2 -> conv 3x3x64 relu -> maxpool 2 -> flatten -> 128 relu "
                + "-> dropout 0.3 -> 10 softmax", json.getAsJsonObject("architecture").get("text").getAsString());
        assertEquals(5, json.getAsJsonArray("history").size());
        JsonArray weights = json.getAsJsonArray("weights");
        assertEquals(8, weights.size(), "W and b of two conv and two dense layers");
        for (JsonElement w : weights) {
            assertFalse(w.getAsJsonObject().has("values"));
            assertEquals(64, w.getAsJsonObject().get("sha256").getAsString().length());
        }
    }

    @Test
    void damagedFilesGiveOneLineAndExitCode1() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        Path html = Files.writeString(dir.resolve("page.json"), "<html><body>Not found</body></html>");
        Path future = Files.writeString(dir.resolve("future.json"), "{\"format\": \"digitlab-model\", \"version\": 7}");
        Path missing = dir.resolve("missing.json");

        for (String command : List.of("info", "evaluate")) {
            for (Path file : List.of(empty, html, future, missing)) {
                out.getBuffer().setLength(0);
                err.getBuffer().setLength(0);
                int exit = run(command, "--model", file.toString());
                assertEquals(1, exit, command + " " + file + ": " + err);
                assertTrue(err.toString().startsWith("digitlab: " + file), err.toString());
                assertEquals(1, err.toString().lines().count(), err.toString());
                assertEquals("", out.toString());
            }
        }
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertOneLineError(run("info", "--model", future.toString()),
                future + " was made by a newer DigitLab (format version 7); this one reads up to version 1");
    }

    @Test
    void damagedWeightsAreCaughtByEvaluateBeforeAnyData() throws IOException {
        Path file = dir.resolve("model.json");
        String text = new String(ShippedModels.class.getResourceAsStream(ShippedModels.TUTORIAL.resource()).readAllBytes(),
                StandardCharsets.UTF_8);
        // Change one base64 character of the first weight's values: same length, other bytes.
        int at = text.indexOf("\"values\":\"") + 10;
        char changed = text.charAt(at) == 'A' ? 'B' : 'A';
        Files.writeString(file, text.substring(0, at) + changed + text.substring(at + 1));

        int exit = run("evaluate", "--model", file.toString(), "--data", dir.resolve("no data here").toString());

        assertOneLineError(exit, file + " is damaged: the values of weight dense_0/W do not match their SHA-256 "
                + "checksum");
    }

    @Test
    void evaluateShowsTheShippedModelReachingItsRecordedAccuracy() {
        Path mnist = TestData.folder();
        TrainedModel shipped = new ShippedModels().load();

        int exit = run("evaluate", "--data", mnist.toString(), "--json");

        assertEquals(0, exit, err.toString());
        JsonObject json = new Gson().fromJson(out.toString(), JsonObject.class);
        assertEquals(10_000, json.get("test_images").getAsInt());
        assertEquals(shipped.testAccuracy(), json.get("test_accuracy").getAsDouble());
        assertEquals(shipped.testAccuracy(), json.get("recorded_test_accuracy").getAsDouble());
        int total = 0;
        int diagonal = 0;
        JsonArray rows = json.getAsJsonArray("confusion");
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 10; c++) {
                int v = rows.get(r).getAsJsonArray().get(c).getAsInt();
                total += v;
                diagonal += r == c ? v : 0;
            }
        }
        assertEquals(10_000, total);
        assertEquals(Math.round(shipped.testAccuracy() * 10_000), diagonal);
    }

    @Test
    void evaluatePrintsAnAlignedConfusionMatrix() throws IOException {
        Path data = TinyMnist.write(dir.resolve("data"), 100, 60);
        Path file = dir.resolve("model.json");
        assertEquals(0, run("train", "--data", data.toString(), "--epochs", "1", "--layers", "8", "--out",
                file.toString()), err.toString());
        out.getBuffer().setLength(0);

        int exit = run("evaluate", "--model", file.toString(), "--data", data.toString());

        assertEquals(0, exit, err.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("Model:          " + file + " (784 -> 8 relu -> 10 softmax)"), lines.get(0));
        assertTrue(lines.contains("Data set:       custom, 60 test images"), out.toString());
        int header = lines.indexOf("Confusion matrix (rows: true digit, columns: predicted digit)");
        List<String> table = lines.subList(header + 1, header + 12);
        assertEquals("      0  1  2  3  4  5  6  7  8  9", table.get(0));
        for (int r = 0; r < 10; r++) {
            String row = table.get(r + 1);
            assertEquals(table.get(0).length(), row.length(), row);
            String[] cells = row.trim().split("\\s+");
            assertEquals(Integer.toString(r), cells[0], row);
            int sum = 0;
            for (int c = 1; c < cells.length; c++) {
                sum += Integer.parseInt(cells[c]);
            }
            assertEquals(6, sum, row); // each digit is the true label of 6 of the 60 test images
        }
    }

    @Test
    void trainOutSavesTheModelWithHowItWasMade() throws Exception {
        Path data = TinyMnist.write(dir.resolve("data"), 100, 30);
        Path file = dir.resolve("mine.json");

        int exit = run("train", "--data", data.toString(), "--epochs", "2", "--layers", "8", "--batch", "16",
                "--seed", "5", "--out", file.toString());

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().endsWith("Saved the model to " + file + System.lineSeparator()), out.toString());
        TrainedModel model = new ModelReader().load(file);
        assertEquals("mine", model.name());
        assertEquals("784 -> 8 relu -> 10 softmax", model.network().spec().toString());
        assertEquals(2, model.history().size());
        assertEquals(16, model.config().batchSize());
        assertEquals(5, model.config().seed());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(data.resolve("train-images-idx3-ubyte"))));
        assertEquals(sha, model.datasetChecksum());
        String testLine = out.toString().lines().filter(l -> l.startsWith("Test - ")).findFirst().orElseThrow();
        assertTrue(testLine.endsWith(String.format(Locale.ROOT, "accuracy: %.4f", model.testAccuracy())), testLine);
    }

    @Test
    void trainOutIntoAMissingFolderFailsBeforeTraining() {
        Path file = dir.resolve("no such folder").resolve("m.json");

        int exit = run("train", "--data", dir.toString(), "--out", file.toString());

        // The data folder is empty too: the output check comes first, before any data is read.
        assertOneLineError(exit, "Could not save the model to " + file + ": the folder " + file.getParent()
                + " does not exist");
    }

    /** Writes the four MNIST files, uncompressed, with images of seeded noise and labels i % 10. */
    static final class TinyMnist {

        static Path write(Path dir, int train, int test) throws IOException {
            Files.createDirectories(dir);
            images(dir.resolve("train-images-idx3-ubyte"), train, 1);
            labels(dir.resolve("train-labels-idx1-ubyte"), train);
            images(dir.resolve("t10k-images-idx3-ubyte"), test, 2);
            labels(dir.resolve("t10k-labels-idx1-ubyte"), test);
            return dir;
        }

        private static void images(Path file, int count, long seed) throws IOException {
            SplittableRandom random = new SplittableRandom(seed);
            ByteBuffer b = ByteBuffer.allocate(16 + count * 784).putInt(0x0803).putInt(count).putInt(28).putInt(28);
            for (int i = 0; i < count; i++) {
                for (int p = 0; p < 784; p++) {
                    // The label's row of pixels is bright, so there is something to learn.
                    b.put((byte) (p / 28 == 4 + 2 * (i % 10) ? 255 : random.nextInt(60)));
                }
            }
            Files.write(file, b.array());
        }

        private static void labels(Path file, int count) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(8 + count).putInt(0x0801).putInt(count);
            for (int i = 0; i < count; i++) {
                b.put((byte) (i % 10));
            }
            Files.write(file, b.array());
        }
    }
}
