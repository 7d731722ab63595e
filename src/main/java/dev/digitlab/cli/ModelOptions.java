package dev.digitlab.cli;

import dev.digitlab.nn.LayerSpec;
import dev.digitlab.nn.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The options that choose an architecture: a preset, and explicit options that override parts of it. */
final class ModelOptions {

    private static final Pattern CONV = Pattern.compile("conv(\\d+)x(\\d+)x(\\d+)(same|valid)?");
    private static final Pattern POOL = Pattern.compile("pool(\\d+)");
    private static final Pattern DENSE = Pattern.compile("-?\\d+");

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
        List<LayerSpec> image = new ArrayList<>();
        List<Integer> hidden = new ArrayList<>();
        double rate = 0;
        for (int i = 0; i < base.layers().size() - 1; i++) {
            LayerSpec l = base.layers().get(i);
            if (LayerSpec.DENSE.equals(l.type())) {
                hidden.add(l.units());
            } else if (LayerSpec.DROPOUT.equals(l.type())) {
                rate = l.rate();
            } else if (l.isImageLayer()) {
                image.add(l);
            }
        }
        if (layers != null) {
            image = new ArrayList<>();
            hidden = new ArrayList<>();
            for (String token : layers) {
                addLayer(token.trim().toLowerCase(Locale.ROOT), image, hidden);
            }
        }
        if (dropout != null) {
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("--dropout must be in [0, 1), not " + dropout);
            }
            rate = dropout;
        }
        return ModelSpec.cnn(base.inputs(), image, hidden.stream().mapToInt(Integer::intValue).toArray(), rate,
                base.classes());
    }

    private static void addLayer(String token, List<LayerSpec> image, List<Integer> hidden) {
        Matcher conv = CONV.matcher(token);
        Matcher pool = POOL.matcher(token);
        if (conv.matches() || pool.matches()) {
            if (!hidden.isEmpty()) {
                throw new IllegalArgumentException("--layers needs conv and pool layers before the dense ones, not '"
                        + token + "' after " + hidden.get(hidden.size() - 1));
            }
            image.add(conv.matches()
                    ? LayerSpec.conv(number(conv.group(1)), number(conv.group(2)), number(conv.group(3)), "relu",
                            conv.group(4) == null ? LayerSpec.VALID : conv.group(4))
                    : LayerSpec.maxPool(number(pool.group(1))));
        } else if (DENSE.matcher(token).matches()) {
            int units = number(token);
            if (units <= 0) {
                throw new IllegalArgumentException("--layers needs positive sizes, not " + units);
            }
            hidden.add(units);
        } else {
            throw new IllegalArgumentException("--layers takes dense sizes like 128, conv layers like conv5x5x32 and "
                    + "pool layers like pool2, not '" + token + "'");
        }
    }

    private static int number(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--layers has a number too large to use: " + digits);
        }
    }
}
