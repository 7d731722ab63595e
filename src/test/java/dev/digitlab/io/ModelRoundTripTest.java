package dev.digitlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.imaging.Preprocessing;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.Parameter;
import dev.digitlab.train.Adaptation;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.TrainedModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void savedThenLoadedModelPredictsBitIdenticalProbabilities() {
        TrainedModel model = TestModels.small(11);
        Path file = dir.resolve("digits.json");

        new ModelWriter("test-1.0").save(model, file);
        TrainedModel loaded = new ModelReader().load(file);

        float[] images = TestModels.images(50, 16, 3);
        float[][] before = model.network().predict(images, 50);
        float[][] after = loaded.network().predict(images, 50);
        for (int i = 0; i < before.length; i++) {
            assertArrayEquals(before[i], after[i], "image " + i); // no tolerance: the same bits
        }
        for (Parameter p : model.network().parameters()) {
            assertArrayEquals(model.network().parameterValues(p.name()), loaded.network().parameterValues(p.name()));
        }
    }

    @Test
    void convolutionalModelComesBackPredictingTheSame() {
        ModelSpec cnn = ModelSpec.parse("64 -> conv 3x3x4 relu -> maxpool 2 -> flatten -> 6 relu -> 10 softmax");
        TrainedModel model = TestModels.small(cnn, 5);
        Path file = dir.resolve("cnn.json");

        new ModelWriter("test-1.0").save(model, file);
        TrainedModel loaded = new ModelReader().load(file);

        assertEquals(cnn, loaded.network().spec());
        float[] images = TestModels.images(20, 64, 9);
        float[][] before = model.network().predict(images, 20);
        float[][] after = loaded.network().predict(images, 20);
        for (int i = 0; i < before.length; i++) {
            assertArrayEquals(before[i], after[i], "image " + i);
        }
    }

    @Test
    void loadedModelKeepsHowItWasMade() {
        TrainedModel model = TestModels.small(11);
        Path file = dir.resolve("my model.json");

        new ModelWriter("test-1.0").save(model, file);
        TrainedModel loaded = new ModelReader().load(file);

        assertEquals("my model", loaded.name());
        assertEquals(model.network().spec(), loaded.network().spec());
        assertEquals(model.network().seed(), loaded.network().seed());
        assertEquals(model.config(), loaded.config());
        assertEquals("synthetic", loaded.datasetName());
        assertEquals(model.datasetChecksum(), loaded.datasetChecksum());
        assertEquals(model.history(), loaded.history());
        assertEquals(0.875, loaded.testAccuracy());
        assertEquals(TestModels.CREATED, loaded.created());
    }

    @Test
    void anAdaptedModelKeepsItsBaseAndHowManyDrawingsTaughtIt() throws IOException {
        TrainedModel plain = TestModels.small(11);
        TrainedModel adapted = new TrainedModel("mnist-cnn + my handwriting", plain.network(), plain.config(),
                plain.datasetName(), plain.datasetChecksum(), plain.history(), 0.99, TestModels.CREATED,
                plain.preprocessing(), null, new Adaptation("mnist-cnn", 30));
        Path file = dir.resolve("adapted.json");
        Path plainFile = dir.resolve("plain.json");

        new ModelWriter("test-1.0").save(adapted, file);
        new ModelWriter("test-1.0").save(plain, plainFile);

        assertEquals(new Adaptation("mnist-cnn", 30), new ModelReader().load(file).adaptation());
        assertEquals(new Adaptation("mnist-cnn", 30), new ModelReader().readHeader(file).adaptation());
        assertTrue(Files.readString(file).contains("\"adapted_from\": {\n    \"base_model\": \"mnist-cnn\",\n"
                + "    \"user_drawings\": 30\n  }"), Files.readString(file));
        assertNull(new ModelReader().load(plainFile).adaptation());
        assertFalse(Files.readString(plainFile).contains("adapted_from"));
    }

    @Test
    void unknownFiguresStayUnknown() {
        Network network = Network.create(ModelSpec.parse("4 -> 3 softmax"), 1);
        TrainedModel model = new TrainedModel("bare", network, null, null, null,
                List.of(new EpochResult(1, 1, 0.5, 0.25, Double.NaN, Double.NaN, 0.01)), Double.NaN, null);
        Path file = dir.resolve("bare.json");

        new ModelWriter("test-1.0").save(model, file);
        TrainedModel loaded = new ModelReader().load(file);

        assertNull(loaded.config());
        assertNull(loaded.datasetName());
        assertNull(loaded.created());
        assertFalse(loaded.hasTestAccuracy());
        assertFalse(loaded.history().get(0).hasValidation());
        assertEquals(model.history(), loaded.history());
    }

    @Test
    void headerHasEverythingButTheValues() {
        Preprocessing preprocessing = new Preprocessing("mnist", 22, 28, "box-centre");
        TrainedModel model = withRecipe(TestModels.small(11), preprocessing);
        Path file = dir.resolve("digits.json");
        new ModelWriter("9.9.9").save(model, file);

        ModelHeader header = new ModelReader().readHeader(file);

        assertEquals(1, header.formatVersion());
        assertEquals("small", header.name()); // the name the model had; loading names it after the file
        assertEquals("9.9.9", header.appVersion());
        assertEquals(TestModels.SMALL, header.spec());
        assertEquals(model.config(), header.config());
        assertEquals(model.history(), header.history());
        assertEquals(preprocessing, header.preprocessing());
        assertEquals(model.network().parameterCount(), header.parameterCount());
        assertEquals(List.of("dense_0/W[16, 8]", "dense_0/b[8]", "dense_1/W[8, 10]", "dense_1/b[10]"),
                header.weights().stream().map(Object::toString).toList());
        assertFalse(header.toJson().contains("\"values\""));
    }

    @Test
    void aLoadedModelKeepsTheRecipeItsFileNames() {
        Preprocessing boxCentred = new Preprocessing("mnist", 22, 28, "box-centre");
        Path file = dir.resolve("box-centred.json");
        new ModelWriter("9.9.9").save(withRecipe(TestModels.small(11), boxCentred), file);

        TrainedModel loaded = new ModelReader().load(file);

        assertEquals(boxCentred, loaded.preprocessing());
        new ModelWriter("9.9.9").save(loaded, dir.resolve("again.json"));
        assertEquals(boxCentred, new ModelReader().readHeader(dir.resolve("again.json")).preprocessing());
    }

    private static TrainedModel withRecipe(TrainedModel m, Preprocessing recipe) {
        return new TrainedModel(m.name(), m.network(), m.config(), m.datasetName(), m.datasetChecksum(), m.history(),
                m.testAccuracy(), m.created(), recipe);
    }

    @Test
    void fileStoresLittleEndianFloat32InBase64WithASha256PerWeight() throws Exception {
        TrainedModel model = TestModels.small(11);
        Path file = dir.resolve("digits.json");
        new ModelWriter("test-1.0").save(model, file);

        JsonObject json = TestModels.json(file);

        assertEquals("digitlab-model", json.get("format").getAsString());
        assertEquals(1, json.get("version").getAsInt());
        assertEquals("16 -> 8 relu -> dropout 0.25 -> 10 softmax",
                json.getAsJsonObject("architecture").get("text").getAsString());
        for (JsonElement e : json.getAsJsonArray("weights")) {
            JsonObject w = e.getAsJsonObject();
            byte[] bytes = Base64.getDecoder().decode(w.get("values").getAsString());
            float[] values = new float[bytes.length / 4];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            assertEquals("<f4", w.get("dtype").getAsString());
            assertArrayEquals(model.network().parameterValues(w.get("name").getAsString()), values);
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                    w.get("sha256").getAsString());
        }
    }

    @Test
    void headerIsPrettyPrintedAndEachWeightIsOneLine() throws IOException {
        Path file = TestModels.saved(dir, "digits.json");

        List<String> lines = Files.readAllLines(file);

        assertEquals("{", lines.get(0));
        assertEquals("  \"format\": \"digitlab-model\",", lines.get(1));
        assertEquals("  \"version\": 1,", lines.get(2));
        assertEquals(4, lines.stream().filter(l -> l.startsWith("    {\"name\":\"dense_")).count());
        assertTrue(lines.stream().anyMatch(l -> l.equals(
                "      {\"type\":\"dropout\",\"rate\":0.25},")), String.join("\n", lines));
    }

    @Test
    void savingAgainReplacesTheFileAndLeavesNothingElse() throws IOException {
        Path file = dir.resolve("digits.json");
        new ModelWriter("test-1.0").save(TestModels.small(1), file);

        new ModelWriter("test-1.0").save(TestModels.small(2), file);

        assertEquals(List.of(file), Files.list(dir).toList());
        TrainedModel loaded = new ModelReader().load(file);
        assertArrayEquals(TestModels.small(2).network().parameterValues("dense_0/W"),
                loaded.network().parameterValues("dense_0/W"));
    }
}
