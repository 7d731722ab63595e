package dev.digitlab.cli;

import dev.digitlab.base.Mnist;
import com.google.gson.GsonBuilder;
import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.PenDigit;
import dev.digitlab.imaging.ImageFiles;
import dev.digitlab.imaging.strokes.TabletDigits;
import dev.digitlab.train.ClassMetrics;
import dev.digitlab.train.Evaluation;
import dev.digitlab.train.Evaluator;
import dev.digitlab.train.TrainedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code digitlab evaluate}: a saved model's loss, accuracy, per-digit recall and confusion matrix on
 * the MNIST test set, or on digits written with a pen ({@code --strokes}), drawn and read as the
 * Draw tab reads a drawing.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Test a saved model on the MNIST test set, or on handwritten digits recorded with a pen "
                + "(--strokes): loss, accuracy, per-digit recall and the confusion matrix.")
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelFileOption model = new ModelFileOption();

    @Mixin
    DataOption data = new DataOption();

    @Mixin
    StrokesOption strokes = new StrokesOption();

    @Option(names = "--export-png", paramLabel = "DIR", hidden = true,
            description = "With --strokes: also write each digit as the canvas shows it, DIR/<digit>/w<writer>-<n>.png.")
    Path exportDir;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (exportDir != null && !strokes.given()) {
            throw new IllegalArgumentException("--export-png needs --strokes FILE");
        }
        TrainedModel trained = model.load();
        if (trained.network().classes() != Mnist.CLASSES) {
            throw new IllegalArgumentException(model.describe() + " tells " + trained.network().classes()
                    + " classes apart, but the test images show the " + Mnist.CLASSES + " digits");
        }
        if (strokes.given()) {
            return evaluateStrokes(trained);
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
        m.put("recall", recalls(test));
        m.put("confusion", test.confusion());
        return m;
    }

    private int evaluateStrokes(TrainedModel trained) throws IOException {
        List<PenDigit> digits = strokes.load();
        if (exportDir != null) {
            export(digits);
        }
        ImageSet images = TabletDigits.images(digits, trained.preprocessing());
        if (trained.network().inputs() != images.imageSize()) {
            throw new IllegalArgumentException(model.describe() + " takes " + trained.network().inputs()
                    + " inputs, but a drawing becomes " + images.imageSize() + " pixels");
        }
        Evaluation test = Evaluator.evaluate(trained.network(), images);
        long writers = digits.stream().mapToInt(PenDigit::writer).distinct().count();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model.describe());
            m.put("architecture", trained.network().spec().toString());
            m.put("strokes", strokes.describe());
            m.put("writers", writers);
            m.put("drawings", test.count());
            m.put("loss", test.loss());
            m.put("accuracy", test.accuracy());
            m.put("recall", recalls(test));
            m.put("confusion", test.confusion());
            out.println(new GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(m));
        } else {
            out.printf(Locale.ROOT, "Model:          %s (%s)%n", model.describe(), trained.network().spec());
            out.printf(Locale.ROOT, "Drawings:       %s, %,d digits by %d writer(s), drawn with the Draw tab's pen%n",
                    strokes.describe(), test.count(), writers);
            printResults(out, "Loss:           ", "Accuracy:       ", test);
        }
        out.flush();
        return 0;
    }

    /** Writes every digit as the canvas shows it, into a folder per digit. */
    private void export(List<PenDigit> digits) throws IOException {
        for (int d = 0; d < 10; d++) {
            Files.createDirectories(exportDir.resolve(Integer.toString(d)));
        }
        int[] seen = new int[10];
        for (PenDigit digit : digits) {
            String name = String.format(Locale.ROOT, "w%02d-%04d.png", digit.writer(), ++seen[digit.label()]);
            ImageFiles.writeInkPng(TabletDigits.canvas(digit),
                    exportDir.resolve(Integer.toString(digit.label())).resolve(name));
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "Wrote %,d pictures into %s%n", digits.size(), exportDir);
    }

    /** Loss, accuracy, per-digit recall and the confusion matrix, as text. */
    private static void printResults(PrintWriter out, String lossLabel, String accuracyLabel, Evaluation test) {
        int correct = (int) Math.round(test.accuracy() * test.count());
        out.printf(Locale.ROOT, "%s%.4f%n", lossLabel, test.loss());
        out.printf(Locale.ROOT, "%s%.4f (%,d of %,d right)%n", accuracyLabel, test.accuracy(), correct, test.count());
        out.println();
        out.println("Recall per digit (the share of each digit read right)");
        out.print(recallTable(ClassMetrics.of(test.confusion())));
        out.println();
        out.println("Confusion matrix (rows: true digit, columns: predicted digit)");
        out.print(confusionTable(test.confusion()));
    }

    /** Each digit's recall, null for a digit of which there is no image. */
    private static List<Double> recalls(Evaluation test) {
        ClassMetrics metrics = ClassMetrics.of(test.confusion());
        List<Double> r = new ArrayList<>();
        for (int c = 0; c < metrics.classes(); c++) {
            r.add(Double.isNaN(metrics.recall(c)) ? null : metrics.recall(c));
        }
        return r;
    }

    /** Two rows: the digits, and each one's recall in percent ("-" when there is none of it). */
    static String recallTable(ClassMetrics metrics) {
        StringBuilder digits = new StringBuilder(String.format(Locale.ROOT, "%4s", ""));
        StringBuilder values = new StringBuilder(String.format(Locale.ROOT, "%4s", "%"));
        for (int c = 0; c < metrics.classes(); c++) {
            digits.append(String.format(Locale.ROOT, " %6d", c));
            double r = metrics.recall(c);
            values.append(Double.isNaN(r) ? String.format(Locale.ROOT, " %6s", "-")
                    : String.format(Locale.ROOT, " %6.2f", 100 * r));
        }
        return digits + System.lineSeparator() + values + System.lineSeparator();
    }

    private void print(PrintWriter out, TrainedModel trained, MnistDataset dataset, Evaluation test) {
        out.printf(Locale.ROOT, "Model:          %s (%s)%n", model.describe(), trained.network().spec());
        out.printf(Locale.ROOT, "Data set:       %s, %,d test images%n", dataset.name(), test.count());
        if (trained.datasetChecksum() != null && !trained.datasetChecksum().equals(dataset.checksum())) {
            out.printf(Locale.ROOT, "Note:           the model was trained on another data set (%s)%n",
                    trained.datasetName());
        }
        if (trained.hasTestAccuracy()) {
            out.printf(Locale.ROOT, "Recorded:       %.4f when it was saved%n", trained.testAccuracy());
        }
        printResults(out, "Test loss:      ", "Test accuracy:  ", test);
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
