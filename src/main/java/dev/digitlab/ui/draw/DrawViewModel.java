package dev.digitlab.ui.draw;

import dev.digitlab.imaging.strokes.Drawing;
import dev.digitlab.imaging.strokes.DrawingReader;
import dev.digitlab.imaging.strokes.Reading;
import dev.digitlab.imaging.strokes.Stroke;
import dev.digitlab.ui.draw.DrawViewModel;
import dev.digitlab.ui.draw.LatencyLog;
import dev.digitlab.ui.draw.ReadTiming;
import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.LatestOnlyWorker;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.Percent;

import dev.digitlab.imaging.GrayImage;
import dev.digitlab.io.ModelFileException;
import dev.digitlab.nn.Classifier;
import dev.digitlab.nn.Network;
import dev.digitlab.train.TrainedModel;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Draw tab's state and commands. The pen's moves change the {@link Drawing}; every change is
 * read again on a background thread by a {@link DrawingReader} through a {@link LatestOnlyWorker},
 * so the pen never waits and the prediction follows it within a frame or two. The model is the
 * app's {@link ActiveModel}: when another one becomes active, the drawing is read again at once.
 * Use on the FX thread (the constructor's executors let tests run it without one).
 */
public final class DrawViewModel implements AutoCloseable {

    /** Where the model the tab reads with stands. */
    public enum ModelState {
        /** The shipped model is being loaded. */
        LOADING,
        /** No model, and none is being loaded. */
        NONE,
        /** Loading the shipped model failed, and there is no other model. */
        FAILED,
        /** The active model does not take 28x28 pictures. */
        UNUSABLE,
        /** A model reads the drawing. */
        READY
    }

    /**
     * Pen width in drawing units: a digit drawn across about two thirds of the canvas then has,
     * after preprocessing, MNIST's median stroke width (about 2.3 of 28 pixels, 2.0 to 2.8 for
     * the middle half of the test digits).
     */
    public static final double DEFAULT_PEN_WIDTH = 24;
    public static final double MIN_PEN_WIDTH = 6;
    public static final double MAX_PEN_WIDTH = 48;

    private static final Logger LOG = LoggerFactory.getLogger(DrawViewModel.class);
    private static final int INPUTS = 28 * 28;
    private static final int LATENCY_BATCH = 200;

    /** One state of the drawing to read; {@code sinceNanos} is the oldest pen move it is the first to show. */
    private record Request(long sequence, List<Stroke> strokes, GrayImage picture, Classifier classifier,
                           long sinceNanos) {

        Request after(Request older) {
            return new Request(sequence, strokes, picture, classifier,
                    older.sinceNanos == 0 ? sinceNanos : older.sinceNanos);
        }
    }

    private record Result(long sequence, Reading reading, String error, long sinceNanos, long startedNanos,
                          long finishedNanos) {
    }

    private final ActiveModel active;
    private final DrawingReader reader;
    private final LatestOnlyWorker<Request, Result> worker;
    private final ExecutorService ownThread;
    private final Consumer<ReadTiming> timings;
    private final Drawing drawing = new Drawing();

    private final DoubleProperty penWidth = new SimpleDoubleProperty(this, "penWidth", DEFAULT_PEN_WIDTH);
    private final BooleanProperty naiveShown = new SimpleBooleanProperty(this, "naiveShown");
    private final ReadOnlyIntegerWrapper strokeCount = new ReadOnlyIntegerWrapper(this, "strokeCount");
    private final ReadOnlyIntegerWrapper replaced = new ReadOnlyIntegerWrapper(this, "replaced");
    private final ReadOnlyObjectWrapper<GrayImage> picture = new ReadOnlyObjectWrapper<>(this, "picture");
    private final ReadOnlyObjectWrapper<Reading> reading = new ReadOnlyObjectWrapper<>(this, "reading", Reading.EMPTY);
    private final ReadOnlyIntegerWrapper predictedDigit = new ReadOnlyIntegerWrapper(this, "predictedDigit", -1);
    private final ReadOnlyStringWrapper predictionText = new ReadOnlyStringWrapper(this, "predictionText", "");
    private final ReadOnlyStringWrapper detailText = new ReadOnlyStringWrapper(this, "detailText");
    private final ReadOnlyStringWrapper naiveText = new ReadOnlyStringWrapper(this, "naiveText", "");
    private final ReadOnlyStringWrapper mnistText = new ReadOnlyStringWrapper(this, "mnistText", "");
    private final ReadOnlyObjectWrapper<ModelState> modelState = new ReadOnlyObjectWrapper<>(this, "modelState");
    private final ReadOnlyStringWrapper modelText = new ReadOnlyStringWrapper(this, "modelText");
    private final ReadOnlyStringWrapper modelHelp = new ReadOnlyStringWrapper(this, "modelHelp", "");
    private final BooleanBinding canUndo;

    private Classifier classifier;
    private boolean loading;
    /** Why loading the model failed, or null; described in words only when shown, in the language then. */
    private Throwable loadFailure;
    /** Why the drawing could not be read (the exception's own message), or null. */
    private String readError;
    private long sequence;
    /** Results of requests older than this are stale (the drawing was cleared since) and dropped. */
    private long firstCurrent;

    /**
     * A view model that reads on its own daemon thread and shows results on the FX thread. If the
     * system property {@value LatencyLog#PROPERTY} is true, it logs how long the pen waits for
     * predictions.
     */
    public DrawViewModel(ActiveModel active) {
        this(active, new DrawingReader(), Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "digitlab-draw");
            t.setDaemon(true);
            return t;
        }), Platform::runLater, timingLog());
    }

    /**
     * @param active     the app's active model
     * @param reader     reads drawings
     * @param background runs the reading (closed with this view model)
     * @param receiver   where results are shown, e.g. {@code Platform::runLater}
     * @param timings    told how long each pen move took to show in a prediction
     */
    DrawViewModel(ActiveModel active, DrawingReader reader, ExecutorService background,
                  Executor receiver, Consumer<ReadTiming> timings) {
        this.active = active;
        this.reader = reader;
        this.ownThread = background;
        this.timings = timings;
        this.worker = new LatestOnlyWorker<>(this::work, (older, newer) -> newer.after(older), background, receiver,
                this::show);
        canUndo = strokeCount.greaterThan(0).or(picture.isNotNull());
        active.modelProperty().addListener((obs, old, now) -> modelChanged());
        active.unsavedProperty().addListener((obs, old, now) -> describeModel());
        modelChanged();
    }

    private static Consumer<ReadTiming> timingLog() {
        if (!Boolean.getBoolean(LatencyLog.PROPERTY)) {
            return timing -> { };
        }
        return new LatencyLog(LATENCY_BATCH, line -> LOG.info("draw timing: {}", line));
    }

    // ----- the pen --------------------------------------------------------------------------

    /** The pen goes down at ({@code x}, {@code y}), in drawing units. */
    public void beginStroke(double x, double y) {
        // A stroke starts a drawing of its own: the picture opened from elsewhere goes.
        picture.set(null);
        drawing.begin(x, y, penWidth.get());
        strokeCount.set(drawing.strokeCount());
        read(System.nanoTime());
    }

    /**
     * The pen moves to ({@code x}, {@code y}), in drawing units.
     *
     * @return whether the stroke changed (moves too small to see are ignored)
     */
    public boolean extendStroke(double x, double y) {
        if (!drawing.extend(x, y)) {
            return false;
        }
        read(System.nanoTime());
        return true;
    }

    /** The pen comes up. */
    public void endStroke() {
        drawing.end();
    }

    /** Removes the last stroke. */
    public void undo() {
        if (picture.get() != null) {
            removePicture();
        } else if (drawing.undo()) {
            drawingShrank();
        }
    }

    /** Removes every stroke. */
    public void clear() {
        if (picture.get() != null) {
            removePicture();
        } else if (!drawing.isEmpty()) {
            drawing.clear();
            drawingShrank();
        }
    }

    /**
     * Shows {@code shown} on the paper in place of the drawing (whose strokes go) and reads it the
     * way a drawing is read: e.g. a test image opened from the Evaluate tab. Ink-high pictures
     * (0 = paper, 1 = ink) show as the pen's ink; the next stroke, Undo or Clear removes it.
     */
    public void showPicture(GrayImage shown) {
        drawing.clear();
        strokeCount.set(0);
        picture.set(shown);
        read(System.nanoTime());
    }

    /**
     * Puts {@code strokes} on the paper in place of the drawing, e.g. one of the user's kept
     * drawings, and reads them.
     */
    public void showDrawing(List<Stroke> strokes) {
        picture.set(null);
        drawing.clear();
        strokes.forEach(drawing::add);
        strokeCount.set(drawing.strokeCount());
        replaced.set(replaced.get() + 1);
        read(System.nanoTime());
    }

    private void removePicture() {
        picture.set(null);
        drawingShrank();
    }

    private void drawingShrank() {
        strokeCount.set(drawing.strokeCount());
        if (drawing.isEmpty()) {
            // Shown at once, and whatever is still being read of the old drawing is dropped.
            sequence++;
            firstCurrent = sequence;
            showReading(Reading.EMPTY, null);
        } else {
            read(System.nanoTime());
        }
    }

    /** All strokes, the one being drawn last. */
    public List<Stroke> strokes() {
        return drawing.strokes();
    }

    /** The stroke being drawn, or null while the pen is up. */
    public Stroke currentStroke() {
        return drawing.current();
    }

    // ----- reading --------------------------------------------------------------------------

    private void read(long sinceNanos) {
        sequence++;
        worker.submit(new Request(sequence, drawing.strokes(), picture.get(), classifier, sinceNanos));
    }

    /** On the background thread. */
    private Result work(Request request) {
        long started = System.nanoTime();
        Reading read;
        String error = null;
        try {
            read = request.picture() != null ? reader.read(request.picture(), request.classifier())
                    : reader.read(request.strokes(), request.classifier());
        } catch (RuntimeException e) {
            LOG.warn("the drawing could not be read", e);
            read = Reading.EMPTY;
            error = String.valueOf(e.getMessage());
        }
        return new Result(request.sequence(), read, error, request.sinceNanos(), started, System.nanoTime());
    }

    /** On the receiving (FX) thread. */
    private void show(Result result) {
        if (result.sequence() < firstCurrent) {
            return;
        }
        showReading(result.reading(), result.error());
        if (result.sinceNanos() != 0) {
            timings.accept(new ReadTiming(result.sinceNanos(), result.startedNanos(), result.finishedNanos(),
                    System.nanoTime()));
        }
    }

    private void showReading(Reading r, String error) {
        reading.set(r);
        readError = error;
        int digit = r.digit();
        predictedDigit.set(digit);
        predictionText.set(digit < 0 ? "" : Integer.toString(digit));
        describeReading();
    }

    /** The words about the reading, in the current language. */
    private void describeReading() {
        Reading r = reading.get();
        detailText.set(readError != null ? Messages.format("draw.readError", readError) : detail(r));
        naiveText.set(r.naiveProbabilities() == null ? ""
                : Messages.format("draw.reads", r.naiveDigit(), Percent.of(r.naiveProbabilities()[r.naiveDigit()])));
        mnistText.set(r.probabilities() == null ? ""
                : Messages.format("draw.reads", r.digit(), Percent.of(r.probabilities()[r.digit()])));
    }

    private static String detail(Reading r) {
        if (!r.drawn()) {
            return Messages.get("draw.empty");
        }
        if (r.probabilities() == null) {
            return Messages.get("draw.noModel");
        }
        return Messages.format("draw.confidence", Percent.of(r.probabilities()[r.digit()]));
    }

    // ----- the model ------------------------------------------------------------------------

    /**
     * Loads a model in the background (the app's shipped model at start) and makes it the active
     * one, not unsaved, unless another became active meanwhile. A failure is shown in the tab.
     */
    public void loadModel(Callable<TrainedModel> loader) {
        Task<TrainedModel> task = new Task<>() {
            @Override
            protected TrainedModel call() throws Exception {
                return loader.call();
            }
        };
        loading = true;
        loadFailure = null;
        modelChanged();
        task.setOnSucceeded(e -> {
            loading = false;
            if (active.modelProperty().get() == null) {
                active.set(task.getValue(), false);
            } else {
                modelChanged();
            }
        });
        task.setOnFailed(e -> {
            loading = false;
            loadFailure = task.getException();
            LOG.warn("the model could not be loaded: {}", describe(loadFailure));
            LOG.debug("the model could not be loaded", task.getException());
            modelChanged();
        });
        Thread thread = new Thread(task, "digitlab-model-load");
        thread.setDaemon(true);
        thread.start();
    }

    static String describe(Throwable e) {
        if (e instanceof ModelFileException && e.getMessage() != null) {
            return e.getMessage();
        }
        return Messages.format("error.unexpected.model", String.valueOf(e));
    }

    private void modelChanged() {
        TrainedModel model = active.modelProperty().get();
        Network network = model == null ? null : model.network();
        classifier = network != null && network.inputs() == INPUTS && network.classes() == 10 ? network : null;
        if (model != null) {
            modelState.set(classifier == null ? ModelState.UNUSABLE : ModelState.READY);
        } else if (loading) {
            modelState.set(ModelState.LOADING);
        } else {
            modelState.set(loadFailure == null ? ModelState.NONE : ModelState.FAILED);
        }
        describeModel();
        if (!drawing.isEmpty() || picture.get() != null) {
            read(0);
        } else {
            showReading(Reading.EMPTY, null);
        }
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

    private void describeModel() {
        TrainedModel model = active.modelProperty().get();
        String help = Messages.get("draw.model.howToGet");
        switch (modelState.get()) {
            case LOADING -> {
                modelText.set(Messages.get("draw.model.loading"));
                modelHelp.set("");
            }
            case NONE -> {
                modelText.set(Messages.get("draw.model.none"));
                modelHelp.set(help);
            }
            case FAILED -> {
                modelText.set(Messages.get("draw.model.failed"));
                modelHelp.set(sentence(describe(loadFailure)) + " " + help);
            }
            case UNUSABLE -> {
                modelText.set(model.name());
                modelHelp.set(Messages.format("draw.model.unusable", model.network().inputs(),
                        model.network().classes()) + " " + help);
            }
            case READY -> {
                String accuracy = model.hasTestAccuracy()
                        ? Messages.format("draw.model.accuracy", 100 * model.testAccuracy())
                        : Messages.get("draw.model.noAccuracy");
                modelText.set(Messages.format(active.unsavedProperty().get() ? "draw.model.readyUnsaved"
                        : "draw.model.ready", model.name(), accuracy));
                modelHelp.set("");
            }
            default -> throw new IllegalStateException("unknown model state " + modelState.get());
        }
    }

    /** Composes the tab's texts again in the default language, which has just changed. */
    public void languageChanged() {
        describeModel();
        describeReading();
    }

    /**
     * Whether a reading waits or is under way on the background thread; once false, its result may
     * still be on its way to the FX thread.
     */
    boolean reading() {
        return worker.busy();
    }

    /** Stops the background thread (the window is closing). */
    @Override
    public void close() {
        ownThread.shutdownNow();
    }

    // ----- properties -----------------------------------------------------------------------

    /** Width of the next stroke, in drawing units ({@value Drawing#SIDE} across the canvas). */
    public DoubleProperty penWidthProperty() {
        return penWidth;
    }

    /** Whether the naive whole-canvas shrink is shown beside the real input. */
    public BooleanProperty naiveShownProperty() {
        return naiveShown;
    }

    /** How many strokes the drawing has; the canvas draws them all again when this drops. */
    public ReadOnlyIntegerProperty strokeCountProperty() {
        return strokeCount.getReadOnlyProperty();
    }

    /** Counts the drawings put on the paper whole ({@link #showDrawing}); the canvas draws them again. */
    public ReadOnlyIntegerProperty replacedProperty() {
        return replaced.getReadOnlyProperty();
    }

    /** The picture shown in place of a drawing (see {@link #showPicture}), or null. */
    public ReadOnlyObjectProperty<GrayImage> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    /** Whether there is a stroke (or a picture) to undo or clear. */
    public BooleanBinding canUndoProperty() {
        return canUndo;
    }

    /** The latest reading of the drawing. */
    public ReadOnlyObjectProperty<Reading> readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** The predicted digit, or -1 when there is none. */
    public ReadOnlyIntegerProperty predictedDigitProperty() {
        return predictedDigit.getReadOnlyProperty();
    }

    /** The predicted digit as text, empty when there is none. */
    public ReadOnlyStringProperty predictionTextProperty() {
        return predictionText.getReadOnlyProperty();
    }

    /** Under the digit: how sure the network is, or "Draw a digit", or why there is no prediction. */
    public ReadOnlyStringProperty detailTextProperty() {
        return detailText.getReadOnlyProperty();
    }

    /** What the network reads from the MNIST-style input, e.g. "reads 7 (98.7%)"; empty when nothing is read. */
    public ReadOnlyStringProperty mnistTextProperty() {
        return mnistText.getReadOnlyProperty();
    }

    /** What the naive shrink reads, e.g. "reads 3 (41.2%)"; empty when nothing is read. */
    public ReadOnlyStringProperty naiveTextProperty() {
        return naiveText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ModelState> modelStateProperty() {
        return modelState.getReadOnlyProperty();
    }

    /** The model's name and test accuracy, or where the model stands. */
    public ReadOnlyStringProperty modelTextProperty() {
        return modelText.getReadOnlyProperty();
    }

    /** How to get a model when there is no usable one; empty otherwise. */
    public ReadOnlyStringProperty modelHelpProperty() {
        return modelHelp.getReadOnlyProperty();
    }
}
