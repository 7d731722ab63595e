package dev.digitlab.io.keras;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Keras {@code model_config} read into its layers in the order they compute: a
 * {@code Sequential} model's list as it is, a functional model's ({@code Model}/{@code Functional})
 * followed from its input to its output, which must be one chain.
 *
 * @param className  {@code Sequential} or {@code Functional}
 * @param inputShape one example's input shape (no batch dimension), e.g. {@code [28, 28]}
 * @param layers     the layers after the input, in order; positions count from 1
 */
record KerasConfig(String className, long[] inputShape, List<KerasLayer> layers) {

    /** Reads the JSON text of a {@code model_config} (or a {@code .keras} file's {@code config.json}). */
    static KerasConfig parse(String json) {
        JsonObject root;
        try {
            JsonElement e = JsonParser.parseString(json);
            root = e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException | IllegalStateException e) {
            throw new KerasFormatException("its model_config is not valid JSON");
        }
        if (root == null || !root.has("class_name")) {
            throw new KerasFormatException("its model_config does not describe a Keras model");
        }
        String className = root.get("class_name").getAsString();
        JsonElement config = root.get("config");
        JsonArray layers = config == null ? null : config.isJsonArray() ? config.getAsJsonArray()
                : config.isJsonObject() && config.getAsJsonObject().get("layers") instanceof JsonArray a ? a : null;
        if (layers == null || layers.isEmpty()) {
            throw new KerasFormatException("its model_config lists no layers");
        }
        List<JsonObject> ordered = switch (className) {
            case "Sequential" -> objects(layers);
            case "Functional", "Model" -> chain(objects(layers));
            default -> throw new KerasFormatException("it holds a " + className
                    + " model; DigitLab opens Sequential models and functional models whose layers form one chain");
        };
        return build(className, ordered, root, config);
    }

    private static KerasConfig build(String className, List<JsonObject> ordered, JsonObject root, JsonElement config) {
        long[] input = null;
        List<KerasLayer> out = new ArrayList<>();
        for (JsonObject o : ordered) {
            KerasLayer layer = layer(o, out.size() + 1);
            if (input == null) {
                input = firstNonNull(layer.integers("batch_shape"), layer.integers("batch_input_shape"));
            }
            if ("InputLayer".equals(layer.className())) {
                if (!out.isEmpty()) {
                    throw new KerasFormatException("its model has an input layer in the middle, at " + layer.describe());
                }
                continue;
            }
            out.add(layer);
        }
        if (input == null && config.isJsonObject()) {
            input = integers(config.getAsJsonObject().get("build_input_shape"));
        }
        if (input == null && root.get("build_config") instanceof JsonObject build) {
            input = integers(build.get("input_shape"));
        }
        if (input == null || input.length < 2) {
            throw new KerasFormatException("its model_config does not say the shape of the model's input");
        }
        long[] example = new long[input.length - 1];
        System.arraycopy(input, 1, example, 0, example.length);
        for (long d : example) {
            if (d <= 0 || d > Integer.MAX_VALUE) {
                throw new KerasFormatException("its model's input shape has a dimension of " + d);
            }
        }
        if (out.isEmpty()) {
            throw new KerasFormatException("its model has no layers after the input");
        }
        return new KerasConfig(className, example, List.copyOf(out));
    }

    private static KerasLayer layer(JsonObject o, int position) {
        String cls = o.has("class_name") ? o.get("class_name").getAsString() : "?";
        JsonObject cfg = o.get("config") instanceof JsonObject c ? c : new JsonObject();
        String name = cfg.has("name") ? cfg.get("name").getAsString()
                : o.has("name") ? o.get("name").getAsString() : cls.toLowerCase(java.util.Locale.ROOT) + "_" + position;
        return new KerasLayer(position, cls, name, cfg);
    }

    /** A functional model's layers from input to output; refuses branches and merges. */
    private static List<JsonObject> chain(List<JsonObject> layers) {
        Map<String, JsonObject> byName = new HashMap<>();
        Map<String, String> next = new HashMap<>();
        JsonObject start = null;
        for (JsonObject l : layers) {
            String name = name(l);
            byName.put(name, l);
            List<String> inbound = inbound(l);
            if (inbound.isEmpty()) {
                if (start != null) {
                    throw new KerasFormatException("its functional model has more than one input");
                }
                start = l;
            } else if (inbound.size() > 1) {
                throw new KerasFormatException("its functional model merges branches at layer '" + name
                        + "'; DigitLab opens models whose layers form one chain");
            } else if (next.put(inbound.get(0), name) != null) {
                throw new KerasFormatException("its functional model branches after layer '" + inbound.get(0)
                        + "'; DigitLab opens models whose layers form one chain");
            }
        }
        if (start == null) {
            throw new KerasFormatException("its functional model has no input layer");
        }
        List<JsonObject> ordered = new ArrayList<>();
        for (JsonObject l = start; l != null && ordered.size() <= layers.size(); l = byName.get(next.get(name(l)))) {
            ordered.add(l);
        }
        if (ordered.size() != layers.size()) {
            throw new KerasFormatException("its functional model's layers do not form one chain from input to output");
        }
        return ordered;
    }

    private static String name(JsonObject l) {
        if (l.has("name")) {
            return l.get("name").getAsString();
        }
        return l.get("config") instanceof JsonObject c && c.has("name") ? c.get("name").getAsString() : "?";
    }

    /** The names of the layers feeding {@code l}, as Keras 2 ({@code [[["in", 0, 0, {}]]]}) or 3 writes them. */
    private static List<String> inbound(JsonObject l) {
        List<String> names = new ArrayList<>();
        if (!(l.get("inbound_nodes") instanceof JsonArray nodes) || nodes.isEmpty()) {
            return names;
        }
        if (nodes.size() > 1) {
            throw new KerasFormatException("its functional model uses layer '" + name(l) + "' more than once");
        }
        JsonElement node = nodes.get(0);
        try {
            if (node.isJsonObject()) {
                collectHistory(node, names);
            } else {
                for (JsonElement in : node.getAsJsonArray()) {
                    names.add(in.getAsJsonArray().get(0).getAsString());
                }
            }
        } catch (IllegalStateException | IndexOutOfBoundsException | UnsupportedOperationException e) {
            throw new KerasFormatException("its functional model's connections at layer '" + name(l)
                    + "' are not in a form Keras writes");
        }
        return names;
    }

    /** Keras 3: every {@code keras_history} inside the node's arguments names an inbound layer. */
    private static void collectHistory(JsonElement e, List<String> names) {
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("keras_history") instanceof JsonArray h && !h.isEmpty()) {
                names.add(h.get(0).getAsString());
                return;
            }
            for (Map.Entry<String, JsonElement> m : o.entrySet()) {
                collectHistory(m.getValue(), names);
            }
        } else if (e.isJsonArray()) {
            for (JsonElement x : e.getAsJsonArray()) {
                collectHistory(x, names);
            }
        }
    }

    private static List<JsonObject> objects(JsonArray a) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : a) {
            if (!e.isJsonObject()) {
                throw new KerasFormatException("its model_config lists a layer that is not an object");
            }
            out.add(e.getAsJsonObject());
        }
        return out;
    }

    private static long[] integers(JsonElement e) {
        if (!(e instanceof JsonArray a)) {
            return null;
        }
        JsonObject holder = new JsonObject();
        holder.add("shape", a);
        return new KerasLayer(0, "", "", holder).integers("shape");
    }

    private static long[] firstNonNull(long[] a, long[] b) {
        return a != null ? a : b;
    }
}
