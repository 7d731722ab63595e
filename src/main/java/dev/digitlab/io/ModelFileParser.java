package dev.digitlab.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the JSON of a model file in one streaming pass: every top-level field but
 * {@code weights} into a tree, and each weight's fields with its (large) base64 values kept as
 * one string, or skipped without being held when only the header is wanted. Nothing is checked
 * here beyond JSON syntax, so that the format and version can be checked first.
 */
final class ModelFileParser {

    /** One entry of the weights list: its fields without {@code values}, and the values text if read. */
    record RawWeight(JsonElement fields, String values) {
    }

    /**
     * The parsed file.
     *
     * @param header  every top-level field except {@code weights}
     * @param weights the entries of {@code weights}; null when the field is absent
     * @param weightsNotAList what {@code weights} held when it was not a list, else null
     */
    record RawModel(JsonObject header, List<RawWeight> weights, JsonElement weightsNotAList) {
    }

    private ModelFileParser() {
    }

    /**
     * Parses {@code in} (UTF-8 JSON text whose first non-blank character is '{').
     *
     * @param withValues whether to keep the weights' base64 values or skip them
     * @throws IOException on a JSON syntax error, an early end or text that is not UTF-8
     */
    static RawModel parse(InputStream in, boolean withValues, String source) throws IOException {
        try {
            return parseStrictly(in, withValues, source);
        } catch (JsonTrees.DuplicateField e) {
            throw new ModelFileException(source + " has the field '" + e.name + "' twice"
                    + (e.where.isEmpty() ? "" : " in " + e.where));
        }
    }

    private static RawModel parseStrictly(InputStream in, boolean withValues, String source) throws IOException {
        Reader text = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        JsonReader reader = new JsonReader(text);
        reader.setStrictness(Strictness.STRICT);
        JsonObject header = new JsonObject();
        List<RawWeight> weights = null;
        JsonElement weightsNotAList = null;
        Set<String> seen = new HashSet<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            if (!seen.add(name)) {
                throw new ModelFileException(source + " has the field '" + name + "' twice");
            }
            if (!"weights".equals(name)) {
                header.add(name, JsonTrees.read(reader));
            } else if (reader.peek() == JsonToken.BEGIN_ARRAY) {
                weights = readWeights(reader, withValues, source);
            } else {
                weights = List.of();
                weightsNotAList = JsonTrees.read(reader);
            }
        }
        reader.endObject();
        boolean more;
        try {
            more = reader.peek() != JsonToken.END_DOCUMENT;
        } catch (MalformedJsonException e) {
            more = true; // a strict reader refuses a second top-level value rather than show it
        }
        if (more) {
            throw new ModelFileException(source + " goes on after the end of the model's JSON object");
        }
        return new RawModel(header, weights, weightsNotAList);
    }

    private static List<RawWeight> readWeights(JsonReader reader, boolean withValues, String source)
            throws IOException {
        List<RawWeight> weights = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                weights.add(new RawWeight(JsonTrees.read(reader), null));
                continue;
            }
            JsonObject fields = new JsonObject();
            String values = null;
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                if (fields.has(name) || ("values".equals(name) && values != null)) {
                    throw new ModelFileException(source + " has the field '" + name + "' twice in weight "
                            + weights.size());
                }
                if ("values".equals(name) && reader.peek() == JsonToken.STRING) {
                    if (withValues) {
                        values = reader.nextString();
                    } else {
                        reader.skipValue();
                    }
                } else {
                    fields.add(name, JsonTrees.read(reader));
                }
            }
            reader.endObject();
            weights.add(new RawWeight(fields, values));
        }
        reader.endArray();
        return weights;
    }
}
