package dev.digitlab.ui.draw;

import dev.digitlab.base.ErrorText;
import dev.digitlab.base.Mnist;
import dev.digitlab.imaging.Preprocessing;
import dev.digitlab.nn.Classifier;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.ui.draw.DrawViewModel.ModelState;
import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.Messages;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Which model the Draw tab reads with, and the words about it: the active model when it takes
 * 28x28 pictures of ten digits, else why there is none and how to get one. Runs {@code onChange}
 * whenever the classifier may have changed, so the drawing is read again. Use on the FX thread.
 */
final class DrawModelStatus {

    private final ActiveModel active;
    private final Runnable onChange;
    private final ReadOnlyObjectWrapper<ModelState> state = new ReadOnlyObjectWrapper<>(this, "modelState");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "modelText");
    private final ReadOnlyStringWrapper help = new ReadOnlyStringWrapper(this, "modelHelp", "");
    private Classifier classifier;
    private Preprocessing recipe = Preprocessing.DEFAULT;

    DrawModelStatus(ActiveModel active, Runnable onChange) {
        this.active = active;
        this.onChange = onChange;
        active.modelProperty().addListener((obs, old, now) -> modelChanged());
        active.unsavedProperty().addListener((obs, old, now) -> describe());
        // While a model is active, a load that starts or ends changes nothing the tab shows.
        active.loadingProperty().addListener((obs, old, now) -> loadChanged());
        active.loadFailureProperty().addListener((obs, old, now) -> loadChanged());
    }

    /** How the active model wants its pictures prepared (the tutorial's default when there is none). */
    Preprocessing recipe() {
        return recipe;
    }

    /** The active model when the tab can read with it, else null. */
    Classifier classifier() {
        return classifier;
    }

    /** Looks at the active model again (also the first time). */
    void modelChanged() {
        TrainedModel model = active.modelProperty().get();
        recipe = model == null ? Preprocessing.DEFAULT : model.preprocessing();
        boolean usable = model != null && model.readsItsRecipe() && model.network().classes() == Mnist.CLASSES;
        classifier = usable ? model.network() : null;
        if (model != null) {
            state.set(classifier == null ? ModelState.UNUSABLE : ModelState.READY);
        } else if (active.loadingProperty().get()) {
            state.set(ModelState.LOADING);
        } else {
            state.set(active.loadFailureProperty().get() == null ? ModelState.NONE : ModelState.FAILED);
        }
        describe();
        onChange.run();
    }

    private void loadChanged() {
        if (active.modelProperty().get() == null) {
            modelChanged();
        }
    }

    /** Composes the words again, e.g. in a new language. */
    void describe() {
        TrainedModel model = active.modelProperty().get();
        String howToGet = Messages.get("draw.model.howToGet");
        switch (state.get()) {
            case LOADING -> show(Messages.get("draw.model.loading"), "");
            case NONE -> show(Messages.get("draw.model.none"), howToGet);
            case FAILED -> show(Messages.get("draw.model.failed"),
                    sentence(describe(active.loadFailureProperty().get())) + " " + howToGet);
            case UNUSABLE -> show(model.name(), Messages.format("draw.model.unusable", model.network().inputs(),
                    model.network().classes()) + " " + howToGet);
            case READY -> show(ready(model),
                    model.origin() == null ? "" : Messages.format("draw.model.origin", model.origin()));
            default -> throw new IllegalStateException("unknown model state " + state.get());
        }
    }

    private String ready(TrainedModel model) {
        String accuracy = model.hasTestAccuracy()
                ? Messages.format("draw.model.accuracy", 100 * model.testAccuracy())
                : Messages.get("draw.model.noAccuracy");
        return Messages.format(active.unsavedProperty().get() ? "draw.model.readyUnsaved" : "draw.model.ready",
                model.name(), accuracy);
    }

    private void show(String modelText, String modelHelp) {
        text.set(modelText);
        help.set(modelHelp);
    }

    static String describe(Throwable e) {
        return ErrorText.sentence(e).orElseGet(() -> Messages.format("error.unexpected.model", String.valueOf(e)));
    }

    /** {@code text} as a sentence on its own: capitalised, ending in a full stop. */
    static String sentence(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return s;
        }
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }

    ReadOnlyObjectProperty<ModelState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyStringProperty helpProperty() {
        return help.getReadOnlyProperty();
    }
}
