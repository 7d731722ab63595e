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

    /** Fills in what a settings file left out (Gson leaves missing lists null). */
    void fillDefaults() {
        if (recentModels == null) {
            recentModels = new ArrayList<>();
        }
        if (hyperparameters == null) {
            hyperparameters = new LinkedHashMap<>();
        }
        if (language == null || language.isBlank()) {
            language = "en";
        }
        if (!(windowWidth >= 200) || !(windowHeight >= 150)) {
            windowWidth = 1100;
            windowHeight = 760;
        }
    }
}
