package dev.digitlab.ui.draw;

import dev.digitlab.imaging.Preprocessing;

import dev.digitlab.imaging.GrayImage;
import dev.digitlab.imaging.strokes.DrawingReader;
import dev.digitlab.imaging.strokes.Reading;
import dev.digitlab.imaging.strokes.Stroke;
import dev.digitlab.nn.Classifier;
import dev.digitlab.ui.shared.LatestOnlyWorker;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.Percent;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the Draw tab's drawing on a background thread through a {@link LatestOnlyWorker}, so the
 * pen never waits and the prediction follows it within a frame or two, and holds the latest
 * reading and the words about it. Use on the receiving (FX) thread.
 */
final class LiveReading {

    private static final Logger LOG = LoggerFactory.getLogger(LiveReading.class);

    /** One state of the drawing to read; {@code sinceNanos} is the oldest pen move it is the first to show. */
    private record Request(long sequence, List<Stroke> strokes, GrayImage picture, Classifier classifier,
                           Preprocessing recipe, long sinceNanos) {

        Request after(Request older) {
            return new Request(sequence, strokes, picture, classifier, recipe,
                    older.sinceNanos == 0 ? sinceNanos : older.sinceNanos);
        }
    }

    /** {@code notANumber}: the model's probabilities were not numbers, so the reading has none. */
    private record Result(long sequence, Reading reading, String error, boolean notANumber, long sinceNanos,
                          long startedNanos, long finishedNanos) {
    }

    private final DrawingReader reader;
    private final LatestOnlyWorker<Request, Result> worker;
    private final ExecutorService ownThread;
    private final Consumer<ReadTiming> timings;

    private final ReadOnlyObjectWrapper<Reading> reading = new ReadOnlyObjectWrapper<>(this, "reading", Reading.EMPTY);
    private final ReadOnlyIntegerWrapper predictedDigit = new ReadOnlyIntegerWrapper(this, "predictedDigit", -1);
    private final ReadOnlyStringWrapper predictionText = new ReadOnlyStringWrapper(this, "predictionText", "");
    private final ReadOnlyStringWrapper detailText = new ReadOnlyStringWrapper(this, "detailText");
    private final ReadOnlyStringWrapper naiveText = new ReadOnlyStringWrapper(this, "naiveText", "");
    private final ReadOnlyStringWrapper mnistText = new ReadOnlyStringWrapper(this, "mnistText", "");

    /** Why the drawing could not be read (the exception's own message), or null. */
    private String readError;
    /** Whether the model's outputs for the drawing were not numbers (its sums overflow). */
    private boolean notANumber;
    private long sequence;
    /** Results of requests older than this are stale (the drawing was cleared since) and dropped. */
    private long firstCurrent;

    /**
     * @param background runs the reading (closed with {@link #close()})
     * @param receiver   where results are shown, e.g. {@code Platform::runLater}
     * @param timings    told how long each pen move took to show in a prediction
     */
    LiveReading(DrawingReader reader, ExecutorService background, Executor receiver, Consumer<ReadTiming> timings) {
        this.reader = reader;
        this.ownThread = background;
        this.timings = timings;
        this.worker = new LatestOnlyWorker<>(this::work, (older, newer) -> newer.after(older), background, receiver,
                this::show);
    }

    /**
     * Reads {@code picture} if not null, else {@code strokes}, with {@code classifier} (null: no
     * model). {@code sinceNanos} is when the pen move it shows happened, 0 when no pen moved.
     */
    void read(List<Stroke> strokes, GrayImage picture, Classifier classifier, Preprocessing recipe, long sinceNanos) {
        sequence++;
        worker.submit(new Request(sequence, strokes, picture, classifier, recipe, sinceNanos));
    }

    /** Shows the empty reading at once and drops whatever is still being read. */
    void showEmpty() {
        sequence++;
        firstCurrent = sequence;
        showReading(Reading.EMPTY, null, false);
    }

    /** On the background thread. */
    private Result work(Request request) {
        long started = System.nanoTime();
        Reading read;
        String error = null;
        try {
            read = request.picture() != null ? reader.read(request.picture(), request.classifier(), request.recipe())
                    : reader.read(request.strokes(), request.classifier(), request.recipe());
        } catch (RuntimeException e) {
            LOG.warn("the drawing could not be read", e);
            read = Reading.EMPTY;
            error = String.valueOf(e.getMessage());
        }
        boolean notNumbers = !read.finite();
        if (notNumbers) {
            read = read.withoutProbabilities();
        }
        return new Result(request.sequence(), read, error, notNumbers, request.sinceNanos(), started,
                System.nanoTime());
    }

    /** On the receiving (FX) thread. */
    private void show(Result result) {
        if (result.sequence() < firstCurrent) {
            return;
        }
        showReading(result.reading(), result.error(), result.notANumber());
        if (result.sinceNanos() != 0) {
            timings.accept(new ReadTiming(result.sinceNanos(), result.startedNanos(), result.finishedNanos(),
                    System.nanoTime()));
        }
    }

    private void showReading(Reading r, String error, boolean outputsNotNumbers) {
        reading.set(r);
        readError = error;
        notANumber = outputsNotNumbers;
        int digit = r.digit();
        predictedDigit.set(digit);
        predictionText.set(digit < 0 ? "" : Integer.toString(digit));
        describe();
    }

    /** Composes the words about the reading again, e.g. in a new language. */
    void describe() {
        Reading r = reading.get();
        detailText.set(readError != null ? Messages.format("draw.readError", readError)
                : notANumber ? Messages.get("draw.notANumber") : detail(r));
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

    /** Whether a reading waits or is under way on the background thread. */
    boolean busy() {
        return worker.busy();
    }

    /** Stops the background thread. */
    void close() {
        ownThread.shutdownNow();
    }

    ReadOnlyObjectProperty<Reading> readingProperty() {
        return reading.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty predictedDigitProperty() {
        return predictedDigit.getReadOnlyProperty();
    }

    ReadOnlyStringProperty predictionTextProperty() {
        return predictionText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty detailTextProperty() {
        return detailText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty naiveTextProperty() {
        return naiveText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty mnistTextProperty() {
        return mnistText.getReadOnlyProperty();
    }
}
