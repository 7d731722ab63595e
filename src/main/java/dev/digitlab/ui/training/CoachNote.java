package dev.digitlab.ui.training;

import dev.digitlab.train.coach.Advice;
import dev.digitlab.ui.shared.LocalText;
import dev.digitlab.ui.shared.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * One coach message as the Training tab shows it: the advice, its sentence and the label of its
 * "Try it" button in the current language, and whether the change was applied to the form.
 */
public final class CoachNote {

    private final Advice advice;
    private final LocalText text;
    private final LocalText tryLabel;
    private final ReadOnlyBooleanWrapper applied = new ReadOnlyBooleanWrapper(this, "applied");

    CoachNote(Advice advice) {
        this.advice = advice;
        text = new LocalText(this, "text", () -> Messages.format(advice.kind().key(), advice.args().toArray()));
        tryLabel = new LocalText(this, "tryLabel", () -> CoachViewModel.describe(advice.suggestion()));
    }

    /** What the coach saw and proposes. */
    public Advice advice() {
        return advice;
    }

    /** The message, e.g. "The loss became NaN: the learning rate 0.5 is too high…". */
    public ReadOnlyStringProperty textProperty() {
        return text.property();
    }

    /** The "Try it" button's words, e.g. "Try it: learning rate 0.001"; empty when there is nothing to try. */
    public ReadOnlyStringProperty tryLabelProperty() {
        return tryLabel.property();
    }

    /** Whether "Try it" put the suggestion into the form. */
    public ReadOnlyBooleanProperty appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    void markApplied() {
        applied.set(true);
        tryLabel.set(() -> Messages.get("coach.applied"));
    }

    void recompose() {
        text.recompose();
        tryLabel.recompose();
    }
}
