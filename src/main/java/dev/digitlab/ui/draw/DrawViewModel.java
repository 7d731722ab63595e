package dev.digitlab.ui.draw;

import dev.digitlab.imaging.GrayImage;
import dev.digitlab.imaging.strokes.Drawing;
import dev.digitlab.imaging.strokes.Pen;
import dev.digitlab.imaging.strokes.DrawingReader;
import dev.digitlab.imaging.strokes.Reading;
import dev.digitlab.imaging.strokes.Stroke;
import dev.digitlab.ui.shared.ActiveModel;
import java.util.List;
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
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Draw tab's state and commands: the pen. The pen's moves change the {@link Drawing}; every
 * change is read again by a {@link LiveReading} on a background thread, with the model that
 * {@link DrawModelStatus} picks from the app's {@link ActiveModel}; when another one becomes
 * active, the drawing is read again at once. Use on the FX thread (the constructor's executors
 * let tests run it without one).
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

    /** Pen widths in drawing units: the Draw tab's pen, shared with the command line ({@link Pen}). */
    public static final double DEFAULT_PEN_WIDTH = Pen.DEFAULT_WIDTH;
    public static final double MIN_PEN_WIDTH = Pen.MIN_WIDTH;
    public static final double MAX_PEN_WIDTH = Pen.MAX_WIDTH;

    private static final Logger LOG = LoggerFactory.getLogger(DrawViewModel.class);
    private static final int LATENCY_BATCH = 200;

    private final Drawing drawing = new Drawing();
    private final LiveReading reading;
    private final DrawModelStatus status;

    private final DoubleProperty penWidth = new SimpleDoubleProperty(this, "penWidth", DEFAULT_PEN_WIDTH);
    private final BooleanProperty naiveShown = new SimpleBooleanProperty(this, "naiveShown");
    private final ReadOnlyIntegerWrapper strokeCount = new ReadOnlyIntegerWrapper(this, "strokeCount");
    private final ReadOnlyIntegerWrapper replaced = new ReadOnlyIntegerWrapper(this, "replaced");
    private final ReadOnlyObjectWrapper<GrayImage> picture = new ReadOnlyObjectWrapper<>(this, "picture");
    private final BooleanBinding canUndo;

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
        reading = new LiveReading(reader, background, receiver, timings);
        status = new DrawModelStatus(active, this::modelChanged);
        canUndo = strokeCount.greaterThan(0).or(picture.isNotNull());
        status.modelChanged();
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
            reading.showEmpty();
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

    private void read(long sinceNanos) {
        reading.read(drawing.strokes(), picture.get(), status.classifier(), status.recipe(), sinceNanos);
    }

    /** The model changed: what is on the paper is read again with it. */
    private void modelChanged() {
        if (!drawing.isEmpty() || picture.get() != null) {
            read(0);
        } else {
            reading.showEmpty();
        }
    }

    /** Composes the tab's texts again in the default language, which has just changed. */
    public void languageChanged() {
        status.describe();
        reading.describe();
    }

    /**
     * Whether a reading waits or is under way on the background thread; once false, its result may
     * still be on its way to the FX thread.
     */
    boolean reading() {
        return reading.busy();
    }

    /** Stops the background thread (the window is closing). */
    @Override
    public void close() {
        reading.close();
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
        return reading.readingProperty();
    }

    /** The predicted digit, or -1 when there is none. */
    public ReadOnlyIntegerProperty predictedDigitProperty() {
        return reading.predictedDigitProperty();
    }

    /** The predicted digit as text, empty when there is none. */
    public ReadOnlyStringProperty predictionTextProperty() {
        return reading.predictionTextProperty();
    }

    /** Under the digit: how sure the network is, or "Draw a digit", or why there is no prediction. */
    public ReadOnlyStringProperty detailTextProperty() {
        return reading.detailTextProperty();
    }

    /** What the network reads from the MNIST-style input, e.g. "reads 7 (98.7%)"; empty when nothing is read. */
    public ReadOnlyStringProperty mnistTextProperty() {
        return reading.mnistTextProperty();
    }

    /** What the naive shrink reads, e.g. "reads 3 (41.2%)"; empty when nothing is read. */
    public ReadOnlyStringProperty naiveTextProperty() {
        return reading.naiveTextProperty();
    }

    /** Where the model the tab reads with stands. */
    public ReadOnlyObjectProperty<ModelState> modelStateProperty() {
        return status.stateProperty();
    }

    /** The model's name and test accuracy, or where the model stands. */
    public ReadOnlyStringProperty modelTextProperty() {
        return status.textProperty();
    }

    /** How to get a model when there is no usable one; empty otherwise. */
    public ReadOnlyStringProperty modelHelpProperty() {
        return status.helpProperty();
    }
}
