package dev.digitlab.ui.evaluate;

import dev.digitlab.ui.evaluate.DigitRow;
import dev.digitlab.ui.evaluate.EvaluateViewModel;
import dev.digitlab.ui.evaluate.EvaluationTask;
import dev.digitlab.ui.evaluate.FirstLayerWeights;
import dev.digitlab.ui.evaluate.ModelHistory;
import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.DataLoadTask;
import dev.digitlab.ui.shared.DatasetSource;
import dev.digitlab.ui.shared.LocalText;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.TestImage;

import dev.digitlab.data.DataException;
import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.UnipenReader;
import dev.digitlab.imaging.strokes.TabletDigits;
import dev.digitlab.io.ModelFileException;
import dev.digitlab.nn.Network;
import dev.digitlab.train.ClassMetrics;
import dev.digitlab.train.Evaluation;
import dev.digitlab.train.Predictions;
import dev.digitlab.train.TrainedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Evaluate tab's state and commands: where the active model goes wrong and what it learned.
 *
 * <p>{@link #evaluate()} loads the data (once, through the same source as the Training tab), then
 * runs the active model over the test images on a background thread. The result fills the
 * accuracy and loss, the per-digit table, the confusion matrix, and picks a random test image.
 * {@link #selectCell} fills the gallery with the images behind one cell of the matrix (e.g. every
 * 4 read as a 9); {@link #selectImage} picks one of them to show large, and
 * {@link #onOpenInDrawProperty()} is where the app can hand it on to the Draw tab.
 *
 * <p>Independently of any evaluation, every distinct model that becomes active is added once to
 * {@link #histories()} (so the training curves of this session's models can be compared), and the
 * first layer's weights of the active model are in {@link #weightsProperty()}.
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

    /** A cell of the confusion matrix: images of digit {@code actual} read as {@code predicted}. */
    public record Cell(int actual, int predicted) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(EvaluateViewModel.class);

    private final ActiveModel active;
    private final DatasetSource source;
    private final Supplier<TrainedModel> shipped;
    private final RandomGenerator random;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "digitlab-evaluate");
        t.setDaemon(true);
        return t;
    });

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
    private final LocalText status = new LocalText(this, "status", () -> null);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<Throwable> errorCause = new ReadOnlyObjectWrapper<>(this, "errorCause");
    private final LocalText notice = new LocalText(this, "notice", () -> null);
    private final LocalText summary = new LocalText(this, "summary", () -> "");
    private final ReadOnlyObjectWrapper<Predictions> predictions = new ReadOnlyObjectWrapper<>(this, "predictions");
    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    private final ReadOnlyObjectWrapper<TrainedModel> evaluated = new ReadOnlyObjectWrapper<>(this, "evaluated");
    private final ObservableList<DigitRow> rows = FXCollections.observableArrayList();
    private final ObservableList<DigitRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<Cell> selectedCell = new ReadOnlyObjectWrapper<>(this, "selectedCell");
    private final ObservableList<TestImage> gallery = FXCollections.observableArrayList();
    private final ObservableList<TestImage> galleryView = FXCollections.unmodifiableObservableList(gallery);
    private final LocalText galleryTitle = new LocalText(this, "galleryTitle", () -> null);
    private final ReadOnlyObjectWrapper<TestImage> selectedImage = new ReadOnlyObjectWrapper<>(this, "selectedImage");
    private final ReadOnlyObjectWrapper<TestImage> randomImage = new ReadOnlyObjectWrapper<>(this, "randomImage");
    private final ObservableList<ModelHistory> histories = FXCollections.observableArrayList();
    private final ObservableList<ModelHistory> historiesView = FXCollections.unmodifiableObservableList(histories);
    private final Map<Network, Integer> historyIndex = new IdentityHashMap<>();
    private final ReadOnlyObjectWrapper<FirstLayerWeights> weights = new ReadOnlyObjectWrapper<>(this, "weights");
    private final ObjectProperty<Consumer<TestImage>> onOpenInDraw = new SimpleObjectProperty<>(this, "onOpenInDraw");
    private final BooleanBinding busy;
    private final BooleanBinding canEvaluate;
    private final BooleanBinding canLoadShipped;
    private final BooleanBinding stale;
    private final BooleanBinding canOpenInDraw;

    private MnistDataset data;
    private Task<?> current;
    private double lastEvaluationSeconds = Double.NaN;
    private double lastFillMillis = Double.NaN;

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
        this.random = random;
        busy = Bindings.createBooleanBinding(() -> phase.get() != Phase.IDLE, phase);
        canEvaluate = Bindings.createBooleanBinding(
                () -> phase.get() == Phase.IDLE && active.modelProperty().get() != null, phase, active.modelProperty());
        canLoadShipped = Bindings.createBooleanBinding(
                () -> phase.get() == Phase.IDLE && active.modelProperty().get() == null, phase, active.modelProperty());
        stale = Bindings.createBooleanBinding(
                () -> evaluated.get() != null && evaluated.get() != active.modelProperty().get(),
                evaluated, active.modelProperty());
        canOpenInDraw = Bindings.createBooleanBinding(() -> selectedImage.get() != null && onOpenInDraw.get() != null,
                selectedImage, onOpenInDraw);
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
        errorCause.set(null);
        error.set(null);
        TrainedModel model = active.modelProperty().get();
        if (data == null) {
            DataLoadTask task = new DataLoadTask(source);
            begin(task, Phase.LOADING);
            status.bind(task.messageProperty());
            task.setOnSucceeded(e -> {
                end();
                data = task.getValue();
                startEvaluation(model, data.test(), null);
            });
            task.setOnFailed(e -> fail(task.getException()));
            worker.execute(task);
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
        errorCause.set(null);
        error.set(null);
        TrainedModel model = active.modelProperty().get();
        String name = file.getFileName().toString();
        Task<ImageSet> task = new Task<>() {
            @Override
            protected ImageSet call() {
                return TabletDigits.images(UnipenReader.read(file));
            }
        };
        begin(task, Phase.LOADING);
        status.set(() -> Messages.format("evaluate.loadingStrokes", name));
        task.setOnSucceeded(e -> {
            end();
            startEvaluation(model, task.getValue(), name);
        });
        task.setOnFailed(e -> fail(task.getException()));
        worker.execute(task);
    }

    /** Loads the shipped tutorial model and makes it the active one (offered while there is none). */
    public void loadShipped() {
        if (!canLoadShipped.get()) {
            return;
        }
        errorCause.set(null);
        error.set(null);
        Task<TrainedModel> task = new Task<>() {
            @Override
            protected TrainedModel call() {
                return shipped.get();
            }
        };
        begin(task, Phase.LOADING);
        status.set(() -> Messages.get("evaluate.loadingModel"));
        task.setOnSucceeded(e -> {
            end();
            active.set(task.getValue(), false);
        });
        task.setOnFailed(e -> fail(task.getException()));
        worker.execute(task);
    }

    /** Fills the gallery with the test images of digit {@code actual} that were read as {@code predicted}. */
    public void selectCell(int actual, int predicted) {
        Predictions p = predictions.get();
        if (p == null) {
            return;
        }
        int[] indices = p.indices(actual, predicted);
        List<TestImage> images = new ArrayList<>(indices.length);
        for (int i : indices) {
            images.add(new TestImage(p, i));
        }
        selectedCell.set(new Cell(actual, predicted));
        gallery.setAll(images);
        int count = indices.length;
        galleryTitle.set(actual == predicted
                ? () -> Messages.format("gallery.right", actual, count)
                : () -> Messages.format("gallery.wrong", actual, predicted, count));
        selectedImage.set(images.isEmpty() ? null : images.get(0));
    }

    /** Shows {@code image} large, with its probabilities. */
    public void selectImage(TestImage image) {
        selectedImage.set(image);
    }

    /** Picks another random test image (after an evaluation). */
    public void nextRandom() {
        Predictions p = predictions.get();
        if (p != null && p.size() > 0) {
            randomImage.set(new TestImage(p, random.nextInt(p.size())));
        }
    }

    /** Hands the selected image to {@link #onOpenInDrawProperty()}'s callback, if both are there. */
    public void openInDraw() {
        if (canOpenInDraw.get()) {
            onOpenInDraw.get().accept(selectedImage.get());
        }
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
        summary.recompose();
        galleryTitle.recompose();
    }

    /** Cancels any work without waiting for it (the window is closing) and ends the worker thread. */
    @Override
    public void close() {
        if (current != null) {
            current.cancel();
        }
        worker.shutdownNow();
    }

    // ----- life cycle ----------------------------------------------------------------------

    /** Tests {@code model} on {@code images}: MNIST's test set, or the pen drawings of file {@code strokes}. */
    private void startEvaluation(TrainedModel model, ImageSet images, String strokes) {
        EvaluationTask task = new EvaluationTask(model.network(), images);
        begin(task, Phase.EVALUATING);
        int size = images.size();
        status.set(() -> Messages.format("evaluate.running", model.name(), size));
        task.setOnSucceeded(e -> {
            end();
            show(model, task.getValue(), task.seconds(), strokes);
        });
        task.setOnFailed(e -> fail(task.getException()));
        worker.execute(task);
    }

    private void show(TrainedModel model, Predictions p, double seconds, String strokes) {
        long start = System.nanoTime();
        Evaluation result = p.evaluation();
        ClassMetrics metrics = ClassMetrics.of(result.confusion());
        List<DigitRow> digitRows = new ArrayList<>();
        for (int d = 0; d < metrics.classes(); d++) {
            digitRows.add(new DigitRow(d, metrics.support(d), metrics.precision(d), metrics.recall(d)));
        }
        rows.setAll(digitRows);
        evaluated.set(model);
        evaluation.set(result);
        predictions.set(p);
        summary.set(strokes == null
                ? () -> Messages.format("evaluate.summary", 100 * result.accuracy(), result.loss(), p.size())
                : () -> Messages.format("evaluate.summaryStrokes", 100 * result.accuracy(), result.loss(), p.size(),
                        strokes));
        Cell worst = mostFrequentMistake(result.confusion());
        selectCell(worst.actual(), worst.predicted());
        nextRandom();
        status.set(() -> Messages.format("evaluate.done", model.name(), p.size(), seconds));
        lastEvaluationSeconds = seconds;
        lastFillMillis = (System.nanoTime() - start) / 1e6;
        LOG.info("evaluated {} on {} test images in {} ms; views filled on the FX thread in {} ms", model.name(),
                p.size(), String.format("%.0f", seconds * 1000), String.format("%.1f", lastFillMillis));
    }

    /** The off-diagonal cell with the most images; the first diagonal cell when there is no mistake. */
    static Cell mostFrequentMistake(int[][] confusion) {
        Cell best = new Cell(0, 0);
        int most = 0;
        for (int a = 0; a < confusion.length; a++) {
            for (int p = 0; p < confusion[a].length; p++) {
                if (a != p && confusion[a][p] > most) {
                    most = confusion[a][p];
                    best = new Cell(a, p);
                }
            }
        }
        return best;
    }

    private void activeChanged(TrainedModel model) {
        if (model == null) {
            weights.set(null);
            if (phase.get() == Phase.IDLE && !status.isBound()) {
                status.set(() -> Messages.get("evaluate.noModel"));
            }
            return;
        }
        Integer index = historyIndex.get(model.network());
        if (index == null) {
            historyIndex.put(model.network(), histories.size());
            histories.add(ModelHistory.of(histories.size() + 1, model));
        } else if (!histories.get(index).name().equals(model.name())) {
            histories.set(index, histories.get(index).withName(model.name()));
        }
        weights.set(FirstLayerWeights.of(model.network()));
        if (phase.get() == Phase.IDLE && !status.isBound()) {
            if (stale.get()) {
                status.set(() -> Messages.format("evaluate.stale", model.name()));
            } else if (evaluated.get() == null) {
                status.set(() -> Messages.format("evaluate.ready", model.name()));
            }
        }
    }

    private void begin(Task<?> task, Phase newPhase) {
        current = task;
        phase.set(newPhase);
    }

    private void end() {
        status.unbind();
        current = null;
        phase.set(Phase.IDLE);
    }

    private void fail(Throwable e) {
        end();
        status.set(() -> Messages.get("evaluate.failed"));
        errorCause.set(e); // first: a listener on the sentence finds its details
        error.set(describe(e));
    }

    /** One sentence for the user; data and model-file errors already are. */
    static String describe(Throwable e) {
        if (e instanceof DataException || e instanceof ModelFileException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return Messages.get("evaluate.memory");
        }
        return Messages.format("evaluate.unexpected", String.valueOf(e));
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
        return error.getReadOnlyProperty();
    }

    /** What caused {@link #errorProperty()}, for the details of an error dialog; null with it. */
    public ReadOnlyObjectProperty<Throwable> errorCauseProperty() {
        return errorCause.getReadOnlyProperty();
    }

    /** The outcome of the last picture export, or null. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.property();
    }

    /** E.g. "Test accuracy 97.49% · loss 0.0832 · 10,000 images"; empty before an evaluation. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.property();
    }

    /** Every test image's probabilities and prediction; null before an evaluation. */
    public ReadOnlyObjectProperty<Predictions> predictionsProperty() {
        return predictions.getReadOnlyProperty();
    }

    /** Loss, accuracy and the confusion matrix {@code [actual][predicted]}; null before an evaluation. */
    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    /** The model the results are of; null before an evaluation. */
    public ReadOnlyObjectProperty<TrainedModel> evaluatedProperty() {
        return evaluated.getReadOnlyProperty();
    }

    /** Precision and recall per digit, 0 to 9. */
    public ObservableList<DigitRow> rows() {
        return rowsView;
    }

    /** The cell whose images the gallery shows; null before an evaluation. */
    public ReadOnlyObjectProperty<Cell> selectedCellProperty() {
        return selectedCell.getReadOnlyProperty();
    }

    /** The images of the selected cell, in test-set order. */
    public ObservableList<TestImage> gallery() {
        return galleryView;
    }

    /** E.g. "True 4, read as 9: 12 images". */
    public ReadOnlyStringProperty galleryTitleProperty() {
        return galleryTitle.property();
    }

    /** The image shown large, and the one "open in Draw" hands on; null when none. */
    public ReadOnlyObjectProperty<TestImage> selectedImageProperty() {
        return selectedImage.getReadOnlyProperty();
    }

    /** The random test image; null before an evaluation. */
    public ReadOnlyObjectProperty<TestImage> randomImageProperty() {
        return randomImage.getReadOnlyProperty();
    }

    /** The training history of every distinct model that was active in this session, oldest first. */
    public ObservableList<ModelHistory> histories() {
        return historiesView;
    }

    /** The first layer's weights of the active model; null when there is none. */
    public ReadOnlyObjectProperty<FirstLayerWeights> weightsProperty() {
        return weights.getReadOnlyProperty();
    }

    /**
     * What "Open in Draw" does with the selected image: the app sets it once the Draw tab can show
     * a test image beside the network's input. While it is null the button is hidden.
     */
    public ObjectProperty<Consumer<TestImage>> onOpenInDrawProperty() {
        return onOpenInDraw;
    }

    /** True while an image is selected and {@link #onOpenInDrawProperty()} is set. */
    public BooleanBinding canOpenInDrawProperty() {
        return canOpenInDraw;
    }

    /** Seconds the last evaluation took on the background thread; NaN before one. */
    public double lastEvaluationSeconds() {
        return lastEvaluationSeconds;
    }

    /** Milliseconds the FX thread spent filling the view model and the views after the last evaluation. */
    public double lastFillMillis() {
        return lastFillMillis;
    }
}
