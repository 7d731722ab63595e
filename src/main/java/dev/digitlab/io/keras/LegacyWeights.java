package dev.digitlab.io.keras;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.List;
import java.util.Map;

/**
 * The weights of a legacy HDF5 file: {@code model_weights/<layer>/...}, whatever the nesting below
 * the layer's group (Keras 2.x: {@code dense/dense/kernel:0}; Keras 3.2: {@code dense_2/kernel};
 * Keras 3.3 on: {@code dense/sequential/dense/kernel}). A weight is known by its last name.
 */
final class LegacyWeights extends KerasWeights {

    private final Group root;

    LegacyWeights(Group modelWeights) {
        this.root = modelWeights;
    }

    @Override
    Map<String, Dataset> datasets(KerasLayer layer, List<String> roles) {
        Node group = root.getChildren().get(layer.name());
        if (!(group instanceof Group g)) {
            throw new KerasFormatException(layer.describe() + " has no weights in the file (no group model_weights/"
                    + layer.name() + ")");
        }
        return collect(g);
    }
}
