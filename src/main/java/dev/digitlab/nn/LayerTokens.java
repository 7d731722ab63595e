package dev.digitlab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The short list of layers a learner types, e.g. {@code "conv5x5x32, pool2, conv3x3x64, pool2, 128"}:
 * the layers between the input and the softmax, with the activation (ReLU) and the dropout left out.
 * Tokens: a dense size ({@code 128}), a conv layer {@code conv<height>x<width>x<filters>} with
 * {@code same} appended for zero padding that keeps the size ({@code conv3x3x64same}), and a max-pool
 * layer {@code pool<size>}. Conv and pool layers come before the dense ones.
 *
 * <p>{@link #parse} only reads the tokens; whether the layers fit an image is checked when
 * {@link #spec} builds the {@link ModelSpec}.
 *
 * @param imageLayers the conv and max-pool layers, in order
 * @param hidden      the sizes of the dense ReLU layers after them, in order
 */
public record LayerTokens(List<LayerSpec> imageLayers, List<Integer> hidden) {

    private static final Pattern CONV = Pattern.compile("conv(\\d+)x(\\d+)x(\\d+)(same|valid)?");
    private static final Pattern POOL = Pattern.compile("pool(\\d+)");
    private static final Pattern DENSE = Pattern.compile("-?\\d+");

    public LayerTokens {
        imageLayers = List.copyOf(imageLayers);
        hidden = List.copyOf(hidden);
    }

    /**
     * Reads tokens separated by commas; spaces around them and case do not matter, and blank text
     * means no layers.
     *
     * @throws Problem naming the token that cannot be read
     */
    public static LayerTokens parse(String text) {
        if (text == null || text.isBlank()) {
            return new LayerTokens(List.of(), List.of());
        }
        return parse(List.of(text.split(",", -1)));
    }

    /**
     * Reads one token per element; spaces around them and case do not matter.
     *
     * @throws Problem naming the token that cannot be read
     */
    public static LayerTokens parse(List<String> tokens) {
        List<LayerSpec> image = new ArrayList<>();
        List<Integer> hidden = new ArrayList<>();
        for (String raw : tokens) {
            String token = raw.strip().toLowerCase(Locale.ROOT);
            Matcher conv = CONV.matcher(token);
            Matcher pool = POOL.matcher(token);
            if (conv.matches() || pool.matches()) {
                if (!hidden.isEmpty()) {
                    throw new Problem(Problem.Kind.IMAGE_AFTER_DENSE, token, hidden.get(hidden.size() - 1));
                }
                image.add(conv.matches()
                        ? LayerSpec.conv(number(conv.group(1)), number(conv.group(2)), number(conv.group(3)), "relu",
                                conv.group(4) == null ? LayerSpec.VALID : conv.group(4))
                        : LayerSpec.maxPool(number(pool.group(1))));
            } else if (DENSE.matcher(token).matches()) {
                int units = number(token);
                if (units <= 0) {
                    throw new Problem(Problem.Kind.NOT_POSITIVE, Integer.toString(units), null);
                }
                hidden.add(units);
            } else {
                throw new Problem(Problem.Kind.NOT_A_LAYER, token, null);
            }
        }
        return new LayerTokens(image, hidden);
    }

    /**
     * The image layers and dense hidden sizes of {@code spec}; flatten and dropout layers, and the
     * activations, are left out.
     */
    public static LayerTokens of(ModelSpec spec) {
        List<LayerSpec> image = new ArrayList<>();
        List<Integer> hidden = new ArrayList<>();
        List<LayerSpec> layers = spec.layers();
        for (LayerSpec layer : layers.subList(0, layers.size() - 1)) {
            if (layer.isImageLayer()) {
                image.add(layer);
            } else if (layer.is(LayerType.DENSE)) {
                hidden.add(layer.units());
            }
        }
        return new LayerTokens(image, hidden);
    }

    /** The layers of {@code spec} as tokens, e.g. {@code "conv5x5x32, pool2, conv3x3x64, pool2, 128"}. */
    public static String format(ModelSpec spec) {
        return of(spec).toString();
    }

    /**
     * The network of these layers: ReLU activations, dropout {@code dropout} after each dense
     * hidden layer when above 0, a softmax layer of {@code classes} units. Without image layers it
     * equals {@link ModelSpec#mlp}.
     *
     * @throws IllegalArgumentException with one sentence when the layers do not fit {@code inputs}
     */
    public ModelSpec spec(int inputs, double dropout, int classes) {
        return ModelSpec.cnn(inputs, imageLayers, hiddenSizes(), dropout, classes);
    }

    /** The dense hidden sizes as an array. */
    public int[] hiddenSizes() {
        return hidden.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The tokens separated by a comma and a space, which {@link #parse} reads back. */
    @Override
    public String toString() {
        List<String> tokens = new ArrayList<>();
        for (LayerSpec layer : imageLayers) {
            tokens.add(layer.is(LayerType.CONV2D)
                    ? "conv" + layer.kernelHeight() + "x" + layer.kernelWidth() + "x" + layer.filters()
                            + (LayerSpec.SAME.equals(layer.padding()) ? "same" : "")
                    : "pool" + layer.poolSize());
        }
        hidden.forEach(units -> tokens.add(Integer.toString(units)));
        return tokens.stream().collect(Collectors.joining(", "));
    }

    private static int number(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new Problem(Problem.Kind.NUMBER_TOO_LARGE, digits, null);
        }
    }

    /**
     * A token that cannot be read. Its message speaks of "the layer list"; {@link #sentence} puts
     * another name for it in front, e.g. an option's.
     */
    public static final class Problem extends IllegalArgumentException {

        /** What is wrong with the token. */
        public enum Kind {
            /** Neither a dense size, nor a conv, nor a pool layer. */
            NOT_A_LAYER,
            /** A conv or pool layer after a dense one. */
            IMAGE_AFTER_DENSE,
            /** A dense size of 0 or less. */
            NOT_POSITIVE,
            /** A number that does not fit an int. */
            NUMBER_TOO_LARGE
        }

        private final Kind kind;
        private final String token;
        private final Integer after;

        Problem(Kind kind, String token, Integer after) {
            super(predicate(kind, token, after));
            this.kind = kind;
            this.token = token;
            this.after = after;
        }

        /** What is wrong. */
        public Kind kind() {
            return kind;
        }

        /** The token (or, for {@link Kind#NUMBER_TOO_LARGE}, the number) that is wrong, lower case. */
        public String token() {
            return token;
        }

        /** For {@link Kind#IMAGE_AFTER_DENSE}: the dense size it came after; otherwise null. */
        public Integer after() {
            return after;
        }

        /** One sentence whose subject is {@code subject}, e.g. "--layers needs positive sizes, not 0". */
        public String sentence(String subject) {
            return subject + " " + predicate(kind, token, after);
        }

        @Override
        public String getMessage() {
            return sentence("the layer list");
        }

        private static String predicate(Kind kind, String token, Integer after) {
            return switch (kind) {
                case NOT_A_LAYER -> "takes dense sizes like 128, conv layers like conv5x5x32 and pool layers like pool2, "
                        + "not '" + token + "'";
                case IMAGE_AFTER_DENSE -> "needs conv and pool layers before the dense ones, not '" + token + "' after "
                        + after;
                case NOT_POSITIVE -> "needs positive sizes, not " + token;
                case NUMBER_TOO_LARGE -> "has a number too large to use: " + token;
            };
        }
    }
}
