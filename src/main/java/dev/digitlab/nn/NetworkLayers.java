package dev.digitlab.nn;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/** How a {@link Network} arranges the layers of its spec: naming, implicit flatten, conv and pool fused. */
final class NetworkLayers {

    private NetworkLayers() {
    }

    /**
     * The layers of {@code spec}, named by kind and count as Keras names them ({@code dense_0},
     * {@code conv2d_0}, ...). A dense layer on an image gets a flatten layer before it, which the
     * spec may leave out; a max-pool layer right after a conv layer runs inside it (one layer
     * object for the two, with the pooled output shape). Conv layers split their batches into
     * {@code lanes} lanes, dense layers their products' rows.
     */
    static List<Layer> build(ModelSpec spec, long seed, DataType type, int lanes, List<Integer> specIndices) {
        List<Layer> layers = new ArrayList<>();
        Map<LayerType, Integer> counts = new EnumMap<>(LayerType.class);
        int[] shape = {spec.inputs()};
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec ls = spec.layers().get(i);
            if (ls.is(LayerType.DENSE) && shape.length > 1) {
                Layer implicit = new Flatten(nextName(LayerType.FLATTEN, counts), LayerSpec.flatten(), shape);
                layers.add(implicit);
                specIndices.add(-1);
                shape = implicit.outputShape();
            }
            LayerSpec next = i + 1 < spec.layers().size() ? spec.layers().get(i + 1) : null;
            Layer layer;
            if (ls.is(LayerType.CONV2D) && next != null && next.is(LayerType.MAXPOOL2D)) {
                // The pool runs inside the conv layer: see Conv2D.
                layer = new Conv2D(nextName(LayerType.CONV2D, counts), ls, shape, type, next.poolSize(),
                        Conv2D.COLUMN_BUDGET, lanes);
                nextName(LayerType.MAXPOOL2D, counts);
                specIndices.add(i++);
            } else if (ls.is(LayerType.CONV2D)) {
                layer = new Conv2D(nextName(LayerType.CONV2D, counts), ls, shape, type, 0, Conv2D.COLUMN_BUDGET, lanes);
                specIndices.add(i);
            } else if (ls.is(LayerType.DENSE)) {
                layer = new Dense(nextName(LayerType.DENSE, counts), ls, Math.toIntExact(Shapes.size(shape)), type, lanes);
                specIndices.add(i);
            } else {
                layer = ls.kind().build(nextName(ls.kind(), counts), ls, shape, type, seed + 0x5DEECE66DL * (i + 1));
                specIndices.add(i);
            }
            layers.add(layer);
            shape = layer.outputShape();
        }
        return List.copyOf(layers);
    }

    /** The next name for a layer of {@code kind}, e.g. {@code dense_1}: as {@link ModelSpec#parameters()} names them. */
    private static String nextName(LayerType kind, Map<LayerType, Integer> counts) {
        return kind.layerName(counts.merge(kind, 1, Integer::sum) - 1);
    }
}
