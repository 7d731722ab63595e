package dev.digitlab.io.keras;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** A {@code .keras} file's {@code metadata.json}: the Keras version that saved it. */
final class KerasMetadata {

    private KerasMetadata() {
    }

    /** The {@code keras_version}, or null when the metadata does not say. */
    static String version(String json) {
        try {
            JsonElement e = JsonParser.parseString(json);
            if (e.isJsonObject()) {
                JsonObject o = e.getAsJsonObject();
                JsonElement v = o.get("keras_version");
                return v != null && v.isJsonPrimitive() ? v.getAsString() : null;
            }
            return null;
        } catch (JsonParseException | IllegalStateException e) {
            throw new KerasFormatException("its metadata.json is not valid JSON");
        }
    }
}
