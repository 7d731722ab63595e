package dev.digitlab.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * JSON trees and plain records on Gson's streaming API alone. A {@code Gson} instance costs
 * 0.1-0.2 s to build in a fresh JVM, which {@code digitlab info} would notice; these few methods
 * do what the model format needs of it.
 */
final class JsonTrees {

    private JsonTrees() {
    }

    /** A JSON object that holds the same field name twice; {@code where} is the object's path, e.g. {@code architecture}. */
    static final class DuplicateField extends RuntimeException {
        final String name;
        final String where;

        DuplicateField(String name, String where) {
            super("the field '" + name + "' twice in " + where, null, false, false);
            this.name = name;
            this.where = where;
        }
    }

    /** Reads the next value of {@code reader} as a tree, without recursion (deep nesting cannot overflow the stack). */
    static JsonElement read(JsonReader reader) throws IOException {
        Deque<JsonElement> open = new ArrayDeque<>();
        Deque<String> names = new ArrayDeque<>();
        JsonElement result = null;
        do {
            JsonElement value = readOne(reader);
            if (open.isEmpty()) {
                result = value;
            } else if (open.peek() instanceof JsonObject object) {
                object.add(names.pop(), value);
            } else {
                ((JsonArray) open.peek()).add(value);
            }
            if (value.isJsonObject() || value.isJsonArray()) {
                open.push(value);
            }
            // Close what ends here, and find the next member's name.
            while (!open.isEmpty()) {
                if (reader.hasNext()) {
                    if (open.peek() instanceof JsonObject object) {
                        String name = reader.nextName();
                        if (object.has(name)) {
                            // Refused at every depth, as at the top: which of the two was meant is unknowable.
                            String path = reader.getPath();
                            throw new DuplicateField(name, path.substring(Math.min(2, path.length()),
                                    Math.max(Math.min(2, path.length()), path.lastIndexOf('.'))));
                        }
                        names.push(name);
                    }
                    break;
                }
                if (open.pop().isJsonObject()) {
                    reader.endObject();
                } else {
                    reader.endArray();
                }
            }
        } while (!open.isEmpty());
        return result;
    }

    /** Reads one value, entering an object or an array (its members are read next). */
    private static JsonElement readOne(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                reader.beginObject();
                return new JsonObject();
            }
            case BEGIN_ARRAY -> {
                reader.beginArray();
                return new JsonArray();
            }
            case STRING -> {
                return new JsonPrimitive(reader.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(new LazilyParsedNumber(reader.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(reader.nextBoolean());
            }
            case NULL -> {
                reader.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new IllegalStateException("unexpected " + reader.peek() + " at " + reader.getPath());
        }
    }

    /** Writes a tree. */
    static void write(JsonWriter writer, JsonElement e) throws IOException {
        if (e == null || e.isJsonNull()) {
            writer.nullValue();
        } else if (e.isJsonObject()) {
            writer.beginObject();
            for (Map.Entry<String, JsonElement> member : e.getAsJsonObject().entrySet()) {
                writer.name(member.getKey());
                write(writer, member.getValue());
            }
            writer.endObject();
        } else if (e.isJsonArray()) {
            writer.beginArray();
            for (JsonElement item : e.getAsJsonArray()) {
                write(writer, item);
            }
            writer.endArray();
        } else {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isBoolean()) {
                writer.value(p.getAsBoolean());
            } else if (p.isNumber()) {
                writer.value(p.getAsNumber());
            } else {
                writer.value(p.getAsString());
            }
        }
    }

    /**
     * A record's components as a JSON object. Null and zero components are left out: a layer then
     * lists only the fields its type uses (a dense layer has no kernel size), and reading gives
     * absent fields back as 0. Supports the component types of plain data records: String, int,
     * long, double, boolean and int[].
     */
    static JsonObject fromRecord(Record record) {
        JsonObject object = new JsonObject();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c, e);
            }
            if (value == null || value instanceof Number n && n.doubleValue() == 0) {
                continue;
            }
            if (value instanceof String s) {
                object.addProperty(c.getName(), s);
            } else if (value instanceof Number n) {
                object.addProperty(c.getName(), n);
            } else if (value instanceof Boolean b) {
                object.addProperty(c.getName(), b);
            } else if (value instanceof int[] ints) {
                JsonArray array = new JsonArray();
                for (int i : ints) {
                    array.add(i);
                }
                object.add(c.getName(), array);
            } else {
                throw new IllegalStateException("model files cannot store " + c + " yet");
            }
        }
        return object;
    }

    /**
     * The record of type {@code type} whose components are the fields of {@code object} (absent
     * ones are 0, false or null; unknown fields are ignored).
     *
     * @throws IllegalArgumentException naming the field whose value has the wrong type
     */
    static <R extends Record> R toRecord(JsonObject object, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = value(object.get(components[i].getName()), types[i], components[i].getName());
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalStateException("cannot make a " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getSimpleName(), e);
        }
    }

    private static Object value(JsonElement e, Class<?> type, String name) {
        boolean absent = e == null || e.isJsonNull();
        try {
            if (type == String.class) {
                return absent ? null : string(e);
            }
            if (type == int.class) {
                return absent ? 0 : number(e).intValueExact();
            }
            if (type == long.class) {
                return absent ? 0L : number(e).longValueExact();
            }
            if (type == double.class) {
                return absent ? 0.0 : number(e).doubleValue();
            }
            if (type == boolean.class) {
                return !absent && bool(e);
            }
            if (type == int[].class) {
                if (absent) {
                    return null;
                }
                JsonArray array = e.getAsJsonArray();
                int[] ints = new int[array.size()];
                for (int i = 0; i < ints.length; i++) {
                    ints[i] = number(array.get(i)).intValueExact();
                }
                return ints;
            }
        } catch (ArithmeticException | IllegalStateException | UnsupportedOperationException e2) {
            throw new IllegalArgumentException("its field '" + name + "' has a value of the wrong type ("
                    + Fields.describe(e) + ")");
        }
        throw new IllegalStateException("model files cannot read a " + type + " yet");
    }

    private static String string(JsonElement e) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalStateException("not a string");
        }
        return e.getAsString();
    }

    private static BigDecimal number(JsonElement e) {
        BigDecimal value = e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? decimal(e.getAsString()) : null;
        if (value == null) {
            throw new IllegalStateException("not a usable number");
        }
        return value;
    }

    /**
     * The JSON number {@code text} as a decimal, or null when it is no number DigitLab could use:
     * an exponent Java cannot hold ({@code 1e99999999999}), or more than 400 digits before the
     * point, which exact conversion ({@code 1e999999999} has a billion digits) would take minutes over.
     */
    static BigDecimal decimal(String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            return value.precision() - value.scale() > 400 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean bool(JsonElement e) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalStateException("not a boolean");
        }
        return e.getAsBoolean();
    }
}
