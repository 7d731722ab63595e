package dev.digitlab.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import dev.digitlab.imaging.strokes.LabelledDrawing;
import dev.digitlab.imaging.strokes.Stroke;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The user's own drawings, {@code my-drawings.json} in the app's home folder: each drawing's
 * strokes (pen width and points, in drawing units) and digit. Format:
 * <pre>{"format": "digitlab-drawings", "version": 1, "drawings": [
 *   {"digit": 7, "created": "2026-12-02T17:50:00Z", "strokes": [{"width": 24, "points": [x0, y0, x1, y1, ...]}]}]}</pre>
 * Written atomically. A file that cannot be read (damaged, or from a newer DigitLab) is moved
 * aside as {@code my-drawings.json.bad-<timestamp>}, never overwritten, and {@link #warning()}
 * says so.
 */
public final class DrawingStore {

    /** The file's name in the home folder. */
    public static final String FILE = "my-drawings.json";
    static final String FORMAT = "digitlab-drawings";
    static final int VERSION = 1;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path file;
    private String warning;
    /** Set when a damaged file could not be moved aside: it must then not be overwritten. */
    private boolean blocked;

    /** A store of the drawings in {@code file} (e.g. {@code home.resolve(FILE)}). */
    public DrawingStore(Path file) {
        this.file = file;
    }

    /** The file the drawings live in. */
    public Path file() {
        return file;
    }

    /** The drawings; none when there is no file, or when it was damaged (then set aside, see {@link #warning()}). */
    public List<LabelledDrawing> load() {
        warning = null;
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            setAside(e);
            return List.of();
        }
    }

    /**
     * Reads drawings from {@code source}, e.g. a file given to {@code digitlab adapt}.
     *
     * @throws IOException with a one-line reason when it cannot be read or is not a drawings file
     */
    public static List<LabelledDrawing> read(Path source) throws IOException {
        try {
            return parse(Files.readString(source, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IOException(source + " is not a drawings file: " + e.getMessage(), e);
        }
    }

    /** Why the last {@link #load()} found no drawings although a file was there, if it did. */
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    /**
     * Writes {@code drawings}, replacing the file atomically.
     *
     * @throws IOException when it cannot be written; the old file is then unchanged
     */
    public void save(List<LabelledDrawing> drawings) throws IOException {
        if (blocked) {
            throw new IOException("the damaged " + file + " could not be set aside, so it is left as it is");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        new AtomicFile().write(file, out -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(text, drawings);
            text.flush();
        });
    }

    private static void write(Writer text, List<LabelledDrawing> drawings) throws IOException {
        JsonWriter w = new JsonWriter(text);
        w.setIndent(" ");
        w.beginObject().name("format").value(FORMAT).name("version").value(VERSION).name("drawings").beginArray();
        for (LabelledDrawing d : drawings) {
            w.beginObject().name("digit").value(d.digit());
            if (d.created() != null) {
                w.name("created").value(d.created().toString());
            }
            w.name("strokes").beginArray();
            for (Stroke s : d.strokes()) {
                w.beginObject().name("width").value(s.width()).name("points").beginArray();
                w.setIndent("");
                for (int i = 0; i < s.size(); i++) {
                    w.value(s.x(i)).value(s.y(i));
                }
                w.endArray();
                w.endObject();
                w.setIndent(" ");
            }
            w.endArray().endObject();
        }
        w.endArray().endObject();
        w.flush();
    }

    private static List<LabelledDrawing> parse(String json) {
        JsonElement rootElement = JsonParser.parseString(json);
        if (!rootElement.isJsonObject()) {
            throw new JsonParseException("it does not hold a JSON object");
        }
        JsonObject root = rootElement.getAsJsonObject();
        if (!root.has("format") || !FORMAT.equals(root.get("format").getAsString())) {
            throw new JsonParseException("its format is not \"" + FORMAT + "\"");
        }
        int version = root.get("version").getAsInt();
        if (version > VERSION) {
            throw new JsonParseException("it was written by a newer DigitLab (version " + version + ")");
        }
        List<LabelledDrawing> drawings = new ArrayList<>();
        JsonArray list = root.getAsJsonArray("drawings");
        for (int i = 0; i < list.size(); i++) {
            try {
                drawings.add(drawing(list.get(i).getAsJsonObject()));
            } catch (RuntimeException e) {
                throw new JsonParseException("drawing " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(drawings);
    }

    private static LabelledDrawing drawing(JsonObject o) {
        List<Stroke> strokes = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("strokes")) {
            JsonObject s = e.getAsJsonObject();
            JsonArray p = s.getAsJsonArray("points");
            float[] points = new float[p.size()];
            for (int i = 0; i < points.length; i++) {
                points[i] = p.get(i).getAsFloat();
                if (!Float.isFinite(points[i])) {
                    throw new JsonParseException("a point is " + points[i]);
                }
            }
            strokes.add(new Stroke(s.get("width").getAsDouble(), points));
        }
        Instant created = null;
        if (o.has("created") && !o.get("created").isJsonNull()) {
            try {
                created = Instant.parse(o.get("created").getAsString());
            } catch (DateTimeParseException e) {
                created = null;
            }
        }
        return new LabelledDrawing(o.get("digit").getAsInt(), strokes, created);
    }

    private void setAside(Exception cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        Path bad = file.resolveSibling(FILE + ".bad-" + LocalDateTime.now().format(STAMP));
        try {
            Files.move(file, bad);
            warning = "Your drawings file " + file + " could not be read (" + why + "); it was kept as "
                    + bad.getFileName() + " and a new one is started.";
        } catch (IOException e) {
            blocked = true;
            warning = "Your drawings file " + file + " could not be read (" + why + ") nor set aside ("
                    + e.getMessage() + ").";
        }
    }
}
