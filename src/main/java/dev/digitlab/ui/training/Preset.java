package dev.digitlab.ui.training;

import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.training.Preset;

import dev.digitlab.nn.LayerTokens;
import dev.digitlab.nn.ModelSpec;

/** The ready-made setups of the Training form, each one of {@link ModelSpec#PRESETS}. */
public enum Preset {
    /** The Keras tutorial's 784-128-10. */
    TUTORIAL("tutorial", "preset.tutorial"),
    /** Two hidden layers, 256 and 128. */
    DEEPER("deeper", "preset.deeper"),
    /** The deeper network with dropout 0.2 after each hidden layer. */
    DROPOUT("dropout", "preset.dropout"),
    /** The convolutional network: two conv layers with max-pooling, then 128 with dropout 0.3. */
    CNN("cnn", "preset.cnn");

    private final String specName;
    private final String labelKey;

    Preset(String specName, String labelKey) {
        this.specName = specName;
        this.labelKey = labelKey;
    }

    /** The name shown in the preset list, e.g. "Tutorial (128)". */
    public String label() {
        return Messages.get(labelKey);
    }

    /** The layers as the form's Layers field shows them, e.g. "conv5x5x32, pool2, conv3x3x64, pool2, 128". */
    public String layers() {
        return LayerTokens.format(spec());
    }

    /** The dropout rate after each hidden dense layer (0 for none). */
    public double dropout() {
        return spec().dropoutRate();
    }

    /** The network this preset stands for, on MNIST's 784 inputs and 10 classes. */
    public ModelSpec spec() {
        return ModelSpec.preset(specName);
    }
}
