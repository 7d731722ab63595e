package dev.digitlab.io.keras;

import dev.digitlab.nn.LayerSpec;
import dev.digitlab.nn.LayerType;
import dev.digitlab.nn.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a Keras model becomes a DigitLab {@link ModelSpec}, worked out from the config alone (no
 * weight read yet): the DigitLab layers, and for each dense or conv layer where its weights come
 * from and what gets folded into them (a Rescaling or BatchNormalization before it, a
 * BatchNormalization after it, an Activation layer after it). Anything DigitLab cannot compute
 * exactly as Keras does is refused with one sentence naming the layer.
 *
 * <p>Shapes are tracked as Keras sees them, channels-last ({@code [h, w, c]} or {@code [n]});
 * DigitLab's image layers are channels-first, which only matters where an image is flattened for
 * a dense layer: that layer remembers the image shape so its kernel rows can be reordered.
 */
final class KerasPlan {

    final List<LayerSpec> specs = new ArrayList<>();
    final List<Weighted> weighted = new ArrayList<>();
    final int inputs;
    /** Values per channel each BatchNormalization layer normalises, from the config. */
    final java.util.Map<KerasLayer, Integer> batchNormChannels = new java.util.HashMap<>();
    /** What the model does to the pixels before its first layer, for the model's info. */
    String rescaling;
    /** The last layer gives logits (no softmax); DigitLab adds the softmax. */
    boolean addedSoftmax;

    private long[] shape;
    /** DigitLab's value is an image made by a conv or pool layer (not the raw flat input). */
    private boolean image;
    private Weighted last;
    /** Only layers an element-wise activation commutes with since {@link #last}. */
    private boolean activationMovable;
    /** Only dropout layers since {@link #last}. */
    private boolean directlyAfter;
    private KerasLayer pendingRescaling;
    private KerasLayer pendingBatchNorm;
    private boolean pendingCrossedPool;

    private KerasPlan(long[] inputShape) {
        this.shape = inputShape.clone();
        long n = 1;
        for (long d : inputShape) {
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new KerasFormatException("its model's input " + KerasShapes.text(inputShape) + " is too large");
            }
        }
        this.inputs = (int) n;
        if (inputShape.length == 3 && inputShape[2] != 1) {
            throw new KerasFormatException("its model takes images of " + inputShape[2]
                    + " channels; DigitLab's inputs are one-channel (grey) images");
        }
        if (inputShape.length > 3) {
            throw new KerasFormatException("its model takes inputs of shape " + KerasShapes.text(inputShape)
                    + "; DigitLab's inputs are flat or 2-D images");
        }
    }

    /** The plan for {@code config}; the spec's size is checked against {@code maxParameters}. */
    static KerasPlan of(KerasConfig config, long maxParameters) {
        KerasPlan plan = new KerasPlan(config.inputShape());
        for (KerasLayer layer : config.layers()) {
            plan.add(layer);
        }
        plan.finish(config);
        ModelSpec spec = plan.spec();
        if (spec.parameterCount() > maxParameters) {
            throw new KerasFormatException(String.format(Locale.ROOT,
                    "its model has %,d weights, more than DigitLab loads (at most %,d)", spec.parameterCount(),
                    maxParameters));
        }
        return plan;
    }

    ModelSpec spec() {
        try {
            return new ModelSpec(inputs, specs);
        } catch (IllegalArgumentException e) {
            throw new KerasFormatException("DigitLab cannot build its model: " + e.getMessage());
        }
    }

    private void add(KerasLayer layer) {
        switch (layer.className()) {
            case "Dense" -> dense(layer);
            case "Conv2D", "Convolution2D" -> conv(layer);
            case "MaxPooling2D", "MaxPool2D" -> pool(layer);
            case "Flatten" -> toFlat();
            case "Reshape" -> reshape(layer);
            case "Dropout" -> dropout(layer);
            case "Activation", "ReLU", "LeakyReLU", "ELU", "Softmax" -> activation(layer, KerasActivations.ofLayer(layer));
            case "Rescaling" -> rescaling(layer);
            case "BatchNormalization" -> batchNorm(layer);
            default -> throw new KerasFormatException("its " + layer.describe() + " is a layer type DigitLab cannot "
                    + "compute (it reads Dense, Conv2D, MaxPooling2D, Flatten, Reshape, Dropout, Activation, "
                    + "Rescaling and BatchNormalization)");
        }
    }

    private void dense(KerasLayer layer) {
        if (shape.length != 1) {
            throw unsupported(layer, "a Dense layer on a " + KerasShapes.text(shape) + " input (Keras applies it to the last "
                    + "axis only); put a Flatten before it");
        }
        long units = layer.integer("units", -1);
        if (units <= 0 || units > Integer.MAX_VALUE) {
            throw new KerasFormatException("its " + layer.describe() + " has " + units + " units");
        }
        Weighted w = weightedLayer(layer, false, LayerSpec.dense((int) units, activationOf(layer)));
        shape = new long[] {units};
        image = false;
        last = w;
    }

    private void conv(KerasLayer layer) {
        requireChannelsLast(layer);
        if (shape.length != 3) {
            throw unsupported(layer, "a Conv2D layer on a " + KerasShapes.text(shape) + " input; Keras needs (height, width, "
                    + "channels), e.g. a Reshape to (28, 28, 1) first");
        }
        if (!KerasShapes.allOnes(layer.integers("strides")) || !KerasShapes.allOnes(layer.integers("dilation_rate"))
                || layer.integer("groups", 1) != 1) {
            throw unsupported(layer, "a Conv2D with strides, dilation or groups (DigitLab's conv moves by 1)");
        }
        long[] kernel = layer.integers("kernel_size");
        long filters = layer.integer("filters", -1);
        String padding = layer.text("padding", "valid").toLowerCase(Locale.ROOT);
        if (kernel == null || kernel.length != 2 || filters <= 0 || filters > 1 << 20 || kernel[0] <= 0
                || kernel[1] <= 0 || kernel[0] > shape[0] || kernel[1] > shape[1]) {
            throw new KerasFormatException("its " + layer.describe() + " has a kernel of " + KerasShapes.text(kernel) + " and "
                    + filters + " filters, which do not fit its " + KerasShapes.text(shape) + " input");
        }
        if (!LayerSpec.VALID.equals(padding) && !LayerSpec.SAME.equals(padding)) {
            throw unsupported(layer, "'" + padding + "' padding");
        }
        if (pendingBatchNorm != null && LayerSpec.SAME.equals(padding)) {
            throw unsupported(layer, "a BatchNormalization before a conv layer with same padding (its zero padding "
                    + "would not be normalised)");
        }
        Weighted w = weightedLayer(layer, true, LayerSpec.conv((int) kernel[0], (int) kernel[1], (int) filters,
                activationOf(layer), padding));
        if (w.inputRescaling != null && LayerSpec.SAME.equals(padding)
                && w.inputRescaling.number("offset", 0) != 0) {
            throw unsupported(w.inputRescaling, "a Rescaling offset before a conv layer with same padding");
        }
        shape = LayerSpec.SAME.equals(padding) ? new long[] {shape[0], shape[1], filters}
                : new long[] {shape[0] - kernel[0] + 1, shape[1] - kernel[1] + 1, filters};
        image = true;
        last = w;
    }

    private Weighted weightedLayer(KerasLayer layer, boolean conv, LayerSpec spec) {
        Weighted w = new Weighted(layer, conv, specs.size(), shape.clone());
        w.inputRescaling = pendingRescaling;
        w.inputBatchNorm = pendingBatchNorm;
        if (pendingCrossedPool && pendingBatchNorm != null) {
            throw unsupported(pendingBatchNorm, "a BatchNormalization that DigitLab cannot fold into a layer next to it");
        }
        pendingRescaling = null;
        pendingBatchNorm = null;
        pendingCrossedPool = false;
        if (!conv && flattenedFrom != null) {
            w.flattenedImage = flattenedFrom;
        }
        flattenedFrom = null;
        specs.add(spec);
        weighted.add(w);
        activationMovable = true;
        directlyAfter = true;
        return w;
    }

    /** The channels-last image the current flat value was flattened from, when it had channels > 1. */
    private long[] flattenedFrom;

    private void pool(KerasLayer layer) {
        requireChannelsLast(layer);
        long[] size = layer.integers("pool_size");
        long[] strides = layer.integers("strides");
        if (shape.length != 3 || size == null || size.length != 2 || size[0] != size[1] || size[0] < 2
                || (strides != null && (strides.length != 2 || strides[0] != size[0] || strides[1] != size[1]))
                || !"valid".equalsIgnoreCase(layer.text("padding", "valid"))) {
            throw unsupported(layer, "max pooling other than square windows moved by their size, without padding, "
                    + "on an image");
        }
        if (size[0] > shape[0] || size[0] > shape[1]) {
            throw new KerasFormatException("its " + layer.describe() + " pools " + KerasShapes.text(size) + " windows of a "
                    + KerasShapes.text(shape) + " image");
        }
        specs.add(LayerSpec.maxPool((int) size[0]));
        shape = new long[] {shape[0] / size[0], shape[1] / size[0], shape[2]};
        image = true;
        directlyAfter = false;
        pendingCrossedPool = pendingBatchNorm != null || pendingCrossedPool;
        if (pendingRescaling != null && !(pendingRescaling.number("scale", 1) > 0)) {
            throw unsupported(pendingRescaling, "a Rescaling by a negative scale before max pooling");
        }
    }

    private void toFlat() {
        if (shape.length == 3 && shape[2] > 1) {
            flattenedFrom = shape.clone();
        }
        long n = KerasShapes.size(shape);
        if (image) {
            specs.add(LayerSpec.flatten());
        }
        shape = new long[] {n};
        image = false;
    }

    private void reshape(KerasLayer layer) {
        long[] target = layer.integers("target_shape");
        if (target == null || target.length == 0 || target.length > 3 || KerasShapes.size(target) != KerasShapes.size(shape)) {
            throw new KerasFormatException("its " + layer.describe() + " reshapes " + KerasShapes.text(shape) + " to "
                    + KerasShapes.text(target));
        }
        if (target.length == 1) {
            toFlat();
            return;
        }
        boolean oneChannel = shape.length < 3 || shape[2] == 1;
        if (!oneChannel || (target.length == 3 && target[2] != 1)) {
            throw unsupported(layer, "a Reshape of " + KerasShapes.text(shape) + " to " + KerasShapes.text(target)
                    + " (DigitLab reshapes to or from one-channel images only)");
        }
        if (image || (shape.length == 1 && !specs.isEmpty())) {
            if (target[0] != target[1]) {
                throw unsupported(layer, "a Reshape to a " + target[0] + "x" + target[1] + " image inside the model "
                        + "(DigitLab sees a flat value as a square image)");
            }
        }
        shape = target.clone();
    }

    private void dropout(KerasLayer layer) {
        double rate = layer.number("rate", 0);
        if (rate > 0 && rate < 1) {
            specs.add(LayerSpec.dropout(rate));
        }
    }

    private void activation(KerasLayer layer, String name) {
        String activation = KerasActivations.checked(layer, name);
        if ("linear".equals(activation)) {
            return;
        }
        boolean softmax = "softmax".equals(activation);
        LayerSpec spec = last == null ? null : specs.get(last.slot);
        if (last == null || !"linear".equals(spec.activation()) || !(softmax ? directlyAfter && !last.conv
                : activationMovable)) {
            throw unsupported(layer, "an Activation layer that does not follow a dense or conv layer without "
                    + "activation");
        }
        specs.set(last.slot, spec.isImageLayer() ? LayerSpec.conv(spec.kernelHeight(), spec.kernelWidth(),
                spec.filters(), activation, spec.padding()) : LayerSpec.dense(spec.units(), activation));
    }

    private void rescaling(KerasLayer layer) {
        if (last != null || pendingRescaling != null || pendingBatchNorm != null) {
            throw unsupported(layer, "a Rescaling layer after the model's first layers");
        }
        double scale = layer.number("scale", Double.NaN);
        double offset = layer.number("offset", 0);
        if (!Double.isFinite(scale) || !Double.isFinite(offset)) {
            throw unsupported(layer, "a Rescaling by a list of scales");
        }
        pendingRescaling = layer;
        rescaling = String.format(Locale.ROOT, "pixels 0-255 x %s %s %s (Rescaling)",
                KerasShapes.number(scale), offset < 0 ? "-" : "+", KerasShapes.number(Math.abs(offset)));
    }

    private void batchNorm(KerasLayer layer) {
        long[] axis = layer.integers("axis");
        long channelAxis = shape.length;
        if (axis != null && (axis.length != 1 || (axis[0] != -1 && axis[0] != channelAxis))) {
            throw unsupported(layer, "a BatchNormalization over axis " + KerasShapes.text(axis) + " (DigitLab folds it over "
                    + "the channels, the last axis)");
        }
        if (shape.length == 2) {
            throw unsupported(layer, "a BatchNormalization of a " + KerasShapes.text(shape) + " input");
        }
        batchNormChannels.put(layer, (int) shape[shape.length - 1]);
        if (last != null && directlyAfter && "linear".equals(specs.get(last.slot).activation())) {
            last.outputBatchNorms.add(layer);
        } else if (pendingBatchNorm == null && pendingRescaling == null) {
            pendingBatchNorm = layer;
            // An activation after it would have to act before the normalisation DigitLab moves forward.
            activationMovable = false;
            directlyAfter = false;
        } else {
            throw unsupported(layer, "a BatchNormalization that DigitLab cannot fold into a layer next to it");
        }
    }

    private void finish(KerasConfig config) {
        if (pendingBatchNorm != null || pendingRescaling != null) {
            KerasLayer l = pendingBatchNorm != null ? pendingBatchNorm : pendingRescaling;
            throw unsupported(l, "a " + l.className() + " with no dense or conv layer after it");
        }
        if (last == null || last.conv || shape.length != 1) {
            throw new KerasFormatException("its model does not end in a Dense layer that gives one value per class");
        }
        LayerSpec end = specs.get(last.slot);
        if ("linear".equals(end.activation())) {
            // A model trained on logits (from_logits=True): the classes are the same, DigitLab shows probabilities.
            specs.set(last.slot, LayerSpec.dense(end.units(), "softmax"));
            addedSoftmax = true;
        }
        while (!specs.get(specs.size() - 1).is(LayerType.DENSE)) {
            specs.remove(specs.size() - 1); // dropout after the output changes nothing at inference
        }
    }

    private String activationOf(KerasLayer layer) {
        return KerasActivations.checked(layer, layer.activation("activation"));
    }

    private static void requireChannelsLast(KerasLayer layer) {
        String format = layer.text("data_format", "channels_last");
        if (!"channels_last".equals(format)) {
            throw unsupported(layer, "data_format '" + format + "'");
        }
    }

    static KerasFormatException unsupported(KerasLayer layer, String what) {
        return new KerasFormatException("its " + layer.describe() + " uses " + what + ", which DigitLab cannot "
                + "compute");
    }
}
