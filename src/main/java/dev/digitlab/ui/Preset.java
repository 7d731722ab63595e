package dev.digitlab.ui;

import dev.digitlab.nn.LayerSpec;
import dev.digitlab.nn.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/** The ready-made setups of the Training form, each one of {@link ModelSpec#PRESETS}. */
public enum Preset {
    /** The Keras tutorial's 784-128-10. */
    TUTORIAL("tutorial", "preset.tutorial"),
    /** Two hidden layers, 256 and 128. */
    DEEPER("deeper", "preset.deeper"),
    /** The deeper network with dropout 0.2 after each hidden layer. */
    DROPOUT("dropout", "preset.dropout");

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

    /** The sizes of the hidden layers. */
    public int[] hiddenLayers() {
        List<Integer> sizes = new ArrayList<>();
        List<LayerSpec> layers = spec().layers();
        for (LayerSpec layer : layers.subList(0, layers.size() - 1)) {
            if (LayerSpec.DENSE.equals(layer.type())) {
                sizes.add(layer.units());
            }
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The dropout rate after each hidden layer (0 for none). */
    public double dropout() {
        return spec().layers().stream().filter(l -> LayerSpec.DROPOUT.equals(l.type()))
                .mapToDouble(LayerSpec::rate).findFirst().orElse(0);
    }

    private ModelSpec spec() {
        return ModelSpec.preset(specName);
    }
}
