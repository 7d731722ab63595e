package dev.digitlab.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The activation function of a dense or conv layer. */
public enum Activation {
    RELU, SIGMOID, TANH, LINEAR,
    /** Keras's elu: x for x > 0, else exp(x) - 1 (alpha 1). */
    ELU,
    /** Keras's leaky_relu activation: x for x > 0, else 0.2 x. */
    LEAKY_RELU,
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
