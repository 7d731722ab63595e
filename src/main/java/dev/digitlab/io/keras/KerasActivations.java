package dev.digitlab.io.keras;

import java.util.List;

/**
 * The activations DigitLab computes, by the names Keras gives them, and the activation layers
 * ({@code Activation}, {@code ReLU}, {@code LeakyReLU}, {@code ELU}, {@code Softmax}) as those names.
 */
final class KerasActivations {

    /** As Keras writes them; DigitLab's {@code nn.Activation} has each under the same name. */
    static final List<String> NAMES = List.of("relu", "elu", "leaky_relu", "sigmoid", "tanh", "softmax", "linear");

    private KerasActivations() {
    }

    /** {@code name} when DigitLab computes it, else a sentence naming the layer and the activation. */
    static String checked(KerasLayer layer, String name) {
        if (!NAMES.contains(name)) {
            throw KerasPlan.unsupported(layer, "the activation '" + name + "' (DigitLab computes "
                    + String.join(", ", NAMES) + ")");
        }
        return name;
    }

    /** The activation an activation layer applies, when DigitLab computes it exactly. */
    static String ofLayer(KerasLayer layer) {
        return switch (layer.className()) {
            case "Activation" -> checked(layer, layer.activation("activation"));
            case "ReLU" -> {
                if (!Double.isNaN(layer.number("max_value", Double.NaN)) || layer.number("negative_slope", 0) != 0
                        || layer.number("threshold", 0) != 0) {
                    throw KerasPlan.unsupported(layer, "a ReLU layer with a maximum, slope or threshold");
                }
                yield "relu";
            }
            case "LeakyReLU" -> {
                // Keras 3 calls the slope negative_slope, tf.keras 2 alpha; both default to 0.3.
                double slope = layer.number("negative_slope", layer.number("alpha", 0.3));
                if (Math.abs(slope - 0.2) > 1e-6) {
                    throw KerasPlan.unsupported(layer, "a LeakyReLU slope of " + slope
                            + " (DigitLab's leaky_relu has 0.2, as Keras's leaky_relu activation)");
                }
                yield "leaky_relu";
            }
            case "ELU" -> {
                if (layer.number("alpha", 1) != 1) {
                    throw KerasPlan.unsupported(layer, "an ELU alpha other than 1");
                }
                yield "elu";
            }
            case "Softmax" -> "softmax";
            default -> throw new IllegalArgumentException(layer.className() + " is not an activation layer");
        };
    }
}
