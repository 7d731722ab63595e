package dev.digitlab.cli;

import dev.digitlab.nn.LayerSpec;
import dev.digitlab.nn.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that choose an architecture: a preset, and explicit options that override parts of it. */
final class ModelOptions {

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "tutorial",
            description = "Architecture: tutorial (784-128-10), deeper (784-256-128-10) or dropout "
                    + "(deeper with dropout 0.2). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--layers", paramLabel = "UNITS", split = ",",
            description = "Hidden layer sizes, e.g. 128 or 256,128 (overrides the preset's).")
    List<Integer> layers;

    @Option(names = "--dropout", paramLabel = "RATE",
            description = "Dropout after each hidden layer, in [0, 1) (overrides the preset's).")
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
        List<Integer> hidden = new ArrayList<>();
        double rate = 0;
        for (int i = 0; i < base.layers().size() - 1; i++) {
            LayerSpec l = base.layers().get(i);
            if (LayerSpec.DENSE.equals(l.type())) {
                hidden.add(l.units());
            } else if (LayerSpec.DROPOUT.equals(l.type())) {
                rate = l.rate();
            }
        }
        if (layers != null) {
            hidden = layers;
        }
        if (dropout != null) {
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("--dropout must be in [0, 1), not " + dropout);
            }
            rate = dropout;
        }
        for (int units : hidden) {
            if (units <= 0) {
                throw new IllegalArgumentException("--layers needs positive sizes, not " + units);
            }
        }
        return ModelSpec.mlp(base.inputs(), hidden.stream().mapToInt(Integer::intValue).toArray(), rate,
                base.classes());
    }
}
