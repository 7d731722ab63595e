package dev.digitlab.ui.tutorial;

import dev.digitlab.data.DataException;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.optim.OptimizerConfig;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import dev.digitlab.ui.evaluate.EvaluateViewModel;
import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.DataLoadTask;
import dev.digitlab.ui.shared.DatasetSource;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.training.Preset;
import dev.digitlab.ui.training.TrainingForm;
import dev.digitlab.ui.training.TrainingViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;

/**
 * What each step's "Do it" does, for real and in the app: loads the data the other tabs use,
 * fills the Training form, presses Train, evaluates in the Evaluate tab, saves through the File
 * menu's save. Results arrive in the {@link TutorialViewModel}, from here or from the tab that did
 * the work.
 */
final class StepActions implements AutoCloseable {

    private static final int SAMPLES = 8;

    private final TutorialViewModel tutorial;
    private final TrainingViewModel training;
    private final EvaluateViewModel evaluate;
    private final ActiveModel active;
    private final DatasetSource source;
    private final TutorialViewModel.Hooks hooks;
    private final ObjectProperty<Improvement> improvement = new SimpleObjectProperty<>(this, "improvement",
            Improvement.DROPOUT);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "digitlab-tutorial");
        t.setDaemon(true);
        return t;
    });
    private MnistDataset data;

    StepActions(TutorialViewModel tutorial, TrainingViewModel training, EvaluateViewModel evaluate,
                ActiveModel active, DatasetSource source, TutorialViewModel.Hooks hooks) {
        this.tutorial = tutorial;
        this.training = training;
        this.evaluate = evaluate;
        this.active = active;
        this.source = source;
        this.hooks = hooks;
    }

    void run(TutorialStep step) {
        switch (step) {
            case LOAD -> withData(step, this::showData);
            case PREPARE -> withData(step, this::showPixels);
            case BUILD -> build();
            case COMPILE -> compile();
            case TRAIN -> train();
            case EVALUATE -> evaluate();
            case PLOT -> plot();
            case PREDICT -> predict();
            case SAVE -> save();
            case IMPROVE -> improve();
            default -> throw new IllegalArgumentException("no such step: " + step);
        }
    }

    // ----- data ------------------------------------------------------------------------------

    /** Loads the data set (once; the other tabs share the same copy), then hands it on. */
    private void withData(TutorialStep step, Consumer<MnistDataset> then) {
        if (data != null) {
            then.accept(data);
            return;
        }
        DataLoadTask task = new DataLoadTask(source);
        tutorial.setWorking(true);
        tutorial.say(step, () -> Messages.get("progress.loading"));
        task.setOnSucceeded(e -> {
            tutorial.setWorking(false);
            data = task.getValue();
            then.accept(data);
        });
        task.setOnFailed(e -> {
            tutorial.setWorking(false);
            failed(step, task.getException());
        });
        worker.execute(task);
    }

    private void showData(MnistDataset d) {
        List<StepResults.Digit> samples = new ArrayList<>();
        for (int i = 0; i < Math.min(SAMPLES, d.train().size()); i++) {
            samples.add(StepResults.Digit.of(d.train(), i));
        }
        int train = d.train().size();
        int test = d.test().size();
        int side = d.train().rows();
        tutorial.finish(TutorialStep.LOAD, () -> Messages.format("tutorial.load.result", train, test, side),
                new StepResults.Data(train, test, d.train().classCounts(), samples));
    }

    private void showPixels(MnistDataset d) {
        StepResults.Digit digit = StepResults.Digit.of(d.train(), 0);
        int size = digit.pixels().length;
        tutorial.finish(TutorialStep.PREPARE, () -> Messages.format("tutorial.prepare.result", digit.rows(),
                digit.cols(), size, digit.label(), oneHot(digit.label())), new StepResults.Pixels(digit));
    }

    /** E.g. "[0 0 0 0 0 1 0 0 0 0]" for 5. */
    static String oneHot(int label) {
        StringBuilder text = new StringBuilder("[");
        for (int c = 0; c < 10; c++) {
            text.append(c == 0 ? "" : " ").append(c == label ? '1' : '0');
        }
        return text.append(']').toString();
    }

    // ----- the form --------------------------------------------------------------------------

    private void build() {
        choosePreset(Preset.TUTORIAL);
        ModelSpec spec = training.form().spec(28 * 28, 10);
        StepResults.Layers layers = StepResults.Layers.of(spec);
        tutorial.finish(TutorialStep.BUILD, () -> Messages.format("tutorial.build.result", layers.total()), layers);
    }

    /** Fills the form from {@code preset}, even when it is the preset already chosen. */
    private void choosePreset(Preset preset) {
        TrainingForm form = training.form();
        form.presetProperty().set(null);
        form.presetProperty().set(preset);
    }

    private void compile() {
        OptimizerConfig adam = TrainingConfig.tutorial().optimizer();
        TrainingForm form = training.form();
        form.optimizerProperty().set(OptimizerConfig.ADAM);
        form.learningRate().textProperty().set(number(adam.learningRate()));
        form.decay().textProperty().set(number(adam.decay()));
        double lr = adam.learningRate();
        tutorial.finish(TutorialStep.COMPILE, () -> Messages.format("tutorial.compile.result", lr), null);
    }

    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private void train() {
        TrainingConfig t = TrainingConfig.tutorial();
        TrainingForm form = training.form();
        form.epochs().textProperty().set(Integer.toString(t.epochs()));
        form.batchSize().textProperty().set(Integer.toString(t.batchSize()));
        form.validationSplit().textProperty().set(number(t.validationSplit()));
        startTraining(TutorialStep.TRAIN);
    }

    private void improve() {
        Improvement chosen = improvement.get();
        choosePreset(chosen.preset());
        if (chosen.decay() > 0) {
            training.form().decay().textProperty().set(number(chosen.decay()));
        }
        startTraining(TutorialStep.IMPROVE);
    }

    /** Presses Train and shows the Training tab, where the curves grow; the result comes when the run ends. */
    private void startTraining(TutorialStep step) {
        if (!training.canTrainProperty().get()) {
            tutorial.say(step, () -> Messages.get("form.fixFields"));
            return;
        }
        tutorial.say(step, () -> Messages.get("tutorial.training"));
        training.train();
        hooks.showTab().accept("trainingTab");
    }

    // ----- the model -------------------------------------------------------------------------

    private boolean needsModel(TutorialStep step) {
        if (active.modelProperty().get() == null) {
            tutorial.say(step, () -> Messages.get("tutorial.noModel"));
            return true;
        }
        return false;
    }

    private void evaluate() {
        if (!needsModel(TutorialStep.EVALUATE)) {
            tutorial.say(TutorialStep.EVALUATE, () -> Messages.get("tutorial.working"));
            evaluate.evaluate();
        }
    }

    private void plot() {
        if (needsModel(TutorialStep.PLOT)) {
            return;
        }
        TrainedModel model = active.modelProperty().get();
        if (model.history().isEmpty()) {
            tutorial.say(TutorialStep.PLOT, () -> Messages.get("tutorial.plot.noHistory"));
            return;
        }
        String name = model.name();
        tutorial.finish(TutorialStep.PLOT, () -> Messages.format("tutorial.plot.result", name),
                new StepResults.Curves(model.history()));
    }

    /** A random test image: from the last evaluation of this model, else after evaluating it. */
    private void predict() {
        if (needsModel(TutorialStep.PREDICT)) {
            return;
        }
        tutorial.expectPrediction();
        if (evaluate.results().predictionsProperty().get() != null && !evaluate.staleProperty().get()) {
            evaluate.mistakes().nextRandom();
        } else {
            tutorial.say(TutorialStep.PREDICT, () -> Messages.get("tutorial.working"));
            evaluate.evaluate();
        }
    }

    /** Saves through the File menu's "Save as", then reads the file back and checks it reads digits the same way. */
    private void save() {
        if (needsModel(TutorialStep.SAVE)) {
            return;
        }
        Optional<Path> saved;
        tutorial.savingHere(true);
        try {
            saved = hooks.saveModel().get();
        } finally {
            tutorial.savingHere(false);
        }
        if (saved.isEmpty()) {
            tutorial.say(TutorialStep.SAVE, () -> Messages.get("tutorial.save.cancelled"));
            return;
        }
        Path file = saved.get();
        Task<String[]> check = new SaveCheck(file, active.modelProperty().get(), data, source);
        tutorial.setWorking(true);
        check.setOnSucceeded(e -> {
            tutorial.setWorking(false);
            showSaved(file, check.getValue());
        });
        check.setOnFailed(e -> {
            tutorial.setWorking(false);
            failed(TutorialStep.SAVE, check.getException());
        });
        worker.execute(check);
    }

    /** The save step is done: where the file went, how large, and whether it reads digits the same way. */
    private void showSaved(Path file, String[] r) {
        long kb = Long.parseLong(r[0]);
        long weights = Long.parseLong(r[1]);
        int same = Integer.parseInt(r[2]);
        int checked = Integer.parseInt(r[3]);
        tutorial.finish(TutorialStep.SAVE, () -> Messages.format("tutorial.save.result", file.toString(), kb,
                weights) + (same < 0 ? "" : " " + Messages.format("tutorial.save.same", same, checked)),
                null);
    }


    private void failed(TutorialStep step, Throwable e) {
        String sentence = e instanceof DataException || e instanceof IllegalArgumentException
                || e instanceof dev.digitlab.io.ModelFileException
                ? e.getMessage() : Messages.format("tutorial.failed", String.valueOf(e.getMessage()));
        tutorial.say(step, () -> sentence);
    }

    ObjectProperty<Improvement> improvementProperty() {
        return improvement;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
