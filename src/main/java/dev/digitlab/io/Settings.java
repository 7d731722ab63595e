package dev.digitlab.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the app remembers between runs: window place and size, language, data folder, recent
 * models and the Training form's last fields. A plain Gson object; fields missing from the file
 * keep the defaults given here.
 */
public final class Settings {

    /** The most recent models the File menu offers. */
    public static final int MAX_RECENT = 8;

    /** Window position, or NaN when the system should place it. */
    public double windowX = Double.NaN;
    /** Window position, or NaN when the system should place it. */
    public double windowY = Double.NaN;
    /** Window width. */
    public double windowWidth = 1100;
    /** Window height. */
    public double windowHeight = 760;
    /** The UI language as a locale tag, e.g. {@code en} or {@code zh-CN}. */
    public String language = "en";
    /** The folder the user chose for the data sets, or null for the normal lookup. */
    public String dataFolder;
    /** Model files opened or saved, most recent first. */
    public List<String> recentModels = new ArrayList<>();
    /** The Training form's fields as the user typed them, by field name. */
    public Map<String, String> hyperparameters = new LinkedHashMap<>();

    /** Puts {@code file} first in the recent models, keeping at most {@value #MAX_RECENT}. */
    public void addRecent(String file) {
        recentModels.remove(file);
        recentModels.add(0, file);
        while (recentModels.size() > MAX_RECENT) {
            recentModels.remove(recentModels.size() - 1);
        }
    }

    /** Longest path or Training form text kept: longer ones are not something the app wrote. */
    static final int MAX_TEXT = 4096;
    /** Most Training form fields kept. */
    static final int MAX_FIELDS = 64;
    /** Farther from the origin than this, a window position is noise. */
    private static final double MAX_POSITION = 1_000_000;

    /** Fills in what a settings file left out (Gson leaves missing lists null). */
    void fillDefaults() {
        repair();
    }

    /**
     * Replaces every value the app could not use (a path Java refuses, an unknown language, a
     * window size that is not a size) with its default, and fills in what is missing.
     *
     * @return one note per value dropped, for the log
     */
    List<String> repair() {
        List<String> notes = new ArrayList<>();
        if (!Double.isNaN(windowX) && !(Math.abs(windowX) <= MAX_POSITION)
                || !Double.isNaN(windowY) && !(Math.abs(windowY) <= MAX_POSITION)) {
            notes.add("window position " + windowX + ", " + windowY);
            windowX = Double.NaN;
            windowY = Double.NaN;
        }
        if (!(windowWidth >= 200 && windowWidth <= MAX_POSITION) || !(windowHeight >= 150 && windowHeight <= MAX_POSITION)) {
            notes.add("window size " + windowWidth + " x " + windowHeight);
            windowWidth = 1100;
            windowHeight = 760;
        }
        if (language == null || !language.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
            if (language != null && !language.isBlank()) {
                notes.add("language " + quoted(language));
            }
            language = "en";
        }
        if (dataFolder != null && !usablePath(dataFolder)) {
            notes.add("dataFolder " + quoted(dataFolder));
            dataFolder = null;
        }
        recentModels = recentModels(notes);
        hyperparameters = hyperparameters(notes);
        return notes;
    }

    private List<String> recentModels(List<String> notes) {
        List<String> kept = new ArrayList<>();
        if (recentModels != null) {
            for (String file : recentModels) {
                if (file == null || !usablePath(file)) {
                    notes.add("recent model " + quoted(file));
                } else if (!kept.contains(file) && kept.size() < MAX_RECENT) {
                    kept.add(file);
                }
            }
        }
        return kept;
    }

    private Map<String, String> hyperparameters(List<String> notes) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (hyperparameters != null) {
            hyperparameters.forEach((name, text) -> {
                boolean fits = name != null && text != null && name.length() <= 64 && text.length() <= 256
                        && kept.size() < MAX_FIELDS && printable(name) && printable(text);
                if (fits) {
                    kept.put(name, text);
                } else {
                    notes.add("Training form field " + quoted(name));
                }
            });
        }
        return kept;
    }

    /** Whether Java takes {@code text} as a path: no NUL or other control character, not absurdly long. */
    static boolean usablePath(String text) {
        if (text.isBlank() || text.length() > MAX_TEXT || !printable(text)) {
            return false;
        }
        try {
            java.nio.file.Path.of(text);
            return true;
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static boolean printable(String text) {
        return text.chars().noneMatch(Character::isISOControl);
    }

    /** A value as the log shows it: control characters escaped, cut short. */
    private static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().limit(80).forEach(c -> out.append(Character.isISOControl(c)
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return out.append(text.length() > 80 ? "…\"" : "\"").toString();
    }
}
