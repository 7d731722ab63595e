package dev.digitlab.cli;

import com.google.gson.GsonBuilder;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.train.Evaluation;
import dev.digitlab.train.Evaluator;
import dev.digitlab.train.TrainedModel;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code digitlab evaluate}: a saved model's loss, accuracy and confusion matrix on the test set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Test a saved model on the MNIST test set: loss, accuracy and the confusion matrix.")
public final class EvaluateCommand implements Callable<Integer> {

    /** The classes of MNIST's labels: the digits 0 to 9. */
    private static final int DIGITS = 10;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelFileOption model = new ModelFileOption();

    @Mixin
    DataOption data = new DataOption();

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
        TrainedModel trained = model.load();
        if (trained.network().classes() != DIGITS) {
            throw new IllegalArgumentException(model.describe() + " tells " + trained.network().classes()
                    + " classes apart, but the test images show the " + DIGITS + " digits");
        }
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        MnistDataset dataset;
        try {
            dataset = data.load(progress);
        } finally {
            progress.finish();
        }
        int pixels = dataset.test().imageSize();
        if (trained.network().inputs() != pixels) {
            throw new IllegalArgumentException(model.describe() + " takes " + trained.network().inputs()
                    + " inputs, but the test images have " + pixels + " pixels");
        }
        Evaluation test = Evaluator.evaluate(trained.network(), dataset.test());
        if (!Double.isFinite(test.loss())) {
            throw new IllegalArgumentException(model.describe() + " gives outputs that are not numbers on the test "
                    + "images (its weights are so large that the sums overflow), so it cannot be evaluated");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(json(trained, dataset, test)));
        } else {
            print(out, trained, dataset, test);
        }
        out.flush();
        return 0;
    }

    private Map<String, Object> json(TrainedModel trained, MnistDataset dataset, Evaluation test) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model.describe());
        m.put("architecture", trained.network().spec().toString());
        m.put("dataset", dataset.name());
        m.put("test_images", test.count());
        m.put("test_loss", test.loss());
        m.put("test_accuracy", test.accuracy());
        if (trained.hasTestAccuracy()) {
            m.put("recorded_test_accuracy", trained.testAccuracy());
        }
        m.put("confusion", test.confusion());
        return m;
    }

    private void print(PrintWriter out, TrainedModel trained, MnistDataset dataset, Evaluation test) {
        int correct = (int) Math.round(test.accuracy() * test.count());
        out.printf(Locale.ROOT, "Model:          %s (%s)%n", model.describe(), trained.network().spec());
        out.printf(Locale.ROOT, "Data set:       %s, %,d test images%n", dataset.name(), test.count());
        if (trained.datasetChecksum() != null && !trained.datasetChecksum().equals(dataset.checksum())) {
            out.printf(Locale.ROOT, "Note:           the model was trained on another data set (%s)%n",
                    trained.datasetName());
        }
        out.printf(Locale.ROOT, "Test loss:      %.4f%n", test.loss());
        out.printf(Locale.ROOT, "Test accuracy:  %.4f (%,d of %,d right)%n", test.accuracy(), correct, test.count());
        if (trained.hasTestAccuracy()) {
            out.printf(Locale.ROOT, "Recorded:       %.4f when it was saved%n", trained.testAccuracy());
        }
        out.println();
        out.println("Confusion matrix (rows: true digit, columns: predicted digit)");
        out.print(confusionTable(test.confusion()));
    }

    /** The matrix with a header row and column, every column as wide as its widest number. */
    static String confusionTable(int[][] confusion) {
        int width = 1;
        for (int[] row : confusion) {
            for (int v : row) {
                width = Math.max(width, String.format(Locale.ROOT, "%,d", v).length());
            }
        }
        String cell = " %" + (width + 1) + "s";
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%4s", ""));
        for (int c = 0; c < confusion.length; c++) {
            table.append(String.format(Locale.ROOT, cell, c));
        }
        table.append(System.lineSeparator());
        for (int r = 0; r < confusion.length; r++) {
            table.append(String.format(Locale.ROOT, "%4d", r));
            for (int v : confusion[r]) {
                table.append(String.format(Locale.ROOT, cell, String.format(Locale.ROOT, "%,d", v)));
            }
            table.append(System.lineSeparator());
        }
        return table.toString();
    }
}
