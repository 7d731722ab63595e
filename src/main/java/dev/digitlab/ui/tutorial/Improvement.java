package dev.digitlab.ui.tutorial;

import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.training.Preset;
import java.util.Locale;

/** The tutorial's ways to improve its network, each a preset of the Training form (decay: a form change). */
public enum Improvement {
    /** Two hidden layers, 256 and 128. */
    DEEPER(Preset.DEEPER, 0),
    /** The deeper network with dropout 0.2. */
    DROPOUT(Preset.DROPOUT, 0),
    /** The tutorial's network with learning-rate decay 1e-4 (Keras's {@code Adam(decay=1e-4)}). */
    DECAY(Preset.TUTORIAL, 1e-4),
    /** The convolutional network. */
    CNN(Preset.CNN, 0);

    private final Preset preset;
    private final double decay;

    Improvement(Preset preset, double decay) {
        this.preset = preset;
        this.decay = decay;
    }

    /** The preset the form takes. */
    Preset preset() {
        return preset;
    }

    /** The learning-rate decay to set after the preset, or 0 to keep the preset's. */
    double decay() {
        return decay;
    }

    /** E.g. "Deeper + dropout 0.2". */
    public String label() {
        return Messages.get("tutorial.improve." + name().toLowerCase(Locale.ROOT));
    }
}
