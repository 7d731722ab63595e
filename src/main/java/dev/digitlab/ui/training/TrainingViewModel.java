package dev.digitlab.ui.training;

import dev.digitlab.base.Mnist;
import dev.digitlab.base.ErrorText;

import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.DataLoadTask;
import dev.digitlab.ui.shared.DatasetSource;
import dev.digitlab.ui.shared.Messages;

import dev.digitlab.data.DataException;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import dev.digitlab.train.TrainingException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * The Training tab's state and commands. {@link #train()} loads the data (once; it is kept for
 * later runs), then runs a {@link TrainingTask} on its own daemon thread; the task's reports fill
 * the progress figures and the {@link #curves()}. When the run ends, or is stopped, the trained
 * model becomes the app's active model, marked unsaved. Errors end up in {@link #errorProperty()},
 * one sentence the user can act on. Use on the FX thread; {@link #close()} when the window closes.
 */
public final class TrainingViewModel implements AutoCloseable {

    /** What the tab is doing. */
    public enum Phase {
        /** Waiting for Train. */
        IDLE,
        /** Finding, downloading or reading the data set. */
        LOADING,
        /** A training run is going on. */
        TRAINING
    }

    private static final int CLASSES = Mnist.CLASSES;
    private static final int MNIST_INPUTS = Mnist.PIXELS;

    private final ActiveModel active;
    private final DatasetSource source;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "digitlab-training");
        // A daemon, so a run can never keep the JVM alive after the window is gone.
        t.setDaemon(true);
        return t;
    });
    private final TrainingForm form = new TrainingForm();
    private final TrainingCurves curves = new TrainingCurves();
    private final CoachViewModel coach = new CoachViewModel(form);

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
    private final ReadOnlyBooleanWrapper stopping = new ReadOnlyBooleanWrapper(this, "stopping");
    private final RunProgress progress = new RunProgress();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<Throwable> errorCause = new ReadOnlyObjectWrapper<>(this, "errorCause");
    private final ReadOnlyObjectWrapper<TrainedModel> lastRun = new ReadOnlyObjectWrapper<>(this, "lastRun");
    private final ReadOnlyObjectWrapper<EpochResult> lastEpoch = new ReadOnlyObjectWrapper<>(this, "lastEpoch");
    private final StringBinding modelSummary;
    private final BooleanBinding canTrain;
    private final BooleanBinding canStop;
    private final BooleanBinding busy;

    private MnistDataset data;
    private Task<?> current;
    private TrainingTask training;
    private int runs;

    /**
     * @param active the app's active model, which each finished run replaces
     * @param source where the images come from, loaded on the first Train
     */
    public TrainingViewModel(ActiveModel active, DatasetSource source) {
        this.active = active;
        this.source = source;
        canTrain = Bindings.createBooleanBinding(() -> phase.get() == Phase.IDLE && form.validProperty().get(),
                phase, form.validProperty());
        canStop = Bindings.createBooleanBinding(() -> phase.get() == Phase.TRAINING && !stopping.get(),
                phase, stopping);
        busy = Bindings.createBooleanBinding(() -> phase.get() != Phase.IDLE, phase);
        modelSummary = Bindings.createStringBinding(() -> ModelSummary.of(form, MNIST_INPUTS, CLASSES),
                form.layers().valueProperty(), form.dropout().valueProperty());
        // Until the first run, the empty charts span the epochs the form asks for.
        curves.planEpochs(form.epochs().valueProperty().get());
        form.epochs().valueProperty().addListener((obs, old, now) -> curves.planEpochs(now));
    }

    /** Starts a run with the form's settings, loading the data first if this is the first run. */
    public void train() {
        if (!canTrain.get()) {
            return;
        }
        errorCause.set(null);
        error.set(null);
        if (data == null) {
            load();
        } else {
            startTraining();
        }
    }

    /** Forgets the loaded data set, so the next run loads it from the (newly chosen) data folder. */
    public void forgetData() {
        data = null;
    }

    /**
     * Composes the tab's texts again in the default language, which has just changed; a data
     * download's progress follows on its next report.
     */
    public void languageChanged() {
        progress.languageChanged();
        form.languageChanged();
        coach.languageChanged();
        modelSummary.invalidate();
    }

    /** Ends the run after the current batch; the model trained so far still becomes the active one. */
    public void stop() {
        if (training != null && canStop.get()) {
            stopping.set(true);
            training.requestStop();
            progress.say("progress.stopping");
        }
    }

    /** Cancels any run without waiting for it (the window is closing) and ends the training thread. */
    @Override
    public void close() {
        if (current != null) {
            current.cancel();
        }
        worker.shutdownNow();
    }

    private void load() {
        DataLoadTask task = new DataLoadTask(source);
        begin(task, Phase.LOADING);
        progress.showMessages(task.messageProperty());
        task.setOnSucceeded(e -> {
            end();
            data = task.getValue();
            startTraining();
        });
        task.setOnFailed(e -> fail(task.getException()));
        worker.execute(task);
    }

    private void startTraining() {
        TrainingConfig config;
        ModelSpec spec;
        try {
            config = form.config();
            spec = form.spec(data.train().imageSize(), CLASSES);
        } catch (IllegalArgumentException | IllegalStateException e) {
            fail(e);
            return;
        }
        runs++;
        int number = runs;
        String run = Messages.format("chart.run", number);
        curves.startRun(run, config.epochs());
        coach.runStarted(spec, config);
        TrainingTask task = new TrainingTask(spec, config, data, form.modelName(), new RunUpdates(run, progress, curves, coach, lastEpoch, stopping));
        training = task;
        begin(task, Phase.TRAINING);
        progress.say("progress.starting");
        task.setOnSucceeded(e -> finished(number, task.getValue(), task.wasStopped()));
        task.setOnFailed(e -> fail(task.getException()));
        task.setOnCancelled(e -> end());
        worker.execute(task);
    }

    private void begin(Task<?> task, Phase newPhase) {
        current = task;
        phase.set(newPhase);
        progress.follow(task);
    }

    /** Back to idle: the task's figures stay where they were. */
    private void end() {
        progress.stopFollowing();
        current = null;
        training = null;
        stopping.set(false);
        phase.set(Phase.IDLE);
    }

    private void finished(int number, TrainedModel model, boolean stopped) {
        end();
        progress.finished(number, model, stopped);
        lastRun.set(model);
        coach.runEnded(model);
        active.set(model, true);
    }

    private void fail(Throwable e) {
        end();
        progress.failed();
        errorCause.set(e); // first: a listener on the sentence finds its details
        error.set(describe(e));
        coach.runFailed(e);
    }

    /** One sentence for the user; the data and training errors already are. */
    static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return Messages.get("error.memory");
        }
        return ErrorText.sentence(e).orElseGet(() -> Messages.format("error.unexpected", String.valueOf(e)));
    }

    /** The form the user fills in. */
    public TrainingForm form() {
        return form;
    }

    /** The network the form describes and how many weights it has, for the user to see. */
    public StringBinding modelSummaryProperty() {
        return modelSummary;
    }

    /** The chart lines. */
    public TrainingCurves curves() {
        return curves;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Whether data is being loaded or a run is going on. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** True while nothing runs and the form is valid. */
    public BooleanBinding canTrainProperty() {
        return canTrain;
    }

    /** True while a run can be stopped. */
    public BooleanBinding canStopProperty() {
        return canStop;
    }

    /** From 0 to 1, or -1 while the length is unknown (reading the data). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.progressProperty();
    }

    /** E.g. "epoch 3/10, batch 412/750" or "Downloading MNIST… 3.1 / 9.9 MB". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progress.progressTextProperty();
    }

    /** E.g. "31,200 samples/s"; empty when not training. */
    public ReadOnlyStringProperty speedTextProperty() {
        return progress.speedTextProperty();
    }

    /** E.g. "0:42 left"; empty when not known. */
    public ReadOnlyStringProperty timeLeftTextProperty() {
        return progress.timeLeftTextProperty();
    }

    /** E.g. "Test accuracy: 97.9 %" after a run. */
    public ReadOnlyStringProperty testAccuracyTextProperty() {
        return progress.testAccuracyTextProperty();
    }

    /** Why the last run could not be done, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What caused {@link #errorProperty()}, for the details of an error dialog; null with it. */
    public ReadOnlyObjectProperty<Throwable> errorCauseProperty() {
        return errorCause.getReadOnlyProperty();
    }

    /** The coach's messages about the current or last run. */
    public CoachViewModel coach() {
        return coach;
    }

    /** The model of the last run that ended (or was stopped); null before the first. */
    public ReadOnlyObjectProperty<TrainedModel> lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }

    /** The last finished epoch of the current run. */
    public ReadOnlyObjectProperty<EpochResult> lastEpochProperty() {
        return lastEpoch.getReadOnlyProperty();
    }
}
