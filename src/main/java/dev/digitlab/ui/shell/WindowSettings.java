package dev.digitlab.ui.shell;

import dev.digitlab.io.Settings;
import dev.digitlab.io.SettingsStore;
import dev.digitlab.ui.training.FormField;
import dev.digitlab.ui.training.Preset;
import dev.digitlab.ui.training.TrainingForm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings the window keeps between starts: its place and size, the language, the data
 * folder, the recent model files and the Training form. Loaded once from the {@link SettingsStore};
 * {@link #save} writes them back. Form fields are kept by name, so reordering the form keeps them.
 */
final class WindowSettings {

    /** The smallest window a saved size opens at: smaller, the tabs cannot show their controls. */
    private static final double MIN_WIDTH = 400;
    private static final double MIN_HEIGHT = 300;

    private WindowPlacement.Box placement;

    private static final String OPTIMIZER = "optimizer";
    private static final String PRESET = "preset";
    /** The Layers field's name in settings files written before conv layers. */
    private static final String LAYERS_KEY = "hiddenLayers";
    private static final Logger LOG = LoggerFactory.getLogger(WindowSettings.class);

    private final SettingsStore store;
    private final Settings settings;

    WindowSettings(SettingsStore store) {
        this.store = store;
        this.settings = store.load();
    }

    /** The language the settings ask for. */
    Locale language() {
        return Locale.forLanguageTag(settings.language);
    }

    void setLanguage(Locale language) {
        settings.language = language.toLanguageTag();
    }

    /** The data folder the user chose, or null for the normal lookup. */
    Path dataFolder() {
        return settings.dataFolder == null ? null : Path.of(settings.dataFolder);
    }

    void setDataFolder(Path folder) {
        settings.dataFolder = folder.toString();
    }

    /** The recent model files, newest first. */
    List<Path> recentModels() {
        return settings.recentModels.stream().map(Path::of).toList();
    }

    double width() {
        return placement().width();
    }

    double height() {
        return placement().height();
    }

    /** Puts {@code stage} where it was, if that is known, fitted to the screens there are now. */
    void place(Stage stage) {
        WindowPlacement.Box place = placement();
        if (!Double.isNaN(place.x())) {
            stage.setX(place.x());
            stage.setY(place.y());
        }
    }

    /** The kept place and size fitted to the screens there are now (a second monitor may be gone). */
    private WindowPlacement.Box placement() {
        if (placement == null) {
            placement = WindowPlacement.fit(new WindowPlacement.Box(settings.windowX, settings.windowY,
                    settings.windowWidth, settings.windowHeight), screens(), MIN_WIDTH, MIN_HEIGHT);
        }
        return placement;
    }

    /** The visible bounds of the screens there are now, the primary first. */
    private static List<WindowPlacement.Box> screens() {
        List<WindowPlacement.Box> boxes = new java.util.ArrayList<>();
        javafx.stage.Screen primary = javafx.stage.Screen.getPrimary();
        for (javafx.stage.Screen screen : javafx.stage.Screen.getScreens()) {
            javafx.geometry.Rectangle2D r = screen.getVisualBounds();
            boxes.add(screen.equals(primary) ? 0 : boxes.size(),
                    new WindowPlacement.Box(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight()));
        }
        return boxes;
    }


    /** Why the settings file could not be read as it was, if so. */
    Optional<String> warning() {
        return store.warning();
    }

    /** Fills {@code form} with the kept preset, optimizer and fields. */
    void restore(TrainingForm form) {
        Map<String, String> saved = settings.hyperparameters;
        // The preset first: choosing it fills every field, which the saved fields then overwrite.
        Arrays.stream(Preset.values()).filter(p -> p.name().equals(saved.get(PRESET))).findFirst()
                .ifPresent(form.presetProperty()::set);
        String optimizer = saved.get(OPTIMIZER);
        if (optimizer != null && TrainingForm.OPTIMIZERS.contains(optimizer)) {
            form.optimizerProperty().set(optimizer);
        }
        form.fieldsByName().forEach((name, field) -> {
            String text = saved.get(key(name));
            if (text != null) {
                field.textProperty().set(text);
            }
        });
    }

    /**
     * Writes the settings with the window's place and size (unless it is hidden, minimised or
     * maximised), {@code recent} and {@code form}.
     *
     * @return the file, when it could not be written (the reason is logged)
     */
    Optional<Path> save(Stage stage, List<Path> recent, TrainingForm form) {
        if (stage.getScene() != null && stage.isShowing() && !stage.isIconified() && !stage.isMaximized()) {
            settings.windowX = stage.getX();
            settings.windowY = stage.getY();
            settings.windowWidth = stage.getWidth();
            settings.windowHeight = stage.getHeight();
        }
        settings.recentModels.clear();
        recent.forEach(p -> settings.recentModels.add(p.toString()));
        keep(form);
        try {
            store.save(settings);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The settings could not be saved to {}: {}", store.file(), e.getMessage());
            return Optional.of(store.file());
        }
    }

    private void keep(TrainingForm form) {
        for (Map.Entry<String, FormField<?>> field : form.fieldsByName().entrySet()) {
            settings.hyperparameters.put(key(field.getKey()), field.getValue().textProperty().get());
        }
        settings.hyperparameters.put(OPTIMIZER, form.optimizerProperty().get());
        if (form.presetProperty().get() != null) {
            settings.hyperparameters.put(PRESET, form.presetProperty().get().name());
        }
    }

    /** The settings file's name of a form field. */
    private static String key(String field) {
        return field.equals("layers") ? LAYERS_KEY : field;
    }
}
