package dev.digitlab.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;

/**
 * Typed access to the fields of one JSON object of a model file, with one-sentence errors that
 * name the file and the field's full path (e.g. {@code training.batch_size}).
 */
final class Fields {

    private final JsonObject object;
    private final String path;
    private final String source;

    Fields(JsonObject object, String path, String source) {
        this.object = object;
        this.path = path;
        this.source = source;
    }

    /** This object's own path in the file, e.g. {@code architecture.layers[1]}; empty for the top level. */
    String path() {
        return path;
    }

    /** The field's full name, as the messages show it. */
    String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return object.has(key) && !object.get(key).isJsonNull();
    }

    String string(String key) {
        JsonElement e = require(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw wrongType(key, "a text", e);
        }
        return e.getAsString();
    }

    /** The text, or null when the field is absent or null. */
    String optionalString(String key) {
        return has(key) ? string(key) : null;
    }

    int integer(String key) {
        BigDecimal value = decimal(key, "a whole number");
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw wrongType(key, "a whole number that fits in 32 bits", object.get(key));
        }
    }

    long longInteger(String key) {
        BigDecimal value = decimal(key, "a whole number");
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw wrongType(key, "a whole number that fits in 64 bits", object.get(key));
        }
    }

    /** A finite number. */
    double number(String key) {
        double value = decimal(key, "a number").doubleValue();
        if (!Double.isFinite(value)) {
            throw wrongType(key, "a number of double range", object.get(key));
        }
        return value;
    }

    /** The number, or NaN when the field is absent or null (JSON has no NaN). */
    double optionalNumber(String key) {
        return has(key) ? number(key) : Double.NaN;
    }

    Fields object(String key) {
        JsonElement e = require(key);
        if (!e.isJsonObject()) {
            throw wrongType(key, "an object", e);
        }
        return new Fields(e.getAsJsonObject(), name(key), source);
    }

    /** The object, or null when the field is absent or null. */
    Fields optionalObject(String key) {
        return has(key) ? object(key) : null;
    }

    JsonArray array(String key) {
        JsonElement e = require(key);
        if (!e.isJsonArray()) {
            throw wrongType(key, "a list", e);
        }
        return e.getAsJsonArray();
    }

    /** The array, or an empty one when the field is absent or null. */
    JsonArray optionalArray(String key) {
        return has(key) ? array(key) : new JsonArray();
    }

    /** Element {@code index} of the array field {@code key}, as an object. */
    Fields element(String key, JsonArray array, int index) {
        return object(array.get(index), name(key) + "[" + index + "]", source);
    }

    /** {@code e}, found at {@code path} in the file, as an object. */
    static Fields object(JsonElement e, String path, String source) {
        if (!e.isJsonObject()) {
            throw new ModelFileException(source + ": the field '" + path + "' should be an object, not " + describe(e));
        }
        return new Fields(e.getAsJsonObject(), path, source);
    }

    JsonElement require(String key) {
        JsonElement e = object.get(key);
        if (e == null || e.isJsonNull()) {
            throw new ModelFileException(source + " lacks the field '" + name(key) + "'");
        }
        return e;
    }

    JsonObject json() {
        return object;
    }

    private BigDecimal decimal(String key, String what) {
        JsonElement e = require(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw wrongType(key, what, e);
        }
        BigDecimal value = JsonTrees.decimal(e.getAsJsonPrimitive().getAsString());
        if (value == null) {
            throw wrongType(key, what + " of a usable size", e);
        }
        return value;
    }

    ModelFileException wrongType(String key, String what, JsonElement e) {
        return new ModelFileException(source + ": the field '" + name(key) + "' should be " + what + ", not "
                + describe(e));
    }

    /** A short picture of a JSON value for a message: at most 40 characters. */
    static String describe(JsonElement e) {
        String text;
        if (e.isJsonObject()) {
            text = "an object";
        } else if (e.isJsonArray()) {
            text = "a list";
        } else if (e instanceof JsonPrimitive p && p.isString()) {
            String s = p.getAsString();
            text = "\"" + (s.length() > 30 ? s.substring(0, 30) + "..." : s) + "\"";
        } else {
            text = e.toString();
            text = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
        return text;
    }
}
