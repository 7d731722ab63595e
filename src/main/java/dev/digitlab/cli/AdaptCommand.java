package dev.digitlab.cli;

import dev.digitlab.base.AppVersion;
import dev.digitlab.base.Mnist;
import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.imaging.Preprocessor;
import dev.digitlab.io.DrawingStore;
import dev.digitlab.io.ModelWriter;
import dev.digitlab.train.FineTuneConfig;
import dev.digitlab.train.OwnExamples;
import dev.digitlab.train.Teacher;
import dev.digitlab.train.TrainedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code digitlab adapt}: "Teach the model" without the window. Fine-tunes a model on a user's
 * examples mixed with MNIST training images, prints how well it reads the examples before and
 * after (the figure after held out fairly, see {@link Teacher}) and MNIST's test set, and saves
 * the result.
 */
@Command(name = "adapt", mixinStandardHelpOptions = true,
        description = "Teach a model your handwriting: fine-tune it on your examples (pictures in DIR/0 ... DIR/9,"
                + " or the app's my-drawings.json) mixed with MNIST training images, and save the result.")
public final class AdaptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelFileOption model = new ModelFileOption();

    @Mixin
    DataOption data = new DataOption();

    @Option(names = "--examples", paramLabel = "DIR|FILE", required = true,
            description = "A folder with subfolders 0 to 9 of pictures (PNG, JPEG, GIF or BMP; any size, either "
                    + "polarity), or a my-drawings.json saved by the app.")
    Path examples;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to save the adapted model.")
    Path out;

    @Override
    public Integer call() throws IOException {
        ModelWriter writer = new ModelWriter(AppVersion.current());
        writer.checkWritable(out);
        ImageSet own = examples();
        TrainedModel base = model.load();
        int pixels = Mnist.PIXELS;
        if (base.network().inputs() != pixels || base.network().classes() != Mnist.CLASSES) {
            throw new IllegalArgumentException(model.describe() + " takes " + base.network().inputs()
                    + " inputs and " + base.network().classes() + " classes, not a 28x28 digit's 784 and 10");
        }
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        MnistDataset mnist;
        try {
            mnist = data.load(progress);
        } finally {
            progress.finish();
        }
        PrintWriter text = spec.commandLine().getOut();
        text.printf(Locale.ROOT, "Teaching %s %d examples (%s) mixed with MNIST...%n", model.describe(), own.size(),
                counts(own));
        text.flush();
        long start = System.nanoTime();
        Teacher.Outcome outcome = new Teacher(FineTuneConfig.standard()).teach(base.network(), own,
                mnist.train(), mnist.test(), Double.NaN, null);
        double seconds = (System.nanoTime() - start) / 1e9;
        TrainedModel adapted = outcome.model(base);
        writer.save(adapted, out);
        print(text, outcome, seconds);
        text.println("Saved " + adapted.name() + " to " + out);
        text.flush();
        return 0;
    }

    private ImageSet examples() throws IOException {
        if (Files.isDirectory(examples)) {
            return OwnExamples.fromFolder(examples);
        }
        if (!Files.isRegularFile(examples)) {
            throw new IOException(examples + " does not exist");
        }
        ImageSet own = OwnExamples.fromDrawings(DrawingStore.read(examples));
        if (own.size() == 0) {
            throw new IOException(examples + " holds no drawings");
        }
        return own;
    }

    private static String counts(ImageSet own) {
        int[] counts = own.classCounts();
        StringBuilder s = new StringBuilder();
        for (int d = 0; d < counts.length; d++) {
            if (counts[d] > 0) {
                s.append(s.length() == 0 ? "" : ", ").append(d).append(": ").append(counts[d]);
            }
        }
        return s.toString();
    }

    private static void print(PrintWriter text, Teacher.Outcome o, double seconds) {
        text.printf(Locale.ROOT, "Your examples:  %.1f%% before, %s%n", 100 * o.ownBefore(),
                Double.isNaN(o.ownAfter()) ? "too few to check fairly after (at least " + Teacher.FOLDS + ")"
                        : String.format(Locale.ROOT, "%.1f%% after (each read by a model that did not learn it, "
                        + "%d-fold)", 100 * o.ownAfter(), Teacher.FOLDS));
        text.printf(Locale.ROOT, "MNIST test set: %.2f%% before, %.2f%% after%n", 100 * o.mnistBefore(),
                100 * o.mnistAfter());
        text.printf(Locale.ROOT, "Took %.1f s%n", seconds);
    }

}
