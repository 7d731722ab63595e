package dev.digitlab.io.keras;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The fixture files that src/test/resources/keras/make_fixtures.py made, and their expected outputs. */
final class KerasFixtures {

    private KerasFixtures() {
    }

    /** The fixture file {@code name}. */
    static Path file(String name) {
        try {
            return Path.of(KerasFixtures.class.getResource("/keras/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture " + name, e);
        }
    }

    /**
     * The images and probabilities numpy computed for {@code name}.
     *
     * @param images        one row of 784 pixels in [0, 1] per image
     * @param probabilities one row per image
     */
    record Expected(float[][] images, double[][] probabilities) {
    }

    static Expected expected(String name) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(file(name + ".expected.json"))).getAsJsonObject();
        JsonArray images = o.getAsJsonArray("images");
        JsonArray probs = o.getAsJsonArray("probabilities");
        float[][] x = new float[images.size()][];
        double[][] p = new double[probs.size()][];
        for (int i = 0; i < x.length; i++) {
            JsonArray row = images.get(i).getAsJsonArray();
            x[i] = new float[row.size()];
            for (int j = 0; j < row.size(); j++) {
                x[i][j] = row.get(j).getAsFloat();
            }
            JsonArray pr = probs.get(i).getAsJsonArray();
            p[i] = new double[pr.size()];
            for (int j = 0; j < pr.size(); j++) {
                p[i][j] = pr.get(j).getAsDouble();
            }
        }
        return new Expected(x, p);
    }
}
