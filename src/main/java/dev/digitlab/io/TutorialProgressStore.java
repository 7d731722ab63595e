package dev.digitlab.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which tutorial steps the learner has done, in {@code tutorial.json} in the app's home folder, so
 * the Tutorial tab picks up where they left it. Written atomically; a missing or damaged file means
 * no step is done yet (the tutorial can always be walked again).
 */
public final class TutorialProgressStore {

    /** The file's name. */
    public static final String FILE = "tutorial.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** What the file holds. */
    private static final class Progress {
        List<String> done = new ArrayList<>();
    }

    private final Path file;

    /** @param home the app's home folder, e.g. {@link SettingsStore#home()} */
    public TutorialProgressStore(Path home) {
        this.file = home.resolve(FILE);
    }

    /** The file the progress lives in. */
    public Path file() {
        return file;
    }

    /** The ids of the steps done; empty when there is no readable file. */
    public Set<String> load() {
        if (!Files.isRegularFile(file)) {
            return new LinkedHashSet<>();
        }
        try {
            Progress p = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Progress.class);
            if (p == null || p.done == null) {
                throw new JsonParseException("no list of steps");
            }
            return new LinkedHashSet<>(p.done);
        } catch (IOException | RuntimeException e) {
            return new LinkedHashSet<>();
        }
    }

    /**
     * Writes the ids of the steps done, replacing the file atomically.
     *
     * @throws IOException when the folder cannot be written; the old file is then unchanged
     */
    public void save(Set<String> done) throws IOException {
        Progress p = new Progress();
        p.done.addAll(done);
        Files.createDirectories(file.toAbsolutePath().getParent());
        new AtomicFile().write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            GSON.toJson(p, writer);
            writer.flush();
        });
    }
}
