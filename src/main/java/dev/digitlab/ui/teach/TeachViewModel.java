package dev.digitlab.ui.teach;

import dev.digitlab.imaging.strokes.Drawing;
import dev.digitlab.imaging.strokes.DrawingReader;
import dev.digitlab.imaging.strokes.LabelledDrawing;
import dev.digitlab.imaging.strokes.Stroke;
import dev.digitlab.train.FineTuneConfig;
import dev.digitlab.train.Teacher;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.ui.draw.DrawViewModel;
import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.DatasetSource;
import dev.digitlab.ui.shared.LocalText;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.Percent;
import java.time.Instant;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Teach it my handwriting" on the Draw tab: the user says which digit the drawing on the paper
 * is (when the reading is wrong, or to keep a right one as an example), the drawing is kept in
 * {@link MyDrawings}, and "Teach the model" fine-tunes the active model on the kept drawings in a
 * {@link TeachTask}, then makes the result the active model, unsaved. Use on the FX thread.
 */
public final class TeachViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(TeachViewModel.class);

    private final ActiveModel active;
    private final DatasetSource data;
    private final MyDrawings mine;
    private final DrawViewModel draw;
    private final FineTuneConfig config;

    private final ReadOnlyIntegerWrapper keptDigit = new ReadOnlyIntegerWrapper(this, "keptDigit", -1);
    private final ReadOnlyBooleanWrapper teaching = new ReadOnlyBooleanWrapper(this, "teaching");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final LocalText stage = new LocalText(this, "stage", () -> "");
    private final LocalText result = new LocalText(this, "result", () -> "");
    private final LocalText notice = new LocalText(this, "notice", () -> "");
    private final BooleanBinding canKeep;
    private final BooleanBinding canTeach;

    /** The strokes kept last, so that a second click on a digit relabels the drawing rather than keeping it twice. */
    private List<Stroke> lastKeptStrokes;
    private LabelledDrawing lastKept;
    private TeachTask task;
    private double taughtSeconds;
    private TrainedModel taughtModel;

    public TeachViewModel(ActiveModel active, DatasetSource data, MyDrawings mine, DrawViewModel draw) {
        this(active, data, mine, draw, FineTuneConfig.standard());
    }

    TeachViewModel(ActiveModel active, DatasetSource data, MyDrawings mine, DrawViewModel draw,
                   FineTuneConfig config) {
        this.active = active;
        this.data = data;
        this.mine = mine;
        this.draw = draw;
        this.config = config;
        canKeep = draw.predictedDigitProperty().greaterThanOrEqualTo(0).and(draw.pictureProperty().isNull())
                .and(teaching.not());
        canTeach = Bindings.isNotEmpty(mine.list()).and(teaching.not())
                .and(draw.modelStateProperty().isEqualTo(DrawViewModel.ModelState.READY));
        // A new drawing on the paper is not kept yet.
        draw.readingProperty().addListener((obs, old, now) -> {
            if (lastKeptStrokes != null && !lastKeptStrokes.equals(draw.strokes())) {
                lastKeptStrokes = null;
                lastKept = null;
                keptDigit.set(-1);
            }
        });
    }

    // ----- keeping drawings -----------------------------------------------------------------

    /** Keeps the drawing on the paper as a drawing of {@code digit} (again: changes its digit). */
    public void keep(int digit) {
        List<Stroke> strokes = draw.strokes();
        if (!canKeep.get() || digit < 0 || digit > 9 || Drawing.extent(strokes) < DrawingReader.MIN_EXTENT) {
            return;
        }
        LabelledDrawing kept = new LabelledDrawing(digit, strokes, Instant.now());
        if (lastKept != null && strokes.equals(lastKeptStrokes)) {
            mine.replace(lastKept, kept);
        } else {
            mine.add(kept);
        }
        lastKept = kept;
        lastKeptStrokes = strokes;
        keptDigit.set(digit);
        int count = mine.counts()[digit];
        notice.set(() -> Messages.format("teach.kept", digit, count));
    }

    /** Keeps the drawing as the digit it is read as (a right reading worth keeping as an example). */
    public void keepAsRead() {
        keep(draw.predictedDigitProperty().get());
    }

    /** A key typed on the Draw tab: a digit keeps the drawing as that digit. */
    public boolean typed(String character) {
        if (character != null && character.length() == 1 && Character.isDigit(character.charAt(0))
                && canKeep.get()) {
            keep(character.charAt(0) - '0');
            return true;
        }
        return false;
    }

    /** Puts a kept drawing on the paper, to see how it is read now. */
    public void open(LabelledDrawing drawing) {
        draw.showDrawing(drawing.strokes());
        lastKept = drawing;
        lastKeptStrokes = drawing.strokes();
        keptDigit.set(drawing.digit());
    }

    /** Forgets a kept drawing. */
    public void delete(LabelledDrawing drawing) {
        mine.remove(drawing);
        if (drawing.equals(lastKept)) {
            lastKept = null;
            lastKeptStrokes = null;
            keptDigit.set(-1);
        }
    }

    // ----- teaching ---------------------------------------------------------------------------

    /** Starts teaching the active model the kept drawings. */
    public void teach() {
        TrainedModel base = active.modelProperty().get();
        if (!canTeach.get() || base == null) {
            return;
        }
        task = new TeachTask(base, mine.list(), data, config);
        teaching.set(true);
        progress.set(0);
        result.set(() -> "");
        stage.set(() -> "");
        taughtModel = null;
        task.messageProperty().addListener((obs, old, now) -> stage.set(() -> taughtLine() + now));
        task.progressProperty().addListener((obs, old, now) -> progress.set(Math.max(0, now.doubleValue())));
        TeachTask running = task;
        // The model is made before it is checked: it becomes the active one at once.
        task.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now.outcome() == null && !running.isCancelled()) {
                taught(now);
            }
        });
        task.setOnSucceeded(e -> finished(running.getValue()));
        task.setOnCancelled(e -> stopped());
        task.setOnFailed(e -> failed(running.getException()));
        Thread thread = new Thread(task, "digitlab-teach");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops teaching; the active model stays as it was. */
    public void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void taught(TeachTask.Result r) {
        active.set(r.model(), true);
        taughtModel = r.model();
        taughtSeconds = r.seconds();
        String doing = running(task);
        stage.set(() -> taughtLine() + doing);
    }

    private static String running(TeachTask t) {
        return t == null || t.getMessage() == null ? "" : t.getMessage();
    }

    /** "Taught in 1.2 s: ... is the active model", and a space; empty before the model is made. */
    private String taughtLine() {
        return taughtModel == null ? ""
                : Messages.format("teach.taught", taughtModel.name(), taughtSeconds) + " ";
    }

    private void finished(TeachTask.Result r) {
        task = null;
        teaching.set(false);
        if (r == null) {
            stopped();
            return;
        }
        progress.set(1);
        // The checked model carries its MNIST figure; it replaces the taught one unless the user
        // has made another model active meanwhile.
        if (taughtModel == null || active.modelProperty().get() == taughtModel) {
            active.set(r.model(), true);
        }
        Teacher.Outcome o = r.outcome();
        double checked = r.seconds();
        double taughtIn = taughtModel != null ? taughtSeconds : checked;
        stage.set(() -> Messages.format("teach.done", r.model().name(), taughtIn, checked));
        result.set(() -> describe(o));
    }

    static String describe(Teacher.Outcome o) {
        String own = Double.isNaN(o.ownAfter())
                ? Messages.format("teach.result.ownFew", Percent.of(o.ownBefore()), Teacher.FOLDS)
                : Messages.format("teach.result.own", Percent.of(o.ownBefore()), Percent.of(o.ownAfter()),
                o.drawings());
        String mnist = Double.isNaN(o.mnistAfter()) || Double.isNaN(o.mnistBefore()) ? ""
                : "\n" + Messages.format("teach.result.mnist", o.mnistBefore(), o.mnistAfter());
        return own + mnist;
    }

    private void stopped() {
        task = null;
        teaching.set(false);
        progress.set(0);
        TrainedModel kept = taughtModel;
        stage.set(() -> kept == null ? Messages.get("teach.stopped")
                : Messages.format("teach.stoppedChecking", kept.name()));
    }

    private void failed(Throwable e) {
        task = null;
        teaching.set(false);
        progress.set(0);
        LOG.warn("teaching failed", e);
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        stage.set(() -> Messages.format("teach.failed", why));
    }

    /** Composes the texts again in the new language. */
    public void languageChanged() {
        stage.recompose();
        result.recompose();
        notice.recompose();
    }

    // ----- properties -----------------------------------------------------------------------

    /** The user's kept drawings. */
    public MyDrawings drawings() {
        return mine;
    }

    /** The digit the drawing on the paper was kept as, or -1. */
    public ReadOnlyIntegerProperty keptDigitProperty() {
        return keptDigit.getReadOnlyProperty();
    }

    /** Whether there is a read drawing to keep. */
    public BooleanBinding canKeepProperty() {
        return canKeep;
    }

    /** Whether "Teach the model" can start: drawings, a usable model, no teaching under way. */
    public BooleanBinding canTeachProperty() {
        return canTeach;
    }

    public ReadOnlyBooleanProperty teachingProperty() {
        return teaching.getReadOnlyProperty();
    }

    /** How far teaching has come, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What teaching is doing, or how it ended. */
    public ReadOnlyStringProperty stageProperty() {
        return stage.property();
    }

    /** The figures before and after the last teaching. */
    public ReadOnlyStringProperty resultProperty() {
        return result.property();
    }

    /** What happened to the last drawing kept. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.property();
    }
}
