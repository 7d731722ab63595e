package dev.digitlab.ui.shell;

import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.FileChooserService;
import dev.digitlab.ui.shared.Messages;

import dev.digitlab.base.ErrorText;
import dev.digitlab.io.ModelFileException;
import dev.digitlab.io.ModelReader;
import dev.digitlab.io.ModelWriter;
import dev.digitlab.io.Settings;
import dev.digitlab.io.keras.KerasWriter;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The File menu's model commands: new, open, save, save as and the recent models. Knows the file
 * the active model came from or was saved to, and asks before unsaved changes would be lost. A
 * model file is read on a background thread, one at a time (see {@link #openingProperty()}), so
 * the window keeps answering while a large file loads. A failed open or save shows an error and
 * leaves the active model as it was. Use on the FX thread.
 */
public final class ModelFiles {

    private final ActiveModel active;
    private final FileChooserService chooser;
    private final Prompts prompts;
    private final Function<Path, TrainedModel> reader;
    private final ModelWriter writer;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final RecentModels recent = new RecentModels();
    private final ReadOnlyObjectWrapper<Supplier<String>> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
    private boolean settingModel;

    /**
     * @param active  the app's active model
     * @param chooser asks for files
     * @param prompts asks about unsaved changes and shows errors
     * @param reader  loads model files, e.g. {@code new ModelReader()::load} (called on a background thread)
     * @param writer  saves model files
     */
    public ModelFiles(ActiveModel active, FileChooserService chooser, Prompts prompts,
                      Function<Path, TrainedModel> reader, ModelWriter writer) {
        this.active = active;
        this.chooser = chooser;
        this.prompts = prompts;
        this.reader = reader;
        this.writer = writer;
        // A model that arrives from elsewhere (a finished training run, the shipped model) has no file.
        active.modelProperty().addListener((obs, old, now) -> {
            if (!settingModel) {
                file.set(null);
            }
        });
    }

    // ----- commands ------------------------------------------------------------------------

    /**
     * Replaces the active model with an untrained network of {@code spec} (after asking about
     * unsaved changes).
     *
     * @return whether the new model became the active one
     */
    public boolean newModel(ModelSpec spec, TrainingConfig config) {
        if (!confirmDiscard()) {
            return false;
        }
        TrainedModel model;
        try {
            model = new TrainedModel(Messages.get("model.untitled"), Network.create(spec, config.seed()), config,
                    null, null, List.of(), Double.NaN, Instant.now());
        } catch (RuntimeException | OutOfMemoryError e) {
            prompts.showError(Messages.get("error.newModel"), e);
            return false;
        }
        setActive(model, true, null);
        notice.set(() -> Messages.get("notice.newModel"));
        return true;
    }

    /**
     * Asks for a model file and starts opening it (after asking about unsaved changes); does
     * nothing while another file is being opened.
     *
     * @return whether the file is being read
     */
    public boolean open() {
        if (opening.get() || !confirmDiscard()) {
            return false;
        }
        Optional<Path> chosen = chooser.chooseOpenFile(Messages.get("file.open.title"));
        return chosen.isPresent() && load(chosen.get());
    }

    /**
     * Starts opening one of the recent models (after asking about unsaved changes); does nothing
     * while another file is being opened. A file that is gone is taken off the list, with a note
     * saying so.
     *
     * @return whether the file is being read
     */
    public boolean openRecent(Path path) {
        if (opening.get()) {
            return false;
        }
        if (!Files.exists(path)) {
            recent.paths().remove(path);
            notice.set(() -> Messages.format("notice.recentMissing", path.toString()));
            return false;
        }
        return confirmDiscard() && load(path);
    }

    /**
     * Starts opening one of the models that ship with DigitLab (after asking about unsaved
     * changes), so a learner can compare the tutorial's network with the CNN; does nothing while
     * another model is being opened. It is not a file of the user's, so it joins no recent list.
     *
     * @param name   the shipped model's name, e.g. {@code mnist-mlp}
     * @param loader reads it (on a background thread)
     * @return whether it is being read
     */
    public boolean openShipped(String name, Supplier<TrainedModel> loader) {
        if (opening.get() || !confirmDiscard()) {
            return false;
        }
        return load(name, null, loader);
    }

    /** Saves the active model to its file, or asks for one when it has none yet. */
    public boolean save() {
        if (active.modelProperty().get() == null) {
            return false;
        }
        Path target = file.get();
        return target == null ? saveAs() : write(target);
    }

    /** Asks for a file and saves the active model there. */
    public boolean saveAs() {
        TrainedModel model = active.modelProperty().get();
        if (model == null) {
            return false;
        }
        Optional<Path> chosen = chooser.chooseSaveFile(Messages.get("file.save.title"), displayName() + ".json");
        return chosen.isPresent() && write(withJsonExtension(chosen.get()));
    }

    /**
     * Asks for a file and exports the active model there as a Keras {@code .h5} file, for
     * {@code keras.models.load_model} in Python. The model stays as it was (and unsaved if it was).
     */
    public boolean exportKeras() {
        TrainedModel model = active.modelProperty().get();
        if (model == null) {
            return false;
        }
        Optional<Path> chosen = chooser.chooseSaveFile(Messages.get("file.exportKeras.title"), displayName() + ".h5");
        if (chosen.isEmpty()) {
            return false;
        }
        Path target = chosen.get();
        try {
            new KerasWriter().write(model.network(), target);
        } catch (ModelFileException e) {
            prompts.showError(e.getMessage(), e);
            return false;
        }
        String name = String.valueOf(target.getFileName());
        notice.set(() -> Messages.format("notice.exportedKeras", target.toString(), name));
        return true;
    }

    /**
     * Makes sure no unsaved changes are lost: asks Save / Discard / Cancel when the active model
     * is unsaved.
     *
     * @return whether the caller may go on (saved, discarded, or nothing to save)
     */
    public boolean confirmDiscard() {
        if (active.modelProperty().get() == null || !active.unsavedProperty().get()) {
            return true;
        }
        switch (prompts.askSaveChanges(displayName())) {
            case SAVE:
                return save();
            case DISCARD:
                return true;
            default:
                return false;
        }
    }

    // ----- state ---------------------------------------------------------------------------

    /** The file the active model was opened from or saved to; null for a model never saved. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file;
    }

    /** Model files opened or saved, most recent first, at most {@value Settings#MAX_RECENT}. */
    public ObservableList<Path> recent() {
        return recent.paths();
    }

    /**
     * The last thing worth telling the user about files, for the status bar: composes the words in
     * the current language, so they can be composed again after the language changes.
     */
    public ReadOnlyObjectProperty<Supplier<String>> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Whether a model file is being read; opening another waits until it is done. */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** The active model's name: its file's name, else the model's own, e.g. "mnist-mlp". */
    public String displayName() {
        Path path = file.get();
        if (path != null) {
            return ModelReader.nameOf(path);
        }
        TrainedModel model = active.modelProperty().get();
        return model == null ? Messages.get("model.untitled") : model.name();
    }

    /** The window title: "mnist-mlp — DigitLab", with a {@code *} after the name when unsaved. */
    public StringBinding titleBinding() {
        return Bindings.createStringBinding(() -> {
            if (active.modelProperty().get() == null) {
                return Messages.get("app.title");
            }
            return Messages.format("window.title", displayName() + (active.unsavedProperty().get() ? "*" : ""));
        }, active.modelProperty(), active.unsavedProperty(), file);
    }

    // ----- helpers -------------------------------------------------------------------------

    /** Reads {@code path} on a background thread; the model becomes the active one when it is read. */
    private boolean load(Path path) {
        return load(path.toString(), path, () -> reader.apply(path));
    }

    /**
     * Reads a model on a background thread; it becomes the active one when it is read.
     *
     * @param what   what the messages call it: the file, or the shipped model's name
     * @param path   its file, or null for a shipped model
     * @param loader reads it
     */
    private boolean load(String what, Path path, Supplier<TrainedModel> loader) {
        TrainedModel before = active.modelProperty().get();
        Task<TrainedModel> task = new Task<>() {
            @Override
            protected TrainedModel call() {
                return loader.get();
            }
        };
        task.setOnSucceeded(e -> loaded(what, path, task.getValue(), before));
        task.setOnFailed(e -> failed(what, task.getException()));
        opening.set(true);
        notice.set(() -> Messages.format("notice.opening", what));
        Thread thread = new Thread(task, "digitlab-model-open");
        // A daemon, so a file still being read never keeps the JVM alive after the window is gone.
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    private void loaded(String what, Path path, TrainedModel model, TrainedModel before) {
        opening.set(false);
        // A training run may have ended while the file was read: its model was not asked about yet.
        if (active.modelProperty().get() != before && !confirmDiscard()) {
            notice.set(null);
            return;
        }
        // A model imported from Keras has no DigitLab file yet: Save asks where, never writes over the .h5.
        setActive(model, false, model.origin() == null ? path : null);
        if (path != null) {
            recent.remember(path);
        }
        notice.set(() -> Messages.format("notice.opened", what));
    }

    private void failed(String what, Throwable error) {
        opening.set(false);
        Optional<String> own = ErrorText.sentence(error);
        if (own.isPresent()) {
            String sentence = own.get();
            notice.set(() -> sentence);
            prompts.showError(sentence, error);
        } else {
            notice.set(() -> Messages.format("error.openFailed", what));
            prompts.showError(Messages.format("error.openFailed", what), error);
        }
    }

    private boolean write(Path target) {
        try {
            writer.save(active.modelProperty().get(), target);
        } catch (ModelFileException e) {
            prompts.showError(e.getMessage(), e);
            return false;
        } catch (RuntimeException e) {
            prompts.showError(Messages.format("error.saveFailed", target.toString()), e);
            return false;
        }
        file.set(target);
        active.unsavedProperty().set(false);
        recent.remember(target);
        notice.set(() -> Messages.format("notice.saved", target.toString()));
        return true;
    }

    private void setActive(TrainedModel model, boolean unsaved, Path path) {
        settingModel = true;
        try {
            file.set(path);
            active.set(model, unsaved);
        } finally {
            settingModel = false;
        }
    }

    static Path withJsonExtension(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".json") ? file : file.resolveSibling(name + ".json");
    }
}
