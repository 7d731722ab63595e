package dev.digitlab.nn;

import java.util.Locale;

/**
 * One layer of a {@link ModelSpec}, as plain data so that model files can store it with Gson. What
 * each kind of layer makes of these fields (and which it uses: the others are 0 or {@code null}) is
 * its {@link LayerType}'s business.
 *
 * @param type         the kind of layer: a {@link LayerType#id()}, e.g. {@code "dense"}
 * @param units        outputs of a dense layer
 * @param activation   activation of a dense or conv layer: relu, elu, leaky_relu, sigmoid, tanh, linear, or softmax
 *                     (dense, last layer only)
 * @param rate         fraction of inputs a dropout layer zeroes while training, in [0, 1)
 * @param kernelHeight rows of a conv layer's kernel
 * @param kernelWidth  columns of a conv layer's kernel
 * @param filters      output channels of a conv layer
 * @param padding      "valid" (no padding: the output shrinks by the kernel size less one) or
 *                     "same" (zero padding that keeps the height and width, as Keras pads it)
 * @param poolSize     side and stride of a max-pool layer's window
 */
public record LayerSpec(String type, int units, String activation, double rate, int kernelHeight, int kernelWidth,
                        int filters, String padding, int poolSize) {

    /** Conv padding: none, the output shrinks. */
    public static final String VALID = "valid";
    /** Conv padding: zeros that keep the height and width. */
    public static final String SAME = "same";

    /** A layer with only the fields dense and dropout layers use. */
    private LayerSpec(LayerType type, int units, String activation, double rate) {
        this(type.id(), units, activation, rate, 0, 0, 0, null, 0);
    }

    /** A dense (fully connected) layer. */
    public static LayerSpec dense(int units, String activation) {
        return new LayerSpec(LayerType.DENSE, units, activation.toLowerCase(Locale.ROOT), 0);
    }

    /** A dropout layer that zeroes {@code rate} of its inputs while training. */
    public static LayerSpec dropout(double rate) {
        return new LayerSpec(LayerType.DROPOUT, 0, null, rate);
    }

    /** A convolution with stride 1 and {@code filters} kernels of {@code height x width}. */
    public static LayerSpec conv(int height, int width, int filters, String activation, String padding) {
        return new LayerSpec(LayerType.CONV2D.id(), 0, activation.toLowerCase(Locale.ROOT), 0, height, width, filters,
                padding.toLowerCase(Locale.ROOT), 0);
    }

    /** Max pooling over {@code size x size} windows, moved by {@code size}. */
    public static LayerSpec maxPool(int size) {
        return new LayerSpec(LayerType.MAXPOOL2D.id(), 0, null, 0, 0, 0, 0, null, size);
    }

    /** Turns an image into a flat vector (channel by channel, row by row). */
    public static LayerSpec flatten() {
        return new LayerSpec(LayerType.FLATTEN, 0, null, 0);
    }

    /**
     * The kind of this layer.
     *
     * @throws IllegalArgumentException when the type is missing or unknown
     */
    public LayerType kind() {
        return LayerType.of(type);
    }

    /** Whether this layer is of {@code kind}; false for a missing or unknown type. */
    public boolean is(LayerType kind) {
        return kind.id().equals(type);
    }

    /** Whether this layer works on images (conv or max-pool). */
    public boolean isImageLayer() {
        return kind().isImageLayer();
    }

    /**
     * Checks that the fields make sense for the type.
     *
     * @throws IllegalArgumentException with a one-sentence message naming the problem
     */
    public void validate() {
        kind().validate(this);
    }

    /**
     * The shape of one example's output for an example of shape {@code input}: {@code [values]} or
     * {@code [channels, height, width]}.
     *
     * @throws IllegalArgumentException with one sentence when the input does not fit this layer
     */
    public int[] outputShape(int[] input) {
        return kind().outputShape(this, input);
    }

    /**
     * The layer as it appears in the text form of a spec, e.g. {@code "128 relu"},
     * {@code "dropout 0.2"}, {@code "conv 5x5x32 relu"} (with {@code " same"} for same padding),
     * {@code "maxpool 2"} or {@code "flatten"}.
     */
    @Override
    public String toString() {
        if (type == null) {
            return "?";
        }
        for (LayerType t : LayerType.values()) {
            if (is(t)) {
                return t.text(this);
            }
        }
        return type;
    }
}
