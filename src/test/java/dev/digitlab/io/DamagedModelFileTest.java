package dev.digitlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.digitlab.imaging.Preprocessing;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of damaged or wrong file gets one sentence naming the file and the problem, from
 * both a full load and a header read.
 */
class DamagedModelFileTest {

    @TempDir
    Path dir;

    private Path file;
    private JsonObject json;

    @BeforeEach
    void saveAGoodFile() {
        Path good = TestModels.saved(dir, "good.json");
        json = TestModels.json(good);
        file = dir.resolve("model.json");
    }

    /** Loads {@code file} both ways and returns the message, checked to be one line naming the file. */
    private String failure() {
        ModelFileException load = assertThrows(ModelFileException.class, () -> new ModelReader().load(file));
        String message = load.getMessage();
        assertTrue(message.startsWith(file.toString()), message);
        assertFalse(message.contains("\n"), message);
        return message;
    }

    /** As {@link #failure()}, also checking that reading only the header fails the same way. */
    private String headerFailure() {
        String message = failure();
        ModelFileException header = assertThrows(ModelFileException.class, () -> new ModelReader().readHeader(file));
        assertEquals(message, header.getMessage());
        return message;
    }

    private void write(String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void emptyFile() throws IOException {
        write("");
        assertEquals(file + " is empty, not a DigitLab model file", headerFailure());
    }

    @Test
    void truncatedFile() throws IOException {
        byte[] whole = Files.readAllBytes(dir.resolve("good.json"));
        for (int cut : new int[] {whole.length / 2, whole.length - 3, 100}) {
            Files.write(file, Arrays.copyOf(whole, cut));
            assertEquals(file + " ends too early: it is cut off, perhaps by an interrupted copy, download or save",
                    failure(), "cut at " + cut);
        }
    }

    @Test
    void notJson() throws IOException {
        write("MNIST model, trained 2024\n");
        assertEquals(file + " is not a DigitLab model file (it is not JSON; it starts with 'MNIST mo')", headerFailure());
        Files.write(file, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
        assertEquals(file + " is not a DigitLab model file (it is not JSON; it starts with the bytes 1f 8b 08 00 00 00)",
                headerFailure());
    }

    @Test
    void brokenJsonSaysWhere() throws IOException {
        write("{\n  \"format\": \"digitlab-model\",\n  \"version\": 1 \"architecture\": {}\n}\n");
        assertEquals(file + " is not valid JSON (at line 3, column 17); it may have been edited or damaged",
                headerFailure());
    }

    @Test
    void htmlPage() throws IOException {
        write("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head></html>\n");
        assertEquals(file + " is a web page (HTML), not a DigitLab model file; perhaps a page was saved instead of "
                + "the file itself", headerFailure());
    }

    @Test
    void jsonThatIsNotAModel() throws IOException {
        write("{\"name\": \"a Keras model\", \"layers\": []}");
        assertEquals(file + " is not a DigitLab model file (it has no field \"format\": \"digitlab-model\")",
                headerFailure());
        write("[1, 2, 3]");
        assertEquals(file + " is not a DigitLab model file (its JSON is not an object)", headerFailure());
    }

    @Test
    void wrongFormat() throws IOException {
        json.addProperty("format", "keras-model");
        TestModels.write(file, json);
        assertEquals(file + " is not a DigitLab model file (its format is \"keras-model\", not \"digitlab-model\")",
                headerFailure());
    }

    @Test
    void futureVersion() {
        json.addProperty("version", 7);
        json.add("architecture", new JsonObject()); // a newer layout must not be reported as damage
        TestModels.write(file, json);
        assertEquals(file + " was made by a newer DigitLab (format version 7); this one reads up to version 1",
                headerFailure());
    }

    @Test
    void missingField() {
        json.remove("architecture");
        TestModels.write(file, json);
        assertEquals(file + " lacks the field 'architecture'", headerFailure());

        json = TestModels.json(dir.resolve("good.json"));
        json.getAsJsonObject("training").remove("batch_size");
        TestModels.write(file, json);
        assertEquals(file + " lacks the field 'training.batch_size'", headerFailure());

        json = TestModels.json(dir.resolve("good.json"));
        TestModels.weight(json, "dense_1/b").remove("values");
        TestModels.write(file, json);
        assertEquals(file + " lacks the field 'weights[3].values'", failure());
    }

    @Test
    void aRecipeThisDigitLabDoesNotKnowIsRefusedRatherThanGuessed() {
        json.getAsJsonObject("preprocessing").addProperty("method", "deskew");
        TestModels.write(file, json);
        assertEquals(file + ": its preprocessing is not valid: the preprocessing method 'deskew' is unknown; "
                + "DigitLab knows 'mnist'", headerFailure());
    }

    @Test
    void aFileWithoutARecipeGetsTheTutorialsDefault() {
        json.remove("preprocessing");
        TestModels.write(file, json);
        assertEquals(Preprocessing.DEFAULT, new ModelReader().load(file).preprocessing());
        assertEquals(Preprocessing.MNIST, Preprocessing.DEFAULT, "the tutorial trains on MNIST as it comes");
    }

    @Test
    void fieldOfTheWrongType() {
        json.getAsJsonObject("training").addProperty("epochs", "ten");
        TestModels.write(file, json);
        assertEquals(file + ": the field 'training.epochs' should be a whole number, not \"ten\"", headerFailure());
    }

    @Test
    void shapeMismatch() {
        JsonArray shape = new JsonArray();
        shape.add(8);
        shape.add(16);
        TestModels.weight(json, "dense_0/W").add("shape", shape);
        TestModels.write(file, json);
        assertEquals(file + ": weight dense_0/W has shape [8, 16], but the architecture needs [16, 8]",
                headerFailure());
    }

    @Test
    void architectureTextThatDisagreesWithItsLayers() {
        json.getAsJsonObject("architecture").addProperty("text", "16 -> 9 relu -> dropout 0.25 -> 10 softmax");
        TestModels.write(file, json);
        assertEquals(file + ": its architecture text '16 -> 9 relu -> dropout 0.25 -> 10 softmax' does not match "
                + "its layers (16 -> 8 relu -> dropout 0.25 -> 10 softmax)", headerFailure());
    }

    @Test
    void missingAndExtraWeights() {
        JsonArray weights = json.getAsJsonArray("weights");
        JsonObject last = weights.remove(3).getAsJsonObject();
        TestModels.write(file, json);
        assertEquals(file + " lacks the weight dense_1/b [10] that its architecture needs", headerFailure());

        weights.add(last);
        JsonObject extra = last.deepCopy();
        extra.addProperty("name", "dense_2/b");
        weights.add(extra);
        TestModels.write(file, json);
        assertEquals(file + " holds a weight dense_2/b that its architecture 16 -> 8 relu -> dropout 0.25 -> "
                + "10 softmax does not have", headerFailure());
    }

    @Test
    void weightsThatAreNotAListOfObjects() {
        json.addProperty("weights", "none");
        TestModels.write(file, json);
        assertEquals(file + ": the field 'weights' should be a list, not \"none\"", headerFailure());

        json = TestModels.json(dir.resolve("good.json"));
        json.getAsJsonArray("weights").set(1, new JsonPrimitive(5));
        TestModels.write(file, json);
        assertEquals(file + ": the field 'weights[1]' should be an object, not 5", headerFailure());
    }

    @Test
    void wrongByteCount() {
        TestModels.setValues(TestModels.weight(json, "dense_1/b"), new float[9]);
        TestModels.write(file, json);
        assertEquals(file + ": weight dense_1/b holds 36 bytes of values, but its shape [10] needs 40 "
                + "(4 bytes per float32)", failure());
    }

    @Test
    void notBase64() {
        TestModels.weight(json, "dense_1/b").addProperty("values", "!".repeat(54) + "=="); // the right length for 40 bytes
        TestModels.write(file, json);
        assertEquals(file + ": the values of weight dense_1/b are not valid base64", failure());
    }

    @Test
    void checksumMismatch() {
        JsonObject w = TestModels.weight(json, "dense_0/b");
        String values = w.get("values").getAsString();
        // One changed character: still valid base64 of the right length, but other bytes.
        w.addProperty("values", (values.charAt(0) == 'A' ? "B" : "A") + values.substring(1));
        TestModels.write(file, json);
        assertEquals(file + " is damaged: the values of weight dense_0/b do not match their SHA-256 checksum",
                failure());
    }

    @Test
    void nanWeight() {
        float[] values = new float[10];
        values[7] = Float.NaN;
        TestModels.setValues(TestModels.weight(json, "dense_1/b"), values);
        TestModels.write(file, json);
        assertEquals(file + ": weight dense_1/b holds NaN at position 7, and a network with such a weight cannot "
                + "predict", failure());
    }

    @Test
    void infiniteWeight() {
        float[] values = new float[10];
        values[0] = Float.NEGATIVE_INFINITY;
        TestModels.setValues(TestModels.weight(json, "dense_1/b"), values);
        TestModels.write(file, json);
        assertTrue(failure().contains("weight dense_1/b holds -Infinity at position 0"));
    }

    @Test
    void layerOfABillionUnitsIsRefusedFromTheSpecAlone() {
        // Weights of 16 x 10^9 floats would need 64 GB; the test JVM has 2 GB, so only a refusal
        // from the architecture alone, before any allocation, gives this message.
        JsonObject arch = json.getAsJsonObject("architecture");
        arch.getAsJsonArray("layers").get(0).getAsJsonObject().addProperty("units", 1_000_000_000);
        arch.addProperty("text", "16 -> 1000000000 relu -> dropout 0.25 -> 10 softmax");
        JsonArray shape = new JsonArray();
        shape.add(16);
        shape.add(1_000_000_000);
        TestModels.weight(json, "dense_0/W").add("shape", shape);
        TestModels.write(file, json);
        assertEquals(file + ": its architecture 16 -> 1000000000 relu -> dropout 0.25 -> 10 softmax has "
                + "27,000,000,010 parameters, more than the 50,000,000 DigitLab loads", headerFailure());
    }

    @Test
    void invalidArchitecture() {
        json.getAsJsonObject("architecture").getAsJsonArray("layers").get(2).getAsJsonObject()
                .addProperty("activation", "relu");
        json.getAsJsonObject("architecture").remove("text");
        TestModels.write(file, json);
        assertEquals(file + ": its architecture is not valid: the last layer must be a softmax layer with one unit "
                + "per class, e.g. '10 softmax', not '10 relu'", headerFailure());
    }

    @Test
    void oversizedFileIsRefusedBeforeReading() throws IOException {
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(ModelReader.MAX_FILE_BYTES + 1); // sparse: takes no disk space
        }
        assertEquals(file + " is 300 MB, larger than any model file DigitLab loads (at most 300 MB)", headerFailure());
    }

    @Test
    void streamLongerThanTheLimitIsCutShort() throws IOException {
        Files.copy(dir.resolve("good.json"), file);
        ModelReader small = new ModelReader(1000, ModelReader.MAX_PARAMETERS);
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> small.load(Files.newInputStream(file), "the stream", "x"));
        assertEquals("the stream is larger than any model file DigitLab loads (at most 1,000 bytes)", e.getMessage());
    }

    @Test
    void missingFileAndFolder() throws IOException {
        assertEquals(file + " does not exist", failure());
        Files.createDirectory(file);
        assertEquals(file + " is a folder, not a model file", failure());
    }

    @Test
    void textThatIsNotUtf8() throws IOException {
        byte[] text = "{\"format\": \"digitlab-model\", \"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, text);
        assertEquals(file + " is not a DigitLab model file (it is not UTF-8 text)", headerFailure());
    }

    @Test
    void duplicateFieldAndTrailingText() throws IOException {
        String good = Files.readString(dir.resolve("good.json"));
        write(good.replaceFirst("\"version\": 1,", "\"version\": 1, \"version\": 2,"));
        assertEquals(file + " has the field 'version' twice", headerFailure());
        write(good + "\n{}");
        assertEquals(file + " goes on after the end of the model's JSON object", headerFailure());
    }
}
