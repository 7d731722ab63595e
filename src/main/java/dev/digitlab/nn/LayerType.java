package dev.digitlab.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The kinds of layer a {@link ModelSpec} may hold, each knowing all there is to know of its kind:
 * its name (in model files, in the text form and as its parameters' prefix), how its text is
 * read and written, which fields of a {@link LayerSpec} it uses and their checks, its output shape,
 * its trainable parameters and how to build it. Adding a kind of layer is adding a constant here
 * (and its {@link Layer} class). Shapes are as {@link Shapes} says: a conv or pool layer sees a
 * flat input as one square channel, MNIST's 784 inputs as 1x28x28.
 */
public enum LayerType {

    /** Fully connected: {@code units}, {@code activation}. On an image input it flattens the image first. */
    DENSE("dense", null) {
        @Override
        LayerSpec parse(String[] words, String part, String text) {
            if (words.length != 2) {
                throw new IllegalArgumentException("write a dense layer as '<units> <activation>', e.g. '128 relu', not '"
                        + part + "'");
            }
            return LayerSpec.dense(ModelSpec.parseInt(words[0], "number of units", text), words[1]);
        }

        @Override
        String text(LayerSpec s) {
            return s.units() + " " + s.activation();
        }

        @Override
        void validate(LayerSpec s) {
            if (s.units() <= 0) {
                throw new IllegalArgumentException("a dense layer needs a positive number of units, not " + s.units());
            }
            Activation.of(s.activation());
        }

        @Override
        int[] outputShape(LayerSpec s, int[] input) {
            return new int[] {s.units()};
        }

        @Override
        List<Parameter> parameters(String name, LayerSpec s, int[] input) {
            return WeightedLayer.parameters(name, new int[] {Math.toIntExact(Shapes.size(input)), s.units()}, s.units());
        }

        @Override
        Layer build(String name, LayerSpec s, int[] input, DataType type, long seed) {
            return new Dense(name, s, Math.toIntExact(Shapes.size(input)), type);
        }
    },

    /** Zeroes a fraction {@code rate} of its inputs while training. */
    DROPOUT("dropout", "dropout") {
        @Override
        LayerSpec parse(String[] words, String part, String text) {
            if (words.length != 2) {
                throw new IllegalArgumentException("write a dropout layer as 'dropout 0.2', not '" + part + "'");
            }
            try {
                return LayerSpec.dropout(Double.parseDouble(words[1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the dropout rate '" + words[1] + "' in '" + text + "' is not a number");
            }
        }

        @Override
        String text(LayerSpec s) {
            return "dropout " + ModelSpec.number(s.rate());
        }

        @Override
        void validate(LayerSpec s) {
            if (!(s.rate() >= 0 && s.rate() < 1)) {
                throw new IllegalArgumentException("a dropout rate must be in [0, 1), not " + s.rate());
            }
        }

        @Override
        int[] outputShape(LayerSpec s, int[] input) {
            return input.clone();
        }

        @Override
        Layer build(String name, LayerSpec s, int[] input, DataType type, long seed) {
            return new Dropout(name, s, input, type, seed);
        }
    },

    /**
     * Convolution with stride 1: {@code kernelHeight}, {@code kernelWidth}, {@code filters},
     * {@code activation} (not softmax), {@code padding} ("valid" or "same").
     */
    CONV2D("conv2d", "conv") {
        @Override
        LayerSpec parse(String[] words, String part, String text) {
            String[] sizes = words.length >= 3 && words.length <= 4 ? words[1].toLowerCase(Locale.ROOT).split("x", -1)
                    : new String[0];
            if (sizes.length != 3) {
                throw new IllegalArgumentException("write a conv layer as 'conv <height>x<width>x<filters> <activation>"
                        + " [same]', e.g. 'conv 5x5x32 relu', not '" + part + "'");
            }
            int height = ModelSpec.parseInt(sizes[0], "kernel height", text);
            int width = ModelSpec.parseInt(sizes[1], "kernel width", text);
            int filters = ModelSpec.parseInt(sizes[2], "number of filters", text);
            return LayerSpec.conv(height, width, filters, words[2], words.length == 4 ? words[3] : LayerSpec.VALID);
        }

        @Override
        String text(LayerSpec s) {
            return "conv " + s.kernelHeight() + "x" + s.kernelWidth() + "x" + s.filters() + " " + s.activation()
                    + (LayerSpec.SAME.equals(s.padding()) ? " same" : "");
        }

        @Override
        void validate(LayerSpec s) {
            if (s.kernelHeight() <= 0 || s.kernelWidth() <= 0 || s.filters() <= 0) {
                throw new IllegalArgumentException("a conv layer needs a positive kernel size and number of filters, not "
                        + s.kernelHeight() + "x" + s.kernelWidth() + "x" + s.filters());
            }
            if (Activation.of(s.activation()) == Activation.SOFTMAX) {
                throw new IllegalArgumentException("a conv layer cannot use softmax; use relu, tanh, sigmoid or linear");
            }
            if (!LayerSpec.VALID.equals(s.padding()) && !LayerSpec.SAME.equals(s.padding())) {
                throw new IllegalArgumentException("a conv layer's padding must be 'valid' or 'same', not '"
                        + s.padding() + "'");
            }
        }

        @Override
        int[] outputShape(LayerSpec s, int[] input) {
            return ConvGeometry.outputShape(s, Shapes.image(input));
        }

        @Override
        List<Parameter> parameters(String name, LayerSpec s, int[] input) {
            // Keras's kernel layout: [kernelHeight, kernelWidth, inputChannels, filters].
            int[] kernel = {s.kernelHeight(), s.kernelWidth(), Shapes.image(input)[0], s.filters()};
            return WeightedLayer.parameters(name, kernel, s.filters());
        }

        @Override
        Layer build(String name, LayerSpec s, int[] input, DataType type, long seed) {
            return new Conv2D(name, s, input, type);
        }
    },

    /**
     * Max pooling: a {@code poolSize x poolSize} window moved by {@code poolSize}, dropping a last
     * row or column that does not fill a window (as Keras's default "valid" pooling does).
     */
    MAXPOOL2D("maxpool2d", "maxpool") {
        @Override
        LayerSpec parse(String[] words, String part, String text) {
            if (words.length != 2) {
                throw new IllegalArgumentException("write a max-pool layer as 'maxpool 2', not '" + part + "'");
            }
            return LayerSpec.maxPool(ModelSpec.parseInt(words[1], "pool size", text));
        }

        @Override
        String text(LayerSpec s) {
            return "maxpool " + s.poolSize();
        }

        @Override
        void validate(LayerSpec s) {
            if (s.poolSize() < 2) {
                throw new IllegalArgumentException("a max-pool layer needs a window of at least 2, not " + s.poolSize());
            }
        }

        @Override
        int[] outputShape(LayerSpec s, int[] input) {
            int[] image = Shapes.image(input);
            if (s.poolSize() > image[1] || s.poolSize() > image[2]) {
                throw new IllegalArgumentException("the max-pool layer '" + s + "' needs an image of at least "
                        + s.poolSize() + "x" + s.poolSize() + ", but its input is " + image[1] + "x" + image[2]);
            }
            return new int[] {image[0], image[1] / s.poolSize(), image[2] / s.poolSize()};
        }

        @Override
        Layer build(String name, LayerSpec s, int[] input, DataType type, long seed) {
            return new MaxPool2D(name, s, input, type);
        }
    },

    /** Turns an image into a flat vector (channel by channel, row by row); no fields. */
    FLATTEN("flatten", "flatten") {
        @Override
        LayerSpec parse(String[] words, String part, String text) {
            if (words.length != 1) {
                throw new IllegalArgumentException("write a flatten layer as 'flatten', not '" + part + "'");
            }
            return LayerSpec.flatten();
        }

        @Override
        String text(LayerSpec s) {
            return "flatten";
        }

        @Override
        void validate(LayerSpec s) {
            // no fields
        }

        @Override
        int[] outputShape(LayerSpec s, int[] input) {
            return new int[] {Math.toIntExact(Shapes.size(input))};
        }

        @Override
        Layer build(String name, LayerSpec s, int[] input, DataType type, long seed) {
            return new Flatten(name, s, input);
        }
    };

    private final String id;
    private final String keyword;

    LayerType(String id, String keyword) {
        this.id = id;
        this.keyword = keyword;
    }

    /** The name in model files and before the layer's number in its parameters' names, e.g. {@code conv2d}. */
    public String id() {
        return id;
    }

    /** The name of the {@code index}-th layer of this kind in a network, from 0, e.g. {@code dense_1}. */
    public String layerName(int index) {
        return id + "_" + index;
    }

    /** Whether this kind works on images (conv and max-pool). */
    public boolean isImageLayer() {
        return this == CONV2D || this == MAXPOOL2D;
    }

    /**
     * The kind named {@code id} in a model file.
     *
     * @throws IllegalArgumentException naming the known kinds when there is none such
     */
    public static LayerType of(String id) {
        for (LayerType t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException((id == null ? "a layer needs a type" : "unknown layer type '" + id + "'")
                + " (known: " + String.join(", ", Arrays.stream(values()).map(LayerType::id).toList()) + ")");
    }

    /**
     * The kind of layer a parameter belongs to, from its name as {@link #layerName} and
     * {@link ModelSpec#parameters()} make it ({@code conv2d_0/W} is a {@link #CONV2D}'s); empty for
     * any other name.
     */
    public static Optional<LayerType> ofParameter(String parameterName) {
        int slash = parameterName.indexOf('/');
        int underscore = slash < 0 ? -1 : parameterName.lastIndexOf('_', slash);
        String id = underscore < 0 ? "" : parameterName.substring(0, underscore);
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /** The kind a layer of the text form starts with: its keyword, or a number for a dense layer. */
    static LayerType ofText(String firstWord) {
        for (LayerType t : values()) {
            if (t.keyword != null && t.keyword.equalsIgnoreCase(firstWord)) {
                return t;
            }
        }
        return DENSE;
    }

    /** Reads one layer of the text form, split into {@code words}; {@code text} is the whole spec. */
    abstract LayerSpec parse(String[] words, String part, String text);

    /** The layer in the text form, which {@link #parse} reads back. */
    abstract String text(LayerSpec spec);

    /** Checks the fields this kind uses; throws an IllegalArgumentException of one sentence. */
    abstract void validate(LayerSpec spec);

    /** One example's output shape on an input of shape {@code input}; throws when they do not fit. */
    abstract int[] outputShape(LayerSpec spec, int[] input);

    /** The trainable parameters, named {@code <name>/<local>}, on an input of shape {@code input}. */
    List<Parameter> parameters(String name, LayerSpec spec, int[] input) {
        return List.of();
    }

    /** The layer itself; {@code seed} seeds what it draws while training (dropout's masks). */
    abstract Layer build(String name, LayerSpec spec, int[] input, DataType type, long seed);

}
