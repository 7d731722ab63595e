package dev.digitlab.ui;

import java.util.ArrayList;
import java.util.List;
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

    /** Hidden layer sizes separated by commas, each in {@code [1, maxUnits]}; empty means none. */
    static Function<String, int[]> layerSizes(int maxUnits, int maxLayers, String errorKey) {
        return text -> {
            if (text.isEmpty()) {
                return new int[0];
            }
            List<Integer> sizes = new ArrayList<>();
            for (String part : text.split(",", -1)) {
                long v = parseLong(part.strip(), errorKey, maxUnits, maxLayers);
                if (v < 1 || v > maxUnits) {
                    throw invalid(errorKey, maxUnits, maxLayers);
                }
                sizes.add((int) v);
            }
            if (sizes.size() > maxLayers) {
                throw invalid(errorKey, maxUnits, maxLayers);
            }
            return sizes.stream().mapToInt(Integer::intValue).toArray();
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
