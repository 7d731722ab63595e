package dev.digitlab.nn;

import java.util.Locale;

/**
 * One layer of a {@link ModelSpec}, as plain data so that model files can store it with Gson.
 *
 * <p>{@code type} is {@code "dense"} (uses {@code units} and {@code activation}) or {@code "dropout"}
 * (uses {@code rate}); fields a type does not use are 0 or {@code null}. Convolution layers will add
 * types ({@code "conv2d"}, {@code "maxpool2d"}, {@code "flatten"}) and fields of their own.
 *
 * @param type       the kind of layer
 * @param units      outputs of a dense layer
 * @param activation activation of a dense layer: relu, sigmoid, tanh, linear or softmax (last layer only)
 * @param rate       fraction of inputs a dropout layer zeroes while training, in [0, 1)
 */
public record LayerSpec(String type, int units, String activation, double rate) {

    public static final String DENSE = "dense";
    public static final String DROPOUT = "dropout";

    /** A dense (fully connected) layer. */
    public static LayerSpec dense(int units, String activation) {
        return new LayerSpec(DENSE, units, activation.toLowerCase(Locale.ROOT), 0);
    }

    /** A dropout layer that zeroes {@code rate} of its inputs while training. */
    public static LayerSpec dropout(double rate) {
        return new LayerSpec(DROPOUT, 0, null, rate);
    }

    /**
     * Checks that the fields make sense for the type.
     *
     * @throws IllegalArgumentException with a one-sentence message naming the problem
     */
    public void validate() {
        if (DENSE.equals(type)) {
            if (units <= 0) {
                throw new IllegalArgumentException("a dense layer needs a positive number of units, not " + units);
            }
            Activation.of(activation);
        } else if (DROPOUT.equals(type)) {
            if (!(rate >= 0 && rate < 1)) {
                throw new IllegalArgumentException("a dropout rate must be in [0, 1), not " + rate);
            }
        } else {
            throw new IllegalArgumentException("unknown layer type '" + type + "' (known: dense, dropout)");
        }
    }

    /** The layer as it appears in the text form of a spec, e.g. {@code "128 relu"} or {@code "dropout 0.2"}. */
    @Override
    public String toString() {
        if (DROPOUT.equals(type)) {
            return "dropout " + ModelSpec.number(rate);
        }
        if (DENSE.equals(type)) {
            return units + " " + activation;
        }
        return type;
    }
}
