package dev.digitlab.ui.training;

import dev.digitlab.nn.LayerType;

import dev.digitlab.nn.LayerSpec;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.ui.shared.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The network a valid form describes, in words a learner reads under the form. */
final class ModelSummary {

    private ModelSummary() {
    }

    /**
     * E.g. "784 → 128 relu → 10 softmax" and its number of weights and biases (conv kernels
     * included), or empty while the form is invalid.
     */
    static String of(TrainingForm form, int inputs, int classes) {
        if (form.layers().valueProperty().get() == null || form.dropout().valueProperty().get() == null) {
            return "";
        }
        ModelSpec spec = form.spec(inputs, classes);
        return Messages.format("summary.model", layerChain(spec), spec.parameterCount());
    }

    /**
     * The layers joined by arrows. A network with conv or pool layers starts from the 28×28 image
     * and shows, after each image layer and the flatten, the shape it passes on (channels ×
     * height × width), so the learner sees the image shrink and the channels grow:
     * "28×28 → conv 5x5x32 relu (32×24×24) → maxpool 2 (32×12×12) → flatten (4608) → …".
     */
    static String layerChain(ModelSpec spec) {
        boolean image = spec.layers().stream().anyMatch(LayerSpec::isImageLayer);
        if (!image) {
            return spec.toString().replace(" -> ", " → ");
        }
        int side = (int) Math.round(Math.sqrt(spec.inputs()));
        StringBuilder chain = new StringBuilder(side * side == spec.inputs() ? side + "×" + side
                : Integer.toString(spec.inputs()));
        List<int[]> shapes = spec.shapes();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            chain.append(" → ").append(layer);
            if (layer.isImageLayer() || layer.is(LayerType.FLATTEN)) {
                chain.append(" (").append(Arrays.stream(shapes.get(i)).mapToObj(Integer::toString)
                        .collect(Collectors.joining("×"))).append(')');
            }
        }
        return chain.toString();
    }
}
