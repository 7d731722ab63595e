package dev.digitlab.nn;

import java.util.Arrays;
import java.util.Locale;

/**
 * One layer of a {@link ModelSpec}, as plain data so that model files can store it with Gson.
 *
 * <p>Types and the fields they use (fields a type does not use are 0 or {@code null}):
 * <ul>
 *   <li>{@code "dense"}: {@code units}, {@code activation}. On an image input it flattens the image first.</li>
 *   <li>{@code "dropout"}: {@code rate}.</li>
 *   <li>{@code "conv2d"}: {@code kernelHeight}, {@code kernelWidth}, {@code filters}, {@code activation},
 *       {@code padding} ("valid" or "same"); stride 1.</li>
 *   <li>{@code "maxpool2d"}: {@code poolSize}; a {@code poolSize x poolSize} window moved by
 *       {@code poolSize}, dropping a last row or column that does not fill a window (as Keras's
 *       default "valid" pooling does).</li>
 *   <li>{@code "flatten"}: no fields.</li>
 * </ul>
 *
 * <p>Shapes: an example is either flat ({@code [values]}) or an image ({@code [channels, height,
 * width]}, channels first). A conv or pool layer on a flat input sees it as one square channel: the
 * 784 inputs of MNIST as 1x28x28.
 *
 * @param type         the kind of layer
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

    public static final String DENSE = "dense";
    public static final String DROPOUT = "dropout";
    public static final String CONV = "conv2d";
    public static final String MAXPOOL = "maxpool2d";
    public static final String FLATTEN = "flatten";
    public static final String VALID = "valid";
    public static final String SAME = "same";

    /** Output values per example above which a layer is refused: int indexing must hold a batch of them. */
    static final long MAX_VALUES = 1L << 24;

    /** A layer with only the fields dense and dropout layers use. */
    public LayerSpec(String type, int units, String activation, double rate) {
        this(type, units, activation, rate, 0, 0, 0, null, 0);
    }

    /** A dense (fully connected) layer. */
    public static LayerSpec dense(int units, String activation) {
        return new LayerSpec(DENSE, units, activation.toLowerCase(Locale.ROOT), 0);
    }

    /** A dropout layer that zeroes {@code rate} of its inputs while training. */
    public static LayerSpec dropout(double rate) {
        return new LayerSpec(DROPOUT, 0, null, rate);
    }

    /** A convolution with stride 1 and {@code filters} kernels of {@code height x width}. */
    public static LayerSpec conv(int height, int width, int filters, String activation, String padding) {
        return new LayerSpec(CONV, 0, activation.toLowerCase(Locale.ROOT), 0, height, width, filters,
                padding.toLowerCase(Locale.ROOT), 0);
    }

    /** Max pooling over {@code size x size} windows, moved by {@code size}. */
    public static LayerSpec maxPool(int size) {
        return new LayerSpec(MAXPOOL, 0, null, 0, 0, 0, 0, null, size);
    }

    /** Turns an image into a flat vector (channel by channel, row by row). */
    public static LayerSpec flatten() {
        return new LayerSpec(FLATTEN, 0, null, 0);
    }

    /** Whether this layer works on images (conv or max-pool). */
    public boolean isImageLayer() {
        return CONV.equals(type) || MAXPOOL.equals(type);
    }

    /**
     * Checks that the fields make sense for the type.
     *
     * @throws IllegalArgumentException with a one-sentence message naming the problem
     */
    public void validate() {
        if (type == null) {
            throw new IllegalArgumentException("a layer needs a type (known: dense, dropout, conv2d, maxpool2d, flatten)");
        }
        switch (type) {
            case DENSE -> {
                if (units <= 0) {
                    throw new IllegalArgumentException("a dense layer needs a positive number of units, not " + units);
                }
                Activation.of(activation);
            }
            case DROPOUT -> {
                if (!(rate >= 0 && rate < 1)) {
                    throw new IllegalArgumentException("a dropout rate must be in [0, 1), not " + rate);
                }
            }
            case CONV -> {
                if (kernelHeight <= 0 || kernelWidth <= 0 || filters <= 0) {
                    throw new IllegalArgumentException("a conv layer needs a positive kernel size and number of filters, not "
                            + kernelHeight + "x" + kernelWidth + "x" + filters);
                }
                if (Activation.of(activation) == Activation.SOFTMAX) {
                    throw new IllegalArgumentException("a conv layer cannot use softmax; use relu, tanh, sigmoid or linear");
                }
                if (!VALID.equals(padding) && !SAME.equals(padding)) {
                    throw new IllegalArgumentException("a conv layer's padding must be 'valid' or 'same', not '" + padding + "'");
                }
            }
            case MAXPOOL -> {
                if (poolSize < 2) {
                    throw new IllegalArgumentException("a max-pool layer needs a window of at least 2, not " + poolSize);
                }
            }
            case FLATTEN -> {
                // no fields
            }
            default -> throw new IllegalArgumentException("unknown layer type '" + type
                    + "' (known: dense, dropout, conv2d, maxpool2d, flatten)");
        }
    }

    /**
     * The shape of one example's output for an example of shape {@code input}: {@code [values]} or
     * {@code [channels, height, width]}.
     *
     * @throws IllegalArgumentException with one sentence when the input does not fit this layer
     */
    public int[] outputShape(int[] input) {
        return switch (type) {
            case DENSE -> new int[] {units};
            case DROPOUT -> input.clone();
            case FLATTEN -> new int[] {Math.toIntExact(size(input))};
            case CONV -> convOutput(image(input));
            case MAXPOOL -> poolOutput(image(input));
            default -> throw new IllegalArgumentException("unknown layer type '" + type + "'");
        };
    }

    /** The trainable values of this layer on an input of shape {@code input}. */
    long parameterCount(int[] input) {
        return switch (type) {
            case DENSE -> ((long) size(input) + 1) * units;
            case CONV -> ((long) kernelHeight * kernelWidth * image(input)[0] + 1) * filters;
            default -> 0;
        };
    }

    private int[] convOutput(int[] image) {
        int channels = image[0];
        int height = image[1];
        int width = image[2];
        if (kernelHeight > height || kernelWidth > width) {
            throw new IllegalArgumentException("the conv layer '" + this + "' needs an image of at least "
                    + kernelHeight + "x" + kernelWidth + ", but its input is " + height + "x" + width);
        }
        int[] out = SAME.equals(padding) ? new int[] {filters, height, width}
                : new int[] {filters, height - kernelHeight + 1, width - kernelWidth + 1};
        long patch = (long) kernelHeight * kernelWidth * channels;
        // Also bounds the column matrix of one example, (patch + 1) x positions values.
        if (size(out) > MAX_VALUES || patch * filters > MAX_VALUES || (patch + 1) * out[1] * out[2] > MAX_VALUES) {
            throw new IllegalArgumentException("the conv layer '" + this + "' is too large for its "
                    + channels + "x" + height + "x" + width + " input");
        }
        return out;
    }

    private int[] poolOutput(int[] image) {
        if (poolSize > image[1] || poolSize > image[2]) {
            throw new IllegalArgumentException("the max-pool layer '" + this + "' needs an image of at least "
                    + poolSize + "x" + poolSize + ", but its input is " + image[1] + "x" + image[2]);
        }
        return new int[] {image[0], image[1] / poolSize, image[2] / poolSize};
    }

    /** The input as {@code [channels, height, width]}: a flat input must be a square, one channel. */
    static int[] image(int[] input) {
        if (input.length == 3) {
            return input;
        }
        int side = (int) Math.round(Math.sqrt(input[0]));
        if (side * side != input[0]) {
            throw new IllegalArgumentException("a conv or max-pool layer needs a square image, but "
                    + input[0] + " inputs are not a square number");
        }
        return new int[] {1, side, side};
    }

    static long size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** A shape as text: {@code 32x12x12} or {@code 128}. */
    static String shapeText(int[] shape) {
        return Arrays.stream(shape).mapToObj(Integer::toString).reduce((a, b) -> a + "x" + b).orElse("");
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
        return switch (type) {
            case DROPOUT -> "dropout " + ModelSpec.number(rate);
            case DENSE -> units + " " + activation;
            case CONV -> "conv " + kernelHeight + "x" + kernelWidth + "x" + filters + " " + activation
                    + (SAME.equals(padding) ? " same" : "");
            case MAXPOOL -> "maxpool " + poolSize;
            default -> type;
        };
    }
}
