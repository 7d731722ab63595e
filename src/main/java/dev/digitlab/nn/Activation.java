package dev.digitlab.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The activation function of a dense layer. */
public enum Activation {
    RELU, SIGMOID, TANH, LINEAR,
    /** Only on the last layer, where it is fused with the cross-entropy loss. */
    SOFTMAX;

    /** The name used in model specs, e.g. {@code "relu"}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The activation with the given spec name.
     *
     * @throws IllegalArgumentException naming the known activations when there is no such one
     */
    public static Activation of(String name) {
        if (name != null) {
            for (Activation a : values()) {
                if (a.specName().equals(name.toLowerCase(Locale.ROOT))) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "' (known: "
                + Arrays.stream(values()).map(Activation::specName).collect(Collectors.joining(", ")) + ")");
    }
}
