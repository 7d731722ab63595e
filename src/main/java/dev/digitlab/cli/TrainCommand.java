package dev.digitlab.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.digitlab.base.AppVersion;
import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.PenDigit;
import dev.digitlab.imaging.strokes.TabletDigits;
import dev.digitlab.io.ModelReader;
import dev.digitlab.io.ModelWriter;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.optim.OptimizerConfig;
import dev.digitlab.train.Augmenter;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.Evaluation;
import dev.digitlab.train.TrainingConfig;
import dev.digitlab.train.TrainingJob;
import dev.digitlab.train.TrainingException;
import dev.digitlab.train.TrainingListener;
import dev.digitlab.train.TrainingMemory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code digitlab train}: trains a model on MNIST, optionally with pen digits added and augmentation,
 * and prints Keras-style progress.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network on MNIST, one line per epoch as Keras prints them, then test it.")
public final class TrainCommand implements Callable<Integer> {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data = new DataOption();

    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
            description = "adam or sgd. Default: ${DEFAULT-VALUE}.")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Learning rate (default: 0.001 for adam, 0.01 for sgd).")
    Double learningRate;

    @Option(names = "--decay", paramLabel = "D", defaultValue = "1e-6",
            description = "Time-based learning-rate decay: lr / (1 + D * step). Default: ${DEFAULT-VALUE}, "
                    + "as the tutorial's Adam(learning_rate=0.001, decay=1e-6).")
    double decay;

    @Option(names = "--momentum", paramLabel = "M", defaultValue = "0",
            description = "Momentum for sgd. Default: ${DEFAULT-VALUE}.")
    double momentum;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--validation", paramLabel = "F", defaultValue = "0.2",
            description = "Last fraction of the training images held out for validation. Default: ${DEFAULT-VALUE}.")
    double validation;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    StrokesOption strokes = new StrokesOption();

    @Option(names = "--copies", paramLabel = "N", defaultValue = "1",
            description = "With --strokes: how many times each pen digit is added to the training images. "
                    + "Default: ${DEFAULT-VALUE}.")
    int copies;

    @Option(names = "--augment", description = "Show each training image a little changed every time it is used: "
            + "shifted up to 2 pixels, rotated up to 12 degrees, scaled 85-110%%, slanted, pen thinner or bolder "
            + "(repeatable with --seed).")
    boolean augment;

    @Option(names = "--json", description = "One JSON object per epoch, then one with the test results.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Save the trained model to FILE (.json) with its settings, history and test accuracy.")
    Path outFile;

    @Option(names = "--from", paramLabel = "FILE",
            description = "Go on training the model in FILE (DigitLab .json, or Keras .h5 or .keras) from its weights; "
                    + "its architecture is used, not --preset or --layers.")
    Path fromFile;

    @Override
    public Integer call() throws Exception {
        ModelSpec modelSpec;
        TrainingConfig config;
        try {
            modelSpec = model.spec();
            config = new TrainingConfig(epochs, batch, validation, seed, optimizer());
            if (copies < 1) {
                throw new IllegalArgumentException("--copies must be at least 1, not " + copies);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        checkFits(modelSpec);
        ModelWriter writer = new ModelWriter(AppVersion.current());
        if (outFile != null) {
            writer.checkWritable(outFile); // before training, not after it
        }
        PrintWriter out = spec.commandLine().getOut();
        // Fine-tuning a model from a file (e.g. the learner's own Keras model) starts from its weights;
        // read before the data, so a bad file is said at once.
        Network network = fromFile == null ? null : dev.digitlab.io.keras.ModelOpener.load(fromFile).network();
        List<PenDigit> penDigits = strokes.given() ? strokes.load() : List.of();
        MnistDataset dataset = data.load(new ConsoleProgress(spec.commandLine().getErr()));
        if (network != null) {
            modelSpec = network.spec();
        }
        ImageSet extra = penDigits.isEmpty() ? null
                : ImageSet.concat(Collections.nCopies(copies, TabletDigits.images(penDigits)));
        String datasetName = penDigits.isEmpty() ? dataset.name() : dataset.name() + " + " + penDescription(penDigits);
        printHeader(out, modelSpec, config, extra != null, datasetName);
        String name = outFile == null ? "model" : ModelReader.nameOf(outFile);
        TrainingJob job = (network == null ? new TrainingJob(modelSpec, config, dataset, name)
                : TrainingJob.from(network, config, dataset, name))
                .withExtra(extra, datasetName).augmented(augment ? Augmenter.standard() : null);
        TrainingJob.Outcome outcome = job.run(epochPrinter(out)).orElseThrow();
        if (outFile != null) {
            writer.save(outcome.model(), outFile);
        }
        printSummary(out, outcome.test());
        return 0;
    }

    /** Refuses, as a usage error, a network too large to open again or to train in Java's memory. */
    private void checkFits(ModelSpec modelSpec) {
        if (batch > TrainingConfig.MAX_BATCH) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "the batch size must be at most %,d (all of MNIST's training images), not %d",
                    TrainingConfig.MAX_BATCH, batch));
        }
        if (!ModelReader.loadable(modelSpec)) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "this network has %,d parameters, more than the %,d DigitLab can open again; use smaller layers",
                    modelSpec.parameterCount(), ModelReader.MAX_PARAMETERS));
        }
        try {
            TrainingMemory.requireRoom(modelSpec, batch);
        } catch (TrainingException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The run's first lines: the network, the optimizer and batch, and the training images when pen digits join. */
    private void printHeader(PrintWriter out, ModelSpec modelSpec, TrainingConfig config, boolean extra,
                             String datasetName) {
        if (!json) {
            out.println("Model " + modelSpec + " (" + modelSpec.parameterCount() + " parameters), "
                    + config.optimizer().name() + " lr " + config.optimizer().learningRate() + ", batch " + batch
                    + (augment ? ", augmented" : ""));
            if (extra) {
                out.println("Training images: " + datasetName);
            }
            out.flush();
        }
    }

    /** Prints each finished epoch, as a line or as JSON. */
    private TrainingListener epochPrinter(PrintWriter out) {
        return new TrainingListener() {
            @Override
            public void onEpoch(EpochResult r) {
                out.println(json ? GSON.toJson(epochJson(r)) : epochLine(r));
                out.flush();
            }
        };
    }

    private OptimizerConfig optimizer() {
        OptimizerConfig opt = OptimizerConfig.defaults(optimizer);
        if (learningRate != null) {
            opt = opt.withLearningRate(learningRate);
        }
        return opt.withDecay(decay).withMomentum(momentum);
    }

    /** The test figures, and where the model went: a JSON object, or Keras's line. */
    private void printSummary(PrintWriter out, Evaluation test) {
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("test_loss", round(test.loss()));
            summary.put("test_accuracy", round(test.accuracy()));
            if (outFile != null) {
                summary.put("saved", outFile.toString());
            }
            out.println(GSON.toJson(summary));
        } else {
            out.printf(Locale.ROOT, "Test - loss: %.4f - accuracy: %.4f%n", test.loss(), test.accuracy());
            if (outFile != null) {
                out.println("Saved the model to " + outFile);
            }
        }
        out.flush();
    }

    /** E.g. "pen digits: 7,494 drawings by 30 writers of pendigits-orig.tra, 4 copies, augmented". */
    private String penDescription(List<PenDigit> digits) {
        long writers = digits.stream().mapToInt(PenDigit::writer).distinct().count();
        return String.format(Locale.ROOT, "pen digits: %,d drawings by %d writers of %s%s%s", digits.size(), writers,
                strokes.file.getFileName(), strokes.writers == null ? "" : " (writers " + strokes.writers + ")",
                copies > 1 ? ", " + copies + " copies" : "") + (augment ? ", augmented" : "");
    }

    /** Keras's epoch line: {@code Epoch 3/10 - 1.2s - loss: 0.1065 - accuracy: 0.9696 - val_loss: ...}. */
    static String epochLine(EpochResult r) {
        String line = String.format(Locale.ROOT, "Epoch %d/%d - %.1fs - loss: %.4f - accuracy: %.4f",
                r.epoch(), r.epochs(), r.seconds(), r.loss(), r.accuracy());
        if (r.hasValidation()) {
            line += String.format(Locale.ROOT, " - val_loss: %.4f - val_accuracy: %.4f", r.valLoss(), r.valAccuracy());
        }
        return line;
    }

    static Map<String, Object> epochJson(EpochResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", r.epoch());
        m.put("epochs", r.epochs());
        m.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        m.put("loss", round(r.loss()));
        m.put("accuracy", round(r.accuracy()));
        if (r.hasValidation()) {
            m.put("val_loss", round(r.valLoss()));
            m.put("val_accuracy", round(r.valAccuracy()));
        }
        return m;
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
