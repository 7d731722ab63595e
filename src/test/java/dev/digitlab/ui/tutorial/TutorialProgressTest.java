package dev.digitlab.ui.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.io.TutorialProgressStore;
import dev.digitlab.ui.evaluate.EvaluateViewModel;
import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.BarDigits;
import dev.digitlab.ui.training.TrainingViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steps done are remembered between starts, in tutorial.json. */
class TutorialProgressTest {

    @TempDir
    Path home;

    private TutorialViewModel open(TutorialProgressStore store) {
        ActiveModel active = new ActiveModel();
        TrainingViewModel training = new TrainingViewModel(active, progress -> BarDigits.dataset());
        EvaluateViewModel evaluate = new EvaluateViewModel(active, progress -> BarDigits.dataset(), () -> null);
        return new TutorialViewModel(training, evaluate, active, progress -> BarDigits.dataset(),
                new TutorialViewModel.Hooks(tab -> { }, Optional::empty, new SimpleObjectProperty<>(),
                        new SimpleObjectProperty<>()), store);
    }

    @Test
    void stepsDoneInOneSessionAreDoneInTheNextAndTheFirstOpenStepIsSelected() throws Exception {
        TutorialProgressStore store = new TutorialProgressStore(home);
        TutorialViewModel first = open(store);
        first.doIt(TutorialStep.BUILD);
        first.doIt(TutorialStep.COMPILE);
        assertTrue(first.doneProperty(TutorialStep.BUILD).get());
        first.close();

        TutorialViewModel second = open(new TutorialProgressStore(home));
        assertTrue(second.doneProperty(TutorialStep.BUILD).get());
        assertTrue(second.doneProperty(TutorialStep.COMPILE).get());
        assertFalse(second.doneProperty(TutorialStep.LOAD).get());
        assertEquals(2, second.doneCountProperty().get());
        assertEquals(TutorialStep.LOAD, second.selectedProperty().get());
        second.close();
    }

    @Test
    void startOverForgetsEveryStepInTheFileToo() throws Exception {
        TutorialProgressStore store = new TutorialProgressStore(home);
        store.save(Set.of("load", "prepare"));
        TutorialViewModel tutorial = open(store);
        assertEquals(2, tutorial.doneCountProperty().get());
        assertEquals(TutorialStep.BUILD, tutorial.selectedProperty().get());
        tutorial.startOver();
        assertEquals(0, tutorial.doneCountProperty().get());
        assertEquals(Set.of(), store.load());
        tutorial.close();
    }

    @Test
    void aDamagedOrMissingFileMeansNothingDoneAndWritingLeavesNoTemporaryFile() throws Exception {
        TutorialProgressStore store = new TutorialProgressStore(home);
        assertEquals(Set.of(), store.load());
        Files.writeString(store.file(), "{ not json");
        assertEquals(Set.of(), store.load());
        store.save(Set.of("train", "unknown-step"));
        assertEquals(Set.of("train", "unknown-step"), store.load());
        try (Stream<Path> files = Files.list(home)) {
            assertEquals(List.of(store.file()), files.toList());
        }
        TutorialViewModel tutorial = open(store);
        assertEquals(1, tutorial.doneCountProperty().get(), "a step this version does not know is ignored");
        tutorial.close();
    }

    @Test
    void everyStepHasAKerasSnippetAndATitleInBothLanguages() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            for (java.util.Locale language : List.of(java.util.Locale.ENGLISH, java.util.Locale.SIMPLIFIED_CHINESE)) {
                java.util.Locale.setDefault(language);
                for (TutorialStep step : TutorialStep.values()) {
                    assertFalse(step.title().isBlank(), step + " " + language);
                    assertTrue(step.text().length() > 80, step + " " + language + " explains in a few sentences");
                }
            }
            assertTrue(TutorialStep.PREPARE.text().contains("255"));
            assertEquals(TutorialStep.values().length, Stream.of(TutorialStep.values()).map(TutorialStep::keras)
                    .filter(k -> !k.isBlank()).distinct().count(), "each step its own Keras code");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
