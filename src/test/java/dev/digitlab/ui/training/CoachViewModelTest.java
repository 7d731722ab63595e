package dev.digitlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.optim.OptimizerConfig;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.NonFiniteLossException;
import dev.digitlab.train.TrainingConfig;
import dev.digitlab.train.coach.Advice.Kind;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoachViewModelTest {

    private final Locale before = Locale.getDefault();
    private final TrainingForm form = new TrainingForm();
    private final CoachViewModel coach = new CoachViewModel(form);
    private final TrainingConfig wild = new TrainingConfig(10, 32, 0.2, 42, OptimizerConfig.adam(0.05, 0));

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    private void jumpingRun() {
        coach.runStarted(ModelSpec.preset("tutorial"), wild);
        coach.epochEnded(new EpochResult(1, 10, 0.9, 0.8, 0.8, 0.8, 1));
        coach.epochEnded(new EpochResult(2, 10, 2.4, 0.5, 2.2, 0.5, 1));
    }

    @Test
    void aJumpingLossShowsOneMessageWhoseTryItWritesTheRateAndBatchIntoTheForm() {
        Locale.setDefault(Locale.ENGLISH);
        jumpingRun();
        coach.epochEnded(new EpochResult(3, 10, 5.0, 0.3, 4.0, 0.3, 1));

        assertEquals(1, coach.notes().size(), "the same advice is said once per run");
        CoachNote note = coach.notes().get(0);
        assertEquals(Kind.LOSS_JUMPED, note.advice().kind());
        assertTrue(note.textProperty().get().startsWith("The loss jumped from 0.900 to 2.400 in epoch 2"),
                note.textProperty().get());
        assertEquals("Try it: learning rate 0.001, batch size 128", note.tryLabelProperty().get());

        coach.tryIt(note);
        assertEquals("0.001", form.learningRate().textProperty().get());
        assertEquals("128", form.batchSize().textProperty().get());
        assertTrue(note.appliedProperty().get());
        assertEquals("Applied: press Train", note.tryLabelProperty().get());
    }

    @Test
    void aMessageCanBeDismissedAndANewRunStartsWithoutTheOldOnes() {
        jumpingRun();
        coach.dismiss(coach.notes().get(0));
        assertEquals(0, coach.notes().size());

        jumpingRun();
        assertEquals(1, coach.notes().size());
        coach.runStarted(ModelSpec.preset("tutorial"), TrainingConfig.tutorial());
        assertEquals(0, coach.notes().size());
    }

    @Test
    void aNanLossAdvisesTheUsualRateAndTheMessageFollowsTheLanguage() {
        Locale.setDefault(Locale.ENGLISH);
        coach.runStarted(ModelSpec.preset("tutorial"), wild);
        coach.runFailed(new NonFiniteLossException("the loss became NaN", 0.05, 1));
        CoachNote note = coach.notes().get(0);
        assertEquals(Kind.LOSS_NOT_FINITE, note.advice().kind());
        assertTrue(note.textProperty().get().contains("0.05 is too high"), note.textProperty().get());

        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        coach.languageChanged();
        assertTrue(note.textProperty().get().startsWith("损失变成了 NaN"), note.textProperty().get());
        assertEquals("试试看：学习率 0.001", note.tryLabelProperty().get());
    }

    @Test
    void otherFailuresDrawNoAdvice() {
        coach.runStarted(ModelSpec.preset("tutorial"), wild);
        coach.runFailed(new IllegalStateException("out of disk"));
        assertEquals(0, coach.notes().size());
    }
}
