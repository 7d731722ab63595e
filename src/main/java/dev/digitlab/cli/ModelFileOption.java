package dev.digitlab.cli;

import dev.digitlab.io.ModelHeader;
import dev.digitlab.io.ModelReader;
import dev.digitlab.io.ShippedModels;
import dev.digitlab.io.keras.KerasReader;
import dev.digitlab.io.keras.ModelOpener;
import dev.digitlab.train.TrainedModel;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --model FILE} option; without it, the model that ships with DigitLab. */
final class ModelFileOption {

    // picocli formats descriptions with String.format: a percent sign is written %%.
    @Option(names = "--model", paramLabel = "FILE",
            description = "A model file: DigitLab's .json (saved by 'digitlab train --out' or the app), or a "
                    + "Keras .h5 or .keras file (model.save in Python). "
                    + "Default: the best shipped model (models/mnist-cnn.json, 99.14%% on MNIST, also trained on pen digits; the tutorial's "
                    + "network is models/mnist-mlp.json).")
    Path file;

    /** What the output calls the model: the file as given, or the shipped model. */
    String describe() {
        return file == null ? ShippedModels.BEST.description() : file.toString();
    }

    /** The model's header only: no weights decoded, no ND4J started. */
    ModelHeader header() {
        return file == null ? new ShippedModels().header() : new ModelReader().readHeader(file);
    }

    /** The whole model, from DigitLab's JSON or a Keras file. */
    TrainedModel load() {
        return file == null ? new ShippedModels().load() : ModelOpener.load(file);
    }

    /** Whether the file is a Keras one rather than DigitLab's JSON. */
    boolean isKeras() {
        return file != null && KerasReader.isKerasFile(file);
    }
}
