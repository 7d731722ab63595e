package dev.digitlab.io.keras;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights of a Keras 3 {@code .keras} file's {@code model.weights.h5}: each layer's variables
 * are the datasets {@code 0, 1, ...} of a {@code vars} group below {@code layers/}, in the order
 * Keras keeps them (kernel, bias; gamma, beta, moving mean, moving variance). The group names its
 * layer in a {@code name} attribute; files without it are matched by the path, which Keras builds
 * from the layer's class ({@code layers/dense_1/vars} is the second Dense layer).
 */
final class Keras3Weights extends KerasWeights {

    private static final int MAX_GROUPS = 10_000;

    private final Map<String, Group> byName = new HashMap<>();
    private final Map<String, Group> byPath = new HashMap<>();
    private final Map<String, Integer> classCounts = new HashMap<>();
    private final Map<String, String> pathOfLayer = new HashMap<>();

    Keras3Weights(Group root, List<KerasLayer> layers) {
        Node top = root.getChildren().get("layers");
        if (top instanceof Group g) {
            index(g, "", 0);
        }
        for (KerasLayer layer : layers) {
            String snake = snake(layer.className());
            int n = classCounts.merge(snake, 1, Integer::sum) - 1;
            pathOfLayer.put(layer.name(), n == 0 ? snake : snake + "_" + n);
        }
    }

    private void index(Group group, String path, int depth) {
        for (Node child : group.getChildren().values()) {
            if (!(child instanceof Group g) || byPath.size() > MAX_GROUPS || depth > 8) {
                continue;
            }
            String childPath = path.isEmpty() ? child.getName() : path + "/" + child.getName();
            if ("vars".equals(child.getName())) {
                byPath.put(path, g);
                Attribute name = g.getAttribute("name");
                if (name != null && name.getData() instanceof String s) {
                    byName.put(s, g);
                }
            } else {
                index(g, childPath, depth + 1);
            }
        }
    }

    @Override
    Map<String, Dataset> datasets(KerasLayer layer, List<String> roles) {
        Group vars = byName.get(layer.name());
        if (vars == null && byName.isEmpty()) {
            vars = byPath.getOrDefault(layer.name(), byPath.get(pathOfLayer.get(layer.name())));
        }
        if (vars == null) {
            throw new KerasFormatException(layer.describe() + " has no weights in model.weights.h5");
        }
        Map<String, Dataset> out = new LinkedHashMap<>();
        Map<String, Node> children = vars.getChildren();
        if (children.size() != roles.size()) {
            throw new KerasFormatException(layer.describe() + " has " + children.size()
                    + " weight arrays in model.weights.h5, but its config needs " + roles.size() + " " + roles);
        }
        for (int i = 0; i < roles.size(); i++) {
            if (children.get(Integer.toString(i)) instanceof Dataset d) {
                out.put(roles.get(i), d);
            }
        }
        return out;
    }

    /** Keras's path name for a class: {@code Conv2D} -> {@code conv2d}, {@code BatchNormalization} -> {@code batch_normalization}. */
    static String snake(String className) {
        String s = className.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
