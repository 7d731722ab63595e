package dev.digitlab.ui.evaluate;


import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.DataLoadTask;
import dev.digitlab.ui.shared.DatasetSource;
import dev.digitlab.ui.shared.LocalText;
import dev.digitlab.ui.shared.Messages;

import dev.digitlab.data.DataException;
import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.UnipenReader;
import dev.digitlab.imaging.strokes.TabletDigits;
import dev.digitlab.io.ModelFileException;
import dev.digitlab.train.Predictions;
import dev.digitlab.train.TrainedModel;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Evaluate tab's state and commands: where the active model goes wrong and what it learned.
 *
 * <p>{@link #evaluate()} loads the data (once, through the same source as the Training tab), then
 * runs the active model over the test images on a background thread. The result fills the
 * accuracy and loss, the per-digit table and the confusion matrix, and hands the test images to
 * {@link #mistakes()} to browse. What this session's models learned, independently of any
 * evaluation, is in {@link #session()}.
 *
 * <p>Use on the FX thread; {@link #close()} when the window closes.
 */
public final class EvaluateViewModel implements AutoCloseable {

    /** What the tab is doing. */
    public enum Phase {
        /** Waiting for Evaluate. */
        IDLE,
        /** Finding, downloading or reading the data set, or loading the shipped model. */
        LOADING,
        /** Running the model over the test images. */
        EVALUATING
    }

    private static final Logger LOG = LoggerFactory.getLogger(EvaluateViewModel.class);

    private final ActiveModel active;
    private final DatasetSource source;
    private final Supplier<TrainedModel> shipped;
    private final EvaluationResults results = new EvaluationResults();
    private final MistakeBrowser mistakes;
    private final SessionModels session;
    private final EvaluateWork work = new EvaluateWork(this);
    private final ReadOnlyObjectWrapper<Phase> phase = work.phase;
    private final LocalText status = work.status;
    private final LocalText notice = new LocalText(this, "notice", () -> null);
    private final BooleanBinding busy;
    private final BooleanBinding canEvaluate;
    private final BooleanBinding canLoadShipped;
    private final BooleanBinding stale;
    private MnistDataset data;

    /**
     * @param active  the app's active model, the one {@link #evaluate()} tests
     * @param source  where the test images come from (the same source the Training tab loads from)
     * @param shipped loads the shipped tutorial model, offered while no model is active
     */
    public EvaluateViewModel(ActiveModel active, DatasetSource source, Supplier<TrainedModel> shipped) {
        this(active, source, shipped, new SplittableRandom());
    }

    EvaluateViewModel(ActiveModel active, DatasetSource source, Supplier<TrainedModel> shipped,
                      RandomGenerator random) {
        this.active = active;
        this.source = source;
        this.shipped = shipped;
        this.mistakes = new MistakeBrowser(random);
        this.session = new SessionModels(active);
        busy = Bindings.createBooleanBinding(() -> phase.get() != Phase.IDLE, phase);
        canEvaluate = Bindings.createBooleanBinding(
                () -> phase.get() == Phase.IDLE && active.modelProperty().get() != null, phase, active.modelProperty());
        canLoadShipped = Bindings.createBooleanBinding(
                () -> phase.get() == Phase.IDLE && active.modelProperty().get() == null, phase, active.modelProperty());
        stale = Bindings.createBooleanBinding(
                () -> results.evaluatedProperty().get() != null && results.evaluatedProperty().get() != active.modelProperty().get(),
                results.evaluatedProperty(), active.modelProperty());
        active.modelProperty().addListener((obs, old, model) -> activeChanged(model));
        activeChanged(active.modelProperty().get());
    }

    // ----- commands ------------------------------------------------------------------------

    /** Forgets the loaded data set, so the next run loads it from the (newly chosen) data folder. */
    public void forgetData() {
        data = null;
    }

    /** Tests the active model on the test images, loading the data first if needed. */
    public void evaluate() {
        if (!canEvaluate.get()) {
            return;
        }
        work.clearError();
        TrainedModel model = active.modelProperty().get();
        if (data == null) {
            DataLoadTask task = new DataLoadTask(source);
            work.begin(task, Phase.LOADING);
            status.bind(task.messageProperty());
            work.start(task, loaded -> {
                data = loaded;
                startEvaluation(model, data.test(), null);
            });
        } else {
            startEvaluation(model, data.test(), null);
        }
    }

    /**
     * Tests the active model on digits written with a pen ({@code file}: UNIPEN text, such as the pen
     * digits data set), each drawn with the Draw tab's pen on its canvas and read as a drawing is.
     */
    public void evaluateStrokes(Path file) {
        if (!canEvaluate.get()) {
            return;
        }
        work.clearError();
        TrainedModel model = active.modelProperty().get();
        String name = file.getFileName().toString();
        Task<ImageSet> task = new Task<>() {
            @Override
            protected ImageSet call() {
                return TabletDigits.images(UnipenReader.read(file), model.preprocessing());
            }
        };
        work.begin(task, Phase.LOADING);
        status.set(() -> Messages.format("evaluate.loadingStrokes", name));
        work.start(task, images -> startEvaluation(model, images, name));
    }

    /** Loads the shipped tutorial model and makes it the active one (offered while there is none). */
    public void loadShipped() {
        if (!canLoadShipped.get()) {
            return;
        }
        work.clearError();
        Task<TrainedModel> task = new Task<>() {
            @Override
            protected TrainedModel call() {
                return shipped.get();
            }
        };
        work.begin(task, Phase.LOADING);
        status.set(() -> Messages.get("evaluate.loadingModel"));
        work.start(task, model -> active.set(model, false));
    }

    /** Says that a picture was saved (by its name: the user has just chosen the folder). */
    public void exported(Path file) {
        String name = file.getFileName().toString();
        notice.set(() -> Messages.format("export.saved", name));
    }

    /** Says why a picture could not be saved. */
    public void exportFailed(String reason) {
        notice.setFixed(reason);
    }

    /**
     * Composes the tab's texts again in the default language, which has just changed; a data
     * download's progress follows on its next report.
     */
    public void languageChanged() {
        status.recompose();
        notice.recompose();
        results.languageChanged();
        mistakes.languageChanged();
    }

    /** Cancels any work without waiting for it (the window is closing) and ends the worker thread. */
    @Override
    public void close() {
        work.close();
    }

    // ----- life cycle ----------------------------------------------------------------------

    /** Tests {@code model} on {@code images}: MNIST's test set, or the pen drawings of file {@code strokes}. */
    private void startEvaluation(TrainedModel model, ImageSet images, String strokes) {
        EvaluationTask task = new EvaluationTask(model.network(), images);
        work.begin(task, Phase.EVALUATING);
        int size = images.size();
        status.set(() -> strokes == null ? Messages.format("evaluate.running", model.name(), size)
                : Messages.format("evaluate.runningStrokes", model.name(), size));
        work.start(task, p -> show(model, p, task.seconds(), strokes));
    }

    private void show(TrainedModel model, Predictions p, double seconds, String strokes) {
        long start = System.nanoTime();
        results.show(model, p, strokes);
        mistakes.show(p);
        status.set(() -> strokes == null ? Messages.format("evaluate.done", model.name(), p.size(), seconds)
                : Messages.format("evaluate.doneStrokes", model.name(), p.size(), seconds));
        double fillMillis = (System.nanoTime() - start) / 1e6;
        LOG.info("evaluated {} on {} {} in {} ms; views filled on the FX thread in {} ms", model.name(),
                p.size(), strokes == null ? "test images" : "pen drawings of " + strokes, String.format("%.0f", seconds * 1000), String.format("%.1f", fillMillis));
    }

    private void activeChanged(TrainedModel model) {
        if (phase.get() != Phase.IDLE || status.isBound()) {
            return;
        }
        if (model == null) {
            status.set(() -> Messages.get("evaluate.noModel"));
        } else if (stale.get()) {
            status.set(() -> Messages.format("evaluate.stale", model.name()));
        } else if (results.evaluatedProperty().get() == null) {
            status.set(() -> Messages.format("evaluate.ready", model.name()));
        }
    }

    // ----- properties ----------------------------------------------------------------------

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Whether data, a model or an evaluation is being worked on. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** True while nothing runs and there is an active model. */
    public BooleanBinding canEvaluateProperty() {
        return canEvaluate;
    }

    /** True while nothing runs and no model is active: the tutorial model can be loaded. */
    public BooleanBinding canLoadShippedProperty() {
        return canLoadShipped;
    }

    /** Whether the results shown are of a model that is no longer the active one. */
    public BooleanBinding staleProperty() {
        return stale;
    }

    /** What the tab is doing or did last, e.g. "Tested mnist-mlp on 10,000 test images in 0.31 s." */
    public ReadOnlyStringProperty statusProperty() {
        return status.property();
    }

    /** Why the last command could not be done, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return work.error.getReadOnlyProperty();
    }

    /** What caused {@link #errorProperty()}, for the details of an error dialog; null with it. */
    public ReadOnlyObjectProperty<Throwable> errorCauseProperty() {
        return work.errorCause.getReadOnlyProperty();
    }

    /** The outcome of the last picture export, or null. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.property();
    }

    /** What the last evaluation found. */
    public EvaluationResults results() {
        return results;
    }

    /** Browsing the last evaluation's test images: the gallery of a cell, one image large, a random one. */
    public MistakeBrowser mistakes() {
        return mistakes;
    }

    /** What this session's models learned: their training histories and the active one's weights. */
    public SessionModels session() {
        return session;
    }
}
