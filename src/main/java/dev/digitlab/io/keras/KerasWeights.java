package dev.digitlab.io.keras;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights of a Keras file's layers, found by layer and role ({@code kernel}, {@code bias},
 * {@code gamma}, ...), each checked against the shape the model's config gives it before a value
 * is read: a file cannot make DigitLab read more than its architecture needs.
 */
abstract class KerasWeights {

    /** Groups below a layer's group searched at most: Keras nests weights three deep. */
    private static final int MAX_DEPTH = 6;
    /** Datasets a layer may hold at most. */
    private static final int MAX_DATASETS = 64;

    /**
     * The datasets of {@code layer} by role, in file order.
     *
     * @param roles the roles the layer has, in the order Keras keeps its variables
     */
    abstract Map<String, Dataset> datasets(KerasLayer layer, List<String> roles);

    /** The values of {@code layer}'s weight {@code role}, which must have {@code shape}. */
    final float[] read(KerasLayer layer, List<String> roles, String role, int... shape) {
        Dataset d = datasets(layer, roles).get(role);
        if (d == null) {
            throw new KerasFormatException(layer.describe() + " has no " + role + " weight in the file");
        }
        if (!Arrays.equals(d.getDimensions(), shape)) {
            throw new KerasFormatException(layer.describe() + "'s " + role + " is " + shapeText(d.getDimensions())
                    + ", but its config needs " + shapeText(shape));
        }
        Class<?> type = d.getJavaType();
        if (type != float.class && type != double.class) {
            throw new KerasFormatException(layer.describe() + "'s " + role + " holds " + type.getSimpleName()
                    + " values, not floating-point numbers");
        }
        Object flat = d.getDataFlat();
        float[] values;
        if (flat instanceof float[] f) {
            values = f;
        } else {
            double[] x = (double[]) flat;
            values = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                values[i] = (float) x[i];
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new KerasFormatException(layer.describe() + "'s " + role + " holds " + values[i] + " at position "
                        + i + ", and a network with such a weight cannot predict");
            }
        }
        return values;
    }

    /** Every dataset below {@code group}, keyed by its name without Keras 2's {@code ":0"}. */
    static Map<String, Dataset> collect(Group group) {
        Map<String, Dataset> out = new LinkedHashMap<>();
        collect(group, 0, out);
        return out;
    }

    private static void collect(Group group, int depth, Map<String, Dataset> out) {
        for (Node child : group.getChildren().values()) {
            if (out.size() > MAX_DATASETS) {
                throw new KerasFormatException("the weights of layer '" + group.getName() + "' hold more than "
                        + MAX_DATASETS + " arrays");
            }
            if (child instanceof Dataset d) {
                String name = child.getName();
                int colon = name.indexOf(':');
                out.putIfAbsent(colon >= 0 ? name.substring(0, colon) : name, d);
            } else if (child instanceof Group g && depth < MAX_DEPTH) {
                collect(g, depth + 1, out);
            }
        }
    }

    static String shapeText(int[] shape) {
        return shape.length == 0 ? "a single value" : Arrays.toString(shape);
    }
}
