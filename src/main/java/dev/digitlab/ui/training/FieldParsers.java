package dev.digitlab.ui.training;

import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.training.FieldParsers;

import dev.digitlab.io.ModelReader;
import dev.digitlab.nn.LayerTokens;
import dev.digitlab.nn.ModelSpec;
import java.util.function.Function;

/**
 * Readers for the Training form's fields. Each throws {@link IllegalArgumentException} with the
 * message (from the bundle) that says what to enter. Numbers use a dot as the decimal mark.
 */
final class FieldParsers {

    private FieldParsers() {
    }

    /** A whole number in {@code [min, max]}. */
    static Function<String, Integer> wholeNumber(int min, int max, String errorKey) {
        return text -> {
            long v = parseLong(text, errorKey, min, max);
            if (v < min || v > max) {
                throw invalid(errorKey, min, max);
            }
            return (int) v;
        };
    }

    /** Any whole number that fits a long. */
    static Function<String, Long> anyWholeNumber(String errorKey) {
        return text -> parseLong(text, errorKey);
    }

    /** A finite number in {@code [min, max)} (or {@code (min, max)} when {@code minExclusive}). */
    static Function<String, Double> decimal(double min, boolean minExclusive, double max, String errorKey) {
        return text -> {
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw invalid(errorKey);
            }
            boolean aboveMin = minExclusive ? v > min : v >= min;
            if (!Double.isFinite(v) || !aboveMin || !(v < max)) {
                throw invalid(errorKey);
            }
            return v;
        };
    }

    /**
     * The layers before the softmax as {@link LayerTokens} read them (dense sizes, conv and pool
     * layers, separated by commas; empty means none), for a network on {@code inputs} values with
     * {@code classes} outputs: at most {@code maxDense} dense layers of 1 to {@code maxUnits} units,
     * at most {@code maxImage} conv and pool layers of at most {@code maxFilters} filters, and a
     * geometry that fits the input image.
     */
    static Function<String, LayerTokens> layers(int inputs, int classes, int maxUnits, int maxDense, int maxFilters,
                                               int maxImage) {
        return text -> {
            LayerTokens tokens;
            try {
                tokens = LayerTokens.parse(text);
            } catch (LayerTokens.Problem e) {
                throw switch (e.kind()) {
                    case NOT_A_LAYER -> invalid("error.layers.token", e.token());
                    case IMAGE_AFTER_DENSE -> invalid("error.layers.order", e.token(), e.after());
                    case NOT_POSITIVE, NUMBER_TOO_LARGE -> invalid("error.layers.size", maxUnits, maxFilters);
                };
            }
            if (tokens.hidden().size() > maxDense || tokens.imageLayers().size() > maxImage) {
                throw invalid("error.layers.count", maxDense, maxImage);
            }
            boolean sizesFit = tokens.hidden().stream().allMatch(u -> u <= maxUnits)
                    && tokens.imageLayers().stream().allMatch(l -> l.filters() <= maxFilters);
            if (!sizesFit) {
                throw invalid("error.layers.size", maxUnits, maxFilters);
            }
            ModelSpec spec;
            try {
                spec = tokens.spec(inputs, 0, classes);
            } catch (IllegalArgumentException e) {
                throw invalid("error.layers.shape", e.getMessage());
            }
            if (!ModelReader.loadable(spec)) {
                throw invalid("error.layers.parameters", spec.parameterCount(), ModelReader.MAX_PARAMETERS);
            }
            return tokens;
        };
    }

    private static long parseLong(String text, String errorKey, Object... args) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalid(errorKey, args);
        }
    }

    /** The bundle's message for {@code errorKey}, with {@code args} filled in. */
    private static IllegalArgumentException invalid(String errorKey, Object... args) {
        return new IllegalArgumentException(Messages.format(errorKey, args));
    }
}
