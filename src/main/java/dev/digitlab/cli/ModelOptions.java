package dev.digitlab.cli;

import dev.digitlab.nn.LayerTokens;
import dev.digitlab.nn.ModelSpec;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that choose an architecture: a preset, and explicit options that override parts of it. */
final class ModelOptions {

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "tutorial",
            description = "Architecture: tutorial (784-128-10), deeper (784-256-128-10), dropout "
                    + "(deeper with dropout 0.2) or cnn (conv 5x5x32, max-pool 2, conv 3x3x64, max-pool 2, "
                    + "128 with dropout 0.3). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--layers", paramLabel = "LAYERS", split = ",",
            description = "The layers before the softmax, replacing the preset's: dense sizes, e.g. 128 or 256,128, "
                    + "after conv and pool layers if any, e.g. conv5x5x32,pool2,128 (conv<h>x<w>x<filters> with "
                    + "relu, 'same' appended for zero padding that keeps the size; pool<size> for max pooling).")
    List<String> layers;

    @Option(names = "--dropout", paramLabel = "RATE",
            description = "Dropout after each dense hidden layer, in [0, 1) (overrides the preset's).")
    Double dropout;

    /**
     * The spec the options describe.
     *
     * @throws IllegalArgumentException with a one-line message for a bad value
     */
    ModelSpec spec() {
        ModelSpec base = ModelSpec.preset(preset);
        if (layers == null && dropout == null) {
            return base;
        }
        LayerTokens tokens = LayerTokens.of(base);
        double rate = base.dropoutRate();
        if (layers != null) {
            try {
                tokens = LayerTokens.parse(layers);
            } catch (LayerTokens.Problem e) {
                throw new IllegalArgumentException(e.sentence("--layers"), e);
            }
        }
        if (dropout != null) {
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("--dropout must be in [0, 1), not " + dropout);
            }
            rate = dropout;
        }
        return tokens.spec(base.inputs(), rate, base.classes());
    }
}
