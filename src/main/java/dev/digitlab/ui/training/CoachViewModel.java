package dev.digitlab.ui.training;

import dev.digitlab.nn.ModelSpec;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.NonFiniteLossException;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import dev.digitlab.train.coach.Advice;
import dev.digitlab.train.coach.Coach;
import dev.digitlab.train.coach.RunRecord;
import dev.digitlab.train.coach.Suggestion;
import dev.digitlab.ui.shared.Messages;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The coach's messages in the Training tab. The Training view model tells it when a run starts,
 * after each epoch and when the run ends or fails; it asks {@link Coach} about the run so far and
 * shows each new piece of advice once per run. "Try it" writes the suggested change into the form;
 * a message can be dismissed. A new run starts with no messages. Use on the FX thread.
 */
public final class CoachViewModel {

    private final TrainingForm form;
    private final ObservableList<CoachNote> notes = FXCollections.observableArrayList();
    private final ObservableList<CoachNote> notesView = FXCollections.unmodifiableObservableList(notes);
    private final Set<Advice.Kind> said = EnumSet.noneOf(Advice.Kind.class);
    private final List<EpochResult> history = new ArrayList<>();
    private ModelSpec spec;
    private TrainingConfig config;

    /** @param form the form "Try it" changes */
    public CoachViewModel(TrainingForm form) {
        this.form = form;
    }

    /** A run of {@code runSpec} with {@code runConfig} starts: the last run's messages go. */
    void runStarted(ModelSpec runSpec, TrainingConfig runConfig) {
        spec = runSpec;
        config = runConfig;
        history.clear();
        said.clear();
        notes.clear();
    }

    /** An epoch of the current run ended. */
    void epochEnded(EpochResult result) {
        if (spec == null) {
            return;
        }
        history.add(result);
        show(Coach.review(RunRecord.running(spec, config, history)));
    }

    /** The current run ended (or was stopped) with {@code model}. */
    void runEnded(TrainedModel model) {
        if (spec != null) {
            show(Coach.review(RunRecord.ended(spec, config, model.history(), model.testAccuracy())));
        }
    }

    /** The current run failed; a loss that stopped being finite gets advice. */
    void runFailed(Throwable error) {
        if (spec != null && error instanceof NonFiniteLossException) {
            show(Coach.review(RunRecord.diverged(spec, config, history)));
        }
    }

    private void show(List<Advice> advice) {
        for (Advice a : advice) {
            if (said.add(a.kind())) {
                notes.add(new CoachNote(a));
            }
        }
    }

    /** Writes the note's suggested change into the form; the message stays, saying it was applied. */
    public void tryIt(CoachNote note) {
        Suggestion s = note.advice().suggestion();
        if (s.isEmpty() || note.appliedProperty().get()) {
            return;
        }
        if (s.layers() != null) {
            form.layers().textProperty().set(s.layers());
        }
        if (s.dropout() != null) {
            form.dropout().textProperty().set(TrainingForm.number(s.dropout()));
        }
        if (s.learningRate() != null) {
            form.learningRate().textProperty().set(TrainingForm.number(s.learningRate()));
        }
        if (s.batchSize() != null) {
            form.batchSize().textProperty().set(Integer.toString(s.batchSize()));
        }
        if (s.epochs() != null) {
            form.epochs().textProperty().set(Integer.toString(s.epochs()));
        }
        note.markApplied();
    }

    /** Takes the message away. */
    public void dismiss(CoachNote note) {
        notes.remove(note);
    }

    /** Writes the messages again in the default language, which has just changed. */
    void languageChanged() {
        notes.forEach(CoachNote::recompose);
    }

    /** The messages shown, oldest first. */
    public ObservableList<CoachNote> notes() {
        return notesView;
    }

    /** "Try it: learning rate 0.0005, batch size 128"; empty for a suggestion that changes nothing. */
    static String describe(Suggestion s) {
        List<String> parts = new ArrayList<>();
        if (s.layers() != null) {
            parts.add(Messages.format("coach.change.layers", s.layers()));
        }
        if (s.dropout() != null) {
            parts.add(Messages.format("coach.change.dropout", TrainingForm.number(s.dropout())));
        }
        if (s.learningRate() != null) {
            parts.add(Messages.format("coach.change.learningRate", TrainingForm.number(s.learningRate())));
        }
        if (s.batchSize() != null) {
            parts.add(Messages.format("coach.change.batchSize", s.batchSize()));
        }
        if (s.epochs() != null) {
            parts.add(Messages.format("coach.change.epochs", s.epochs()));
        }
        return parts.isEmpty() ? "" : Messages.format("coach.tryIt", String.join(Messages.get("coach.separator"), parts));
    }
}
