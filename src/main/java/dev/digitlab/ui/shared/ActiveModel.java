package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.ActiveModel;

import dev.digitlab.train.TrainedModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The model the app works with now: the Training tab puts a freshly trained one here, the Draw
 * tab reads digits with it, and saving clears {@link #unsavedProperty()}. Created once by the app
 * and handed to both tabs. Use it on the FX thread only.
 */
public final class ActiveModel {

    private final ObjectProperty<TrainedModel> model = new SimpleObjectProperty<>(this, "model");
    private final BooleanProperty unsaved = new SimpleBooleanProperty(this, "unsaved");

    /** The active model, or null before any was trained or opened. */
    public ObjectProperty<TrainedModel> modelProperty() {
        return model;
    }

    /** Whether the active model has changes that are not in a file yet. */
    public BooleanProperty unsavedProperty() {
        return unsaved;
    }

    /** Makes {@code trainedModel} the active one. */
    public void set(TrainedModel trainedModel, boolean isUnsaved) {
        // unsaved first: a listener on the model then already sees the right flag.
        unsaved.set(isUnsaved);
        model.set(trainedModel);
    }
}
