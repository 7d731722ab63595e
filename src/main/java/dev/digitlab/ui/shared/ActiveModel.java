package dev.digitlab.ui.shared;

import dev.digitlab.train.TrainedModel;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model the app works with now: the Training tab puts a freshly trained one here, the Draw
 * tab reads digits with it, and saving clears {@link #unsavedProperty()}. It also loads the model
 * the app starts with ({@link #load}), so every tab sees whether that load is under way or failed.
 * Created once by the app and handed to the tabs. Use it on the FX thread only.
 */
public final class ActiveModel {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveModel.class);

    private final ObjectProperty<TrainedModel> model = new SimpleObjectProperty<>(this, "model");
    private final BooleanProperty unsaved = new SimpleBooleanProperty(this, "unsaved");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<Throwable> loadFailure = new ReadOnlyObjectWrapper<>(this, "loadFailure");

    /** The active model, or null before any was trained or opened. */
    public ObjectProperty<TrainedModel> modelProperty() {
        return model;
    }

    /** Whether the active model has changes that are not in a file yet. */
    public BooleanProperty unsavedProperty() {
        return unsaved;
    }

    /** Whether {@link #load} is reading a model in the background. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last {@link #load} failed, or null; described in words by whoever shows it. */
    public ReadOnlyObjectProperty<Throwable> loadFailureProperty() {
        return loadFailure.getReadOnlyProperty();
    }

    /** Makes {@code trainedModel} the active one. */
    public void set(TrainedModel trainedModel, boolean isUnsaved) {
        // unsaved first: a listener on the model then already sees the right flag.
        unsaved.set(isUnsaved);
        model.set(trainedModel);
    }

    /**
     * Loads a model on a background thread (the app's shipped model at start) and makes it the
     * active one, not unsaved, unless another became active meanwhile (a learner who trained one
     * while it loaded keeps theirs).
     */
    public void load(Callable<TrainedModel> loader) {
        Task<TrainedModel> task = new Task<>() {
            @Override
            protected TrainedModel call() throws Exception {
                return loader.call();
            }
        };
        loadFailure.set(null);
        loading.set(true);
        task.setOnSucceeded(e -> {
            if (model.get() == null) {
                set(task.getValue(), false);
            }
            loading.set(false);
        });
        task.setOnFailed(e -> {
            Throwable failure = task.getException();
            LOG.warn("the model could not be loaded: {}", failure.toString());
            LOG.debug("the model could not be loaded", failure);
            loadFailure.set(failure);
            loading.set(false);
        });
        Thread thread = new Thread(task, "digitlab-model-load");
        thread.setDaemon(true);
        thread.start();
    }
}
