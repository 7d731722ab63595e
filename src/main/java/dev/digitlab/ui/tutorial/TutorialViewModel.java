package dev.digitlab.ui.tutorial;

import dev.digitlab.io.TutorialProgressStore;
import dev.digitlab.ui.evaluate.EvaluateViewModel;
import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.DatasetSource;
import dev.digitlab.ui.shared.LocalText;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.training.TrainingViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tutorial tab's state: which steps are done, what each step's "Do it" showed, and the step
 * the learner looks at. A step counts as done whether it was done here or elsewhere in the app
 * (pressing Train, evaluating, opening or saving a model, drawing a digit); the steps done are
 * remembered between starts. Nothing here blocks the app: every step can be done, skipped or done
 * again in any order. Use on the FX thread; {@link #close()} when the window closes.
 */
public final class TutorialViewModel implements AutoCloseable {

    /**
     * What the tutorial needs from the window around it.
     *
     * @param showTab     selects a tab by id, e.g. {@code trainingTab}
     * @param saveModel   saves the active model where the learner chooses; the file, or empty when not saved
     * @param modelFile   the file the active model was opened from or saved to (null for none)
     * @param drawReading what the Draw tab reads in the learner's drawing (null while there is none)
     */
    public record Hooks(Consumer<String> showTab, Supplier<Optional<Path>> saveModel,
                        ObservableValue<Path> modelFile, ObservableValue<?> drawReading) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TutorialViewModel.class);

    private final TrainingViewModel training;
    private final EvaluateViewModel evaluate;
    private final TutorialProgressStore store;
    private final Map<TutorialStep, ReadOnlyBooleanWrapper> done = new EnumMap<>(TutorialStep.class);
    private final Map<TutorialStep, LocalText> texts = new EnumMap<>(TutorialStep.class);
    private final Map<TutorialStep, ReadOnlyObjectWrapper<Object>> results = new EnumMap<>(TutorialStep.class);
    private final ObjectProperty<TutorialStep> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyIntegerWrapper doneCount = new ReadOnlyIntegerWrapper(this, "doneCount");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    private final BooleanBinding canDoIt;
    private final StepActions actions;
    private boolean predictPending;
    private boolean savingHere;

    /**
     * @param training the Training tab, which trains
     * @param evaluate the Evaluate tab, which tests and picks random test images
     * @param active   the app's active model
     * @param source   the data set, shared with the other tabs
     * @param hooks    what the window does for the tutorial
     * @param store    where the steps done are remembered
     */
    public TutorialViewModel(TrainingViewModel training, EvaluateViewModel evaluate, ActiveModel active,
                             DatasetSource source, Hooks hooks, TutorialProgressStore store) {
        this.training = training;
        this.evaluate = evaluate;
        this.store = store;
        for (TutorialStep step : TutorialStep.values()) {
            done.put(step, new ReadOnlyBooleanWrapper(this, step.id() + "Done"));
            texts.put(step, new LocalText(this, step.id() + "Text", () -> ""));
            results.put(step, new ReadOnlyObjectWrapper<>(this, step.id() + "Result"));
        }
        canDoIt = Bindings.createBooleanBinding(() -> !working.get() && !training.busyProperty().get()
                && !evaluate.busyProperty().get(), working, training.busyProperty(), evaluate.busyProperty());
        actions = new StepActions(this, training, evaluate, active, source, hooks);
        restore();
        listen(hooks);
        selected.set(firstOpen());
    }

    private void restore() {
        for (String id : store.load()) {
            TutorialStep step = TutorialStep.byId(id);
            if (step != null) {
                done.get(step).set(true);
                texts.get(step).set(() -> Messages.get("tutorial.done.earlier"));
            }
        }
        countDone();
    }

    /** Steps done in the other tabs count here. */
    private void listen(Hooks hooks) {
        training.phaseProperty().addListener((obs, old, now) -> {
            if (now == TrainingViewModel.Phase.TRAINING) {
                for (TutorialStep step : new TutorialStep[] {TutorialStep.LOAD, TutorialStep.PREPARE,
                    TutorialStep.BUILD, TutorialStep.COMPILE}) {
                    doneElsewhere(step, "tutorial.done.training");
                }
            }
        });
        training.lastRunProperty().addListener((obs, old, model) -> {
            if (model != null) {
                ReportedResults.runEnded(this, model, evaluate.session().histories());
            }
        });
        evaluate.results().evaluationProperty().addListener((obs, old, now) -> {
            if (now != null) {
                ReportedResults.evaluated(this, now);
            }
        });
        evaluate.mistakes().randomImageProperty().addListener((obs, old, image) -> {
            if (image != null && predictPending) {
                predictPending = false;
                ReportedResults.predicted(this, image);
            }
        });
        hooks.modelFile().addListener((obs, old, file) -> {
            if (file != null && !savingHere) {
                doneElsewhere(TutorialStep.SAVE, "tutorial.save.elsewhere");
            }
        });
        hooks.drawReading().addListener((obs, old, reading) -> {
            if (reading != null) {
                doneElsewhere(TutorialStep.PREDICT, "tutorial.predict.drawn");
            }
        });
    }

    // ----- commands ------------------------------------------------------------------------

    /** Does {@code step} for real, in the app; its result shows when it is there. */
    public void doIt(TutorialStep step) {
        if (canDoIt.get()) {
            actions.run(step);
        }
    }

    /** Selects the step after the selected one. */
    public void next() {
        TutorialStep step = selected.get();
        if (step != null && step.ordinal() + 1 < TutorialStep.values().length) {
            selected.set(TutorialStep.values()[step.ordinal() + 1]);
        }
    }

    /** Forgets every step done, to walk the path again. */
    public void startOver() {
        for (TutorialStep step : TutorialStep.values()) {
            done.get(step).set(false);
            texts.get(step).set(() -> "");
            results.get(step).set(null);
        }
        countDone();
        save();
        selected.set(TutorialStep.LOAD);
    }

    /** Composes the texts again in the default language, which has just changed. */
    public void languageChanged() {
        texts.values().forEach(LocalText::recompose);
    }

    @Override
    public void close() {
        actions.close();
    }

    // ----- what the steps and the other tabs report ----------------------------------------

    /** A step is done here, with its result. */
    void finish(TutorialStep step, Supplier<String> text, Object result) {
        texts.get(step).set(text);
        results.get(step).set(result);
        markDone(step);
    }

    /** Says how a step is going (or why it could not be done), without marking it done. */
    void say(TutorialStep step, Supplier<String> text) {
        texts.get(step).set(text);
    }

    void setWorking(boolean now) {
        working.set(now);
    }

    void expectPrediction() {
        predictPending = true;
    }

    void savingHere(boolean now) {
        savingHere = now;
    }

    private void doneElsewhere(TutorialStep step, String key) {
        if (results.get(step).get() == null) {
            texts.get(step).set(() -> Messages.get(key));
        }
        markDone(step);
    }

    private void markDone(TutorialStep step) {
        if (!done.get(step).get()) {
            done.get(step).set(true);
            countDone();
            save();
        }
    }

    private void countDone() {
        doneCount.set((int) done.values().stream().filter(ReadOnlyBooleanWrapper::get).count());
    }

    private void save() {
        Set<String> ids = new LinkedHashSet<>();
        done.forEach((step, flag) -> {
            if (flag.get()) {
                ids.add(step.id());
            }
        });
        try {
            store.save(ids);
        } catch (IOException | RuntimeException e) {
            LOG.warn("The tutorial progress could not be saved to {}: {}", store.file(), e.getMessage());
        }
    }

    private TutorialStep firstOpen() {
        for (TutorialStep step : TutorialStep.values()) {
            if (!done.get(step).get()) {
                return step;
            }
        }
        return TutorialStep.LOAD;
    }

    // ----- properties ----------------------------------------------------------------------

    /** Whether {@code step} is done. */
    public ReadOnlyBooleanProperty doneProperty(TutorialStep step) {
        return done.get(step).getReadOnlyProperty();
    }

    /** What the step showed or says now, e.g. "60,000 training and 10,000 test images". */
    public ReadOnlyStringProperty textProperty(TutorialStep step) {
        return texts.get(step).property();
    }

    /** What the step's "Do it" produced for the view to draw (one of {@link StepResults}), or null. */
    public ReadOnlyObjectProperty<Object> resultProperty(TutorialStep step) {
        return results.get(step).getReadOnlyProperty();
    }

    /** The step the learner looks at. */
    public ObjectProperty<TutorialStep> selectedProperty() {
        return selected;
    }

    /** How many steps are done. */
    public ReadOnlyIntegerProperty doneCountProperty() {
        return doneCount.getReadOnlyProperty();
    }

    /** True while nothing runs, so a step can be done. */
    public BooleanBinding canDoItProperty() {
        return canDoIt;
    }

    /** The improvement the last step trains. */
    public ObjectProperty<Improvement> improvementProperty() {
        return actions.improvementProperty();
    }
}
