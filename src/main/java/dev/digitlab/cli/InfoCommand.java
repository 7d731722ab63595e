package dev.digitlab.cli;

import dev.digitlab.io.ModelHeader;
import dev.digitlab.imaging.Preprocessing;
import dev.digitlab.nn.optim.OptimizerConfig;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.TrainingConfig;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code digitlab info}: what a model file holds (architecture, training, history, test accuracy),
 * read from its JSON header alone: the weights are not decoded and ND4J is not started, so it
 * answers at once. A Keras file's info says where it came from and its MNIST test accuracy as
 * DigitLab measures it (see {@link KerasInfo}).
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show a model file's architecture, training settings, history and test accuracy.")
public final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelFileOption model = new ModelFileOption();

    @Option(names = "--json", description = "Print the file's header as JSON (everything but the weight values).")
    boolean json;

    @Mixin
    DataOption data = new DataOption();

    @Override
    public Integer call() {
        if (model.isKeras()) {
            return KerasInfo.print(spec.commandLine().getOut(), spec.commandLine().getErr(), model, data, json);
        }
        ModelHeader header = model.header();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(header.toJson());
        } else {
            print(out, model.describe(), header);
        }
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, String file, ModelHeader h) {
        out.printf(Locale.ROOT, "Model:          %s%s%n", file, h.name() == null ? "" : " (" + h.name() + ")");
        out.printf(Locale.ROOT, "Architecture:   %s (%,d parameters)%n", h.spec(), h.parameterCount());
        out.printf(Locale.ROOT, "Made:          %s%s (format version %d)%n",
                h.created() == null ? "" : " " + h.created(),
                h.appVersion() == null ? "" : " by DigitLab " + h.appVersion(), h.formatVersion());
        out.printf(Locale.ROOT, "Trained on:     %s%n", dataset(h));
        out.printf(Locale.ROOT, "Training:       %s%n", training(h.config()));
        if (h.adaptation() != null) {
            out.printf(Locale.ROOT, "Adapted:        from %s, taught %,d of the user's drawings%n",
                    h.adaptation().baseModel() == null ? "an unnamed model" : h.adaptation().baseModel(),
                    h.adaptation().drawings());
        }
        Preprocessing p = h.preprocessing();
        out.printf(Locale.ROOT, "Drawn digits:   %s: scaled into a %dx%d box, placed by %s in a %dx%d field%n",
                p.method(), p.box(), p.box(), p.centring(), p.field(), p.field());
        out.printf(Locale.ROOT, "Test accuracy:  %s%n",
                h.hasTestAccuracy() ? String.format(Locale.ROOT, "%.4f", h.testAccuracy()) : "not measured");
        out.println();
        if (h.history().isEmpty()) {
            out.println("No training history.");
        } else {
            out.println("History:");
            for (EpochResult r : h.history()) {
                out.println("  " + TrainCommand.epochLine(r));
            }
        }
    }

    private static String dataset(ModelHeader h) {
        if (h.datasetName() == null && h.datasetChecksum() == null) {
            return "unknown";
        }
        String name = h.datasetName() == null ? "unnamed data set" : h.datasetName();
        return h.datasetChecksum() == null ? name : name + " (training images SHA-256 " + h.datasetChecksum() + ")";
    }

    private static String training(TrainingConfig c) {
        if (c == null) {
            return "unknown";
        }
        OptimizerConfig o = c.optimizer();
        String optimizer = o.name() + " (learning rate " + number(o.learningRate())
                + (OptimizerConfig.SGD.equals(o.name()) ? ", momentum " + number(o.momentum()) : "")
                + ", decay " + number(o.decay()) + ")";
        return String.format(Locale.ROOT, "%d epochs, batch %d, validation split %s, seed %d, %s", c.epochs(),
                c.batchSize(), number(c.validationSplit()), c.seed(), optimizer);
    }

    /** A setting as typed: 0.001, 0.2, 0. */
    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
