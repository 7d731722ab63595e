package dev.digitlab.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.optim.OptimizerConfig;
import dev.digitlab.nn.Parameter;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** Small models and model files for tests, and a way to edit a saved file's JSON. */
final class TestModels {

    static final ModelSpec SMALL = ModelSpec.parse("16 -> 8 relu -> dropout 0.25 -> 10 softmax");
    static final Instant CREATED = Instant.parse("2025-01-02T03:04:05.123456789Z");

    private TestModels() {
    }

    /** A small model with every weight (biases too) set to seeded random values, and full metadata. */
    static TrainedModel small(long seed) {
        return small(SMALL, seed);
    }

    /** A model of {@code spec} with every weight set to seeded random values, and full metadata. */
    static TrainedModel small(ModelSpec spec, long seed) {
        Network network = Network.create(spec, seed);
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        for (Parameter p : network.parameters()) {
            float[] values = new float[p.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (random.nextGaussian() * 0.8);
            }
            network.setParameterValues(p.name(), values);
        }
        TrainingConfig config = new TrainingConfig(3, 32, 0.2, seed, OptimizerConfig.adam(0.002, 0.01));
        List<EpochResult> history = List.of(
                new EpochResult(1, 3, 1.2345678901234567, 0.5, 0.98765, 0.625, 0.125),
                new EpochResult(2, 3, 0.75, 0.75, 0.6, 0.7, 0.1171875));
        return new TrainedModel("small", network, config, "synthetic",
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", history, 0.875, CREATED);
    }

    /** Images whose values follow seeded noise: {@code count} rows of {@code inputs}. */
    static float[] images(int count, int inputs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[count * inputs];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return values;
    }

    /** Saves {@link #small} to {@code dir/name}. */
    static Path saved(Path dir, String name) {
        Path file = dir.resolve(name);
        new ModelWriter("test-1.0").save(small(5), file);
        return file;
    }

    static JsonObject json(Path file) {
        try {
            return new Gson().fromJson(Files.readString(file), JsonObject.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, JsonObject json) {
        try {
            Files.writeString(file, new GsonBuilder().serializeNulls().create().toJson(json), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The weight entry named {@code name} of a file's JSON. */
    static JsonObject weight(JsonObject json, String name) {
        for (var e : json.getAsJsonArray("weights")) {
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
                return e.getAsJsonObject();
            }
        }
        throw new IllegalArgumentException("no weight " + name);
    }

    /** Replaces a weight's values, with a checksum that matches them. */
    static void setValues(JsonObject weight, float[] values) {
        byte[] bytes = WeightCodec.bytes(values);
        weight.addProperty("values", WeightCodec.base64(bytes));
        weight.addProperty("sha256", WeightCodec.sha256(bytes));
    }
}
