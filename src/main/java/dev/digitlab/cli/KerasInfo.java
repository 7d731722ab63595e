package dev.digitlab.cli;

import com.google.gson.GsonBuilder;
import dev.digitlab.data.DataException;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.io.keras.ModelOpener;
import dev.digitlab.train.TrainedModel;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code digitlab info} for a Keras file: the architecture DigitLab reads in it, where it came from
 * (file, Keras version, how it takes its pixels) and its MNIST test accuracy as DigitLab measures it
 * (a Keras file records none); "not measured" with the reason when no MNIST data can be had.
 */
final class KerasInfo {

    private KerasInfo() {
    }

    static int print(PrintWriter out, PrintWriter err, ModelFileOption model, DataOption data, boolean json) {
        TrainedModel trained = model.load();
        String why = null;
        try {
            ConsoleProgress progress = new ConsoleProgress(err);
            MnistDataset dataset;
            try {
                dataset = data.load(progress);
            } finally {
                progress.finish();
            }
            trained = ModelOpener.withMeasuredAccuracy(trained, dataset.test());
        } catch (DataException e) {
            why = e.getMessage();
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model.describe());
            m.put("architecture", trained.network().spec().toString());
            m.put("parameters", trained.network().parameterCount());
            m.put("origin", trained.origin());
            m.put("test_accuracy", trained.hasTestAccuracy() ? trained.testAccuracy() : null);
            out.println(new GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(m));
        } else {
            out.printf(Locale.ROOT, "Model:          %s (%s)%n", model.describe(), trained.name());
            out.printf(Locale.ROOT, "Architecture:   %s (%,d parameters)%n", trained.network().spec(),
                    trained.network().parameterCount());
            out.printf(Locale.ROOT, "From:           %s%n", trained.origin());
            out.printf(Locale.ROOT, "Test accuracy:  %s%n", trained.hasTestAccuracy()
                    ? String.format(Locale.ROOT, "%.4f on MNIST's test set, as DigitLab measures it", trained.testAccuracy())
                    : "not measured (" + why + ")");
        }
        out.flush();
        return 0;
    }
}
