package dev.digitlab.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code settings.json} in the app's home folder
 * ({@link dev.digitlab.base.AppHome}). A missing file gives defaults; a damaged one is set aside
 * as {@code settings.json.bad-<timestamp>} so the user loses nothing, and defaults are used.
 */
public final class SettingsStore {

    /** The settings file's name. */
    public static final String FILE = "settings.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting()
            .serializeSpecialFloatingPointValues().create();
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path file;
    private String warning;

    /** @param home the app's home folder, e.g. {@code ~/.digitlab} */
    public SettingsStore(Path home) {
        this.file = home.resolve(FILE);
    }

    /** The file the settings live in. */
    public Path file() {
        return file;
    }

    /** Reads the settings; never fails: a missing or damaged file gives defaults. */
    public Settings load() {
        warning = null;
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        try {
            JsonElement tree = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!tree.isJsonObject()) {
                throw new JsonParseException("the file holds no settings object");
            }
            Settings settings = GSON.fromJson(usableFields(tree.getAsJsonObject()), Settings.class);
            settings.repair().forEach(note -> LOG.warn("Settings: dropped the unusable {} from {}", note, file));
            return settings;
        } catch (IOException | RuntimeException e) {
            setAside(e);
            return defaults();
        }
    }

    /**
     * The fields of {@code all} that Gson can read into {@link Settings} one by one: a field of the
     * wrong type (a list where a path belongs) is dropped with a note in the log, the rest kept.
     */
    private JsonObject usableFields(JsonObject all) {
        JsonObject usable = new JsonObject();
        for (Map.Entry<String, JsonElement> field : all.entrySet()) {
            JsonObject one = new JsonObject();
            one.add(field.getKey(), field.getValue());
            try {
                GSON.fromJson(one, Settings.class);
                usable.add(field.getKey(), field.getValue());
            } catch (RuntimeException e) {
                LOG.warn("Settings: dropped the field '{}' of {}: not the kind of value it holds", field.getKey(), file);
            }
        }
        return usable;
    }

    /** Why the last {@link #load()} used defaults although a file was there, if it did. */
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    /**
     * Writes the settings atomically.
     *
     * @throws IOException when the folder cannot be written; the old file is then unchanged
     */
    public void save(Settings settings) throws IOException {
        Files.createDirectories(file.getParent());
        new AtomicFile().write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            GSON.toJson(settings, writer);
            writer.flush();
        });
    }

    private void setAside(Exception cause) {
        Path bad = file.resolveSibling(FILE + ".bad-" + LocalDateTime.now().format(STAMP));
        try {
            Files.move(file, bad);
            warning = "The settings file " + file + " was damaged; it was kept as " + bad.getFileName()
                    + " and the default settings are used.";
        } catch (IOException e) {
            warning = "The settings file " + file + " was damaged and could not be set aside ("
                    + e.getMessage() + "); the default settings are used.";
        }
    }

    private static Settings defaults() {
        Settings settings = new Settings();
        settings.fillDefaults();
        return settings;
    }
}
