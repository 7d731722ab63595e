package dev.digitlab.train.coach;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.digitlab.train.EpochResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Histories for the coach's tests: the real runs that made the shipped models (read from their
 * files in models/), and runs written down from what goes wrong, epoch by epoch.
 */
final class RecordedRuns {

    private RecordedRuns() {
    }

    /** The history stored in a shipped model file, e.g. {@code mnist-mlp}: the tutorial's own run. */
    static List<EpochResult> shipped(String name) throws IOException {
        String json = Files.readString(Path.of("models", name + ".json"), StandardCharsets.UTF_8);
        List<EpochResult> history = new ArrayList<>();
        var epochs = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("history");
        for (JsonElement e : epochs) {
            JsonObject o = e.getAsJsonObject();
            history.add(new EpochResult(o.get("epoch").getAsInt(), epochs.size(), o.get("loss").getAsDouble(),
                    o.get("accuracy").getAsDouble(), o.get("val_loss").getAsDouble(),
                    o.get("val_accuracy").getAsDouble(), o.get("seconds").getAsDouble()));
        }
        return history;
    }

    /** A history from rows of {loss, accuracy, valLoss, valAccuracy}, one per epoch. */
    static List<EpochResult> of(double[]... rows) {
        List<EpochResult> history = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            history.add(new EpochResult(i + 1, rows.length, r[0], r[1], r[2], r[3], 1.0));
        }
        return history;
    }
}
