package dev.digitlab.io.keras;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Locale;

/**
 * One layer of a Keras {@code model_config}, as written: its class, its name and its config.
 *
 * @param position  its place in the model, counted from 1 after the input, as a learner counts
 * @param className e.g. {@code Dense}
 * @param name      e.g. {@code dense_1}
 * @param config    the layer's {@code config} object
 */
record KerasLayer(int position, String className, String name, JsonObject config) {

    /** The layer as messages name it: "layer 2 (Dense 'dense_1')". */
    String describe() {
        return "layer " + position + " (" + className + " '" + name + "')";
    }

    /** A whole-number setting, or {@code fallback} when absent or null. */
    long integer(String key, long fallback) {
        JsonElement e = config.get(key);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        try {
            return e.getAsLong();
        } catch (RuntimeException ex) {
            throw new KerasFormatException(describe() + " has a '" + key + "' that is not a whole number");
        }
    }

    /** A number setting, or {@code fallback} when absent or null. */
    double number(String key, double fallback) {
        JsonElement e = config.get(key);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        try {
            return e.getAsDouble();
        } catch (RuntimeException ex) {
            throw new KerasFormatException(describe() + " has a '" + key + "' that is not a number");
        }
    }

    /** A text setting, or {@code fallback} when absent or null. */
    String text(String key, String fallback) {
        JsonElement e = config.get(key);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? fallback : e.getAsString();
    }

    /** A true/false setting, or {@code fallback} when absent or null. */
    boolean flag(String key, boolean fallback) {
        JsonElement e = config.get(key);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? fallback : e.getAsBoolean();
    }

    /**
     * A list of whole numbers (a single number counts as a list of one); {@code null} when absent.
     * {@code null} entries (the batch size) become -1.
     */
    long[] integers(String key) {
        JsonElement e = config.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        try {
            if (e.isJsonPrimitive()) {
                return new long[] {e.getAsLong()};
            }
            JsonArray a = e.getAsJsonArray();
            if (a.size() > 8) {
                throw new KerasFormatException(describe() + " has a '" + key + "' of " + a.size() + " dimensions");
            }
            long[] out = new long[a.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = a.get(i).isJsonNull() ? -1 : a.get(i).getAsLong();
            }
            return out;
        } catch (IllegalStateException | NumberFormatException | UnsupportedOperationException ex) {
            throw new KerasFormatException(describe() + " has a '" + key + "' that is not a list of whole numbers");
        }
    }

    /**
     * The activation's name: Keras writes it as text ({@code "relu"}) or, in some versions, as an
     * object whose config is the name. {@code "linear"} when there is none.
     */
    String activation(String key) {
        JsonElement e = config.get(key);
        if (e == null || e.isJsonNull()) {
            return "linear";
        }
        if (e.isJsonObject()) {
            JsonElement inner = e.getAsJsonObject().get("config");
            if (inner != null && inner.isJsonPrimitive()) {
                return inner.getAsString().toLowerCase(Locale.ROOT);
            }
            JsonElement cls = e.getAsJsonObject().get("class_name");
            return cls == null ? "?" : cls.getAsString().toLowerCase(Locale.ROOT);
        }
        return e.isJsonPrimitive() ? e.getAsString().toLowerCase(Locale.ROOT) : "?";
    }
}
