package dev.digitlab.ui.training;

import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.DataLoadTask;
import dev.digitlab.ui.shared.DatasetSource;
import dev.digitlab.ui.shared.LocalText;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.training.TrainingCurves;
import dev.digitlab.ui.training.TrainingForm;
import dev.digitlab.ui.training.TrainingTask;
import dev.digitlab.ui.training.TrainingViewModel;

import dev.digitlab.data.DataException;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.nn.LayerSpec;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.train.BatchProgress;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import dev.digitlab.train.TrainingException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final int CLASSES = 10;
    private static final int MNIST_INPUTS = 28 * 28;
    private static final Logger LOG = LoggerFactory.getLogger(TrainingViewModel.class);

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
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final LocalText progressText = new LocalText(this, "progressText", () -> Messages.get("progress.ready"));
    private final LocalText speedText = new LocalText(this, "speedText", () -> "");
    private final LocalText timeLeftText = new LocalText(this, "timeLeftText", () -> "");
    private final LocalText testAccuracyText = new LocalText(this, "testAccuracyText", () -> Messages.get("test.none"));
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<Throwable> errorCause = new ReadOnlyObjectWrapper<>(this, "errorCause");
    private final ReadOnlyObjectWrapper<EpochResult> lastEpoch = new ReadOnlyObjectWrapper<>(this, "lastEpoch");
    private final ReadOnlyObjectWrapper<TrainedModel> lastRun = new ReadOnlyObjectWrapper<>(this, "lastRun");
    private final StringBinding modelSummary;
    private final BooleanBinding canTrain;
    private final BooleanBinding canStop;
    private final BooleanBinding busy;

    private MnistDataset data;
    private Task<?> current;
    private TrainingTask training;
    private int runs;
    private long startNanos;

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
        modelSummary = Bindings.createStringBinding(this::summary,
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
        progressText.recompose();
        speedText.recompose();
        timeLeftText.recompose();
        testAccuracyText.recompose();
        form.languageChanged();
        coach.languageChanged();
        modelSummary.invalidate();
    }

    /** Ends the run after the current batch; the model trained so far still becomes the active one. */
    public void stop() {
        if (training != null && canStop.get()) {
            stopping.set(true);
            training.requestStop();
            progressText.set(() -> Messages.get("progress.stopping"));
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
        progressText.bind(task.messageProperty());
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
        TrainingTask task = new TrainingTask(spec, config, data, form.modelName(), new RunUpdates(run));
        training = task;
        begin(task, Phase.TRAINING);
        progressText.set(() -> Messages.get("progress.starting"));
        task.setOnSucceeded(e -> finished(number, task.getValue(), task.wasStopped()));
        task.setOnFailed(e -> fail(task.getException()));
        task.setOnCancelled(e -> end());
        worker.execute(task);
    }

    /**
     * E.g. "784 → 128 relu → 10 softmax" and its number of weights and biases (conv kernels
     * included), or empty while the form is invalid.
     */
    private String summary() {
        if (form.layers().valueProperty().get() == null || form.dropout().valueProperty().get() == null) {
            return "";
        }
        ModelSpec spec = form.spec(MNIST_INPUTS, CLASSES);
        return Messages.format("summary.model", layerChain(spec), spec.parameterCount());
    }

    /**
     * The layers joined by arrows. A network with conv or pool layers starts from the 28×28 image
     * and shows, after each image layer and the flatten, the shape it passes on (channels ×
     * height × width), so the learner sees the image shrink and the channels grow:
     * "28×28 → conv 5x5x32 relu (32×24×24) → maxpool 2 (32×12×12) → flatten (4608) → …".
     */
    static String layerChain(ModelSpec spec) {
        boolean image = spec.layers().stream().anyMatch(LayerSpec::isImageLayer);
        if (!image) {
            return spec.toString().replace(" -> ", " → ");
        }
        int side = (int) Math.round(Math.sqrt(spec.inputs()));
        StringBuilder chain = new StringBuilder(side * side == spec.inputs() ? side + "×" + side
                : Integer.toString(spec.inputs()));
        List<int[]> shapes = spec.shapes();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            chain.append(" → ").append(layer);
            if (layer.isImageLayer() || LayerSpec.FLATTEN.equals(layer.type())) {
                chain.append(" (").append(Arrays.stream(shapes.get(i)).mapToObj(Integer::toString)
                        .collect(Collectors.joining("×"))).append(')');
            }
        }
        return chain.toString();
    }

    private void begin(Task<?> task, Phase newPhase) {
        current = task;
        phase.set(newPhase);
        progress.bind(task.progressProperty());
        speedText.setFixed("");
        timeLeftText.setFixed("");
    }

    /** Back to idle: the task's figures stay where they were. */
    private void end() {
        progress.unbind();
        progressText.unbind();
        current = null;
        training = null;
        stopping.set(false);
        phase.set(Phase.IDLE);
    }

    private void finished(int number, TrainedModel model, boolean stopped) {
        double reached = progress.get();
        end();
        progress.set(stopped ? reached : 1);
        timeLeftText.setFixed("");
        active.set(model, true);
        double accuracy = 100 * model.testAccuracy();
        testAccuracyText.set(() -> Messages.format("test.accuracy", accuracy, Messages.format("chart.run", number)));
        int epochs = model.history().size();
        int planned = model.config().epochs();
        double seconds = elapsedSeconds();
        progressText.set(stopped
                ? () -> Messages.format("progress.stopped", epochs, planned, accuracy)
                : () -> Messages.format("progress.finished", epochs, seconds, accuracy));
        lastRun.set(model);
        coach.runEnded(model);
    }

    private void fail(Throwable e) {
        end();
        progress.set(0);
        speedText.setFixed("");
        timeLeftText.setFixed("");
        progressText.set(() -> Messages.get("progress.failed"));
        errorCause.set(e); // first: a listener on the sentence finds its details
        error.set(describe(e));
        coach.runFailed(e);
    }

    /** One sentence for the user; the data and training errors already are. */
    static String describe(Throwable e) {
        if (e instanceof DataException || e instanceof TrainingException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return Messages.get("error.memory");
        }
        return Messages.format("error.unexpected", String.valueOf(e));
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The running task's reports, on the FX thread. */
    private final class RunUpdates implements TrainingTask.Updates {

        private final String run;

        RunUpdates(String run) {
            this.run = run;
        }

        @Override
        public void started(int epochs, int batchesPerEpoch) {
            startNanos = System.nanoTime();
        }

        @Override
        public void sample(BatchProgress p) {
            curves.addSample(p);
        }

        @Override
        public void epochEnded(EpochResult result) {
            LOG.debug("{} epoch {}/{}: {} s, loss {}, accuracy {}, val_loss {}, val_accuracy {}", run, result.epoch(),
                    result.epochs(), String.format("%.3f", result.seconds()), result.loss(), result.accuracy(),
                    result.valLoss(), result.valAccuracy());
            curves.addEpoch(result);
            lastEpoch.set(result);
            coach.epochEnded(result);
        }

        @Override
        public void latest(BatchProgress p) {
            curves.showTip(p);
            if (stopping.get()) {
                return;
            }
            progressText.set(() -> Messages.format("progress.batch", p.epoch(), p.epochs(), p.batch(), p.batches()));
            long speed = Math.round(p.samplesPerSecond());
            speedText.set(() -> Messages.format("progress.speed", speed));
            double done = ((double) (p.epoch() - 1) * p.batches() + p.batch()) / ((double) p.epochs() * p.batches());
            if (done > 0.005) {
                long left = Math.round(elapsedSeconds() * (1 - done) / done);
                timeLeftText.set(() -> Messages.format("progress.timeLeft", left / 60, String.format("%02d", left % 60)));
            }
        }
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

    /** Whether Stop was pressed and the run has not ended yet. */
    public ReadOnlyBooleanProperty stoppingProperty() {
        return stopping.getReadOnlyProperty();
    }

    /** From 0 to 1, or -1 while the length is unknown (reading the data). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** E.g. "epoch 3/10, batch 412/750" or "Downloading MNIST… 3.1 / 9.9 MB". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.property();
    }

    /** E.g. "31,200 samples/s"; empty when not training. */
    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.property();
    }

    /** E.g. "0:42 left"; empty when not known. */
    public ReadOnlyStringProperty timeLeftTextProperty() {
        return timeLeftText.property();
    }

    /** E.g. "Test accuracy: 97.9 %" after a run. */
    public ReadOnlyStringProperty testAccuracyTextProperty() {
        return testAccuracyText.property();
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
