package dev.digitlab.ui.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.io.ModelWriter;
import dev.digitlab.io.SettingsStore;
import dev.digitlab.io.TutorialProgressStore;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import dev.digitlab.ui.shared.BarDigits;
import dev.digitlab.ui.shell.MainWindow;
import dev.digitlab.ui.shell.MainWindowTest;
import dev.digitlab.ui.shell.Prompts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole tutorial walked in the app with "Do it", on small generated digits. */
@ExtendWith(ApplicationExtension.class)
class TutorialPathTest {

    /** Generous: the first run in a JVM also starts ND4J. */
    private static final long STEP_SECONDS = 120;

    /** Records errors; never asks (no dialog in a test). */
    private static final class QuietPrompts implements Prompts {
        final List<String> errors = new ArrayList<>();

        @Override
        public Choice askSaveChanges(String modelName) {
            return Choice.DISCARD;
        }

        @Override
        public void showError(String sentence, Throwable details) {
            errors.add(sentence);
        }

        @Override
        public void showInfo(String title, String text) {
        }
    }

    @TempDir
    Path dir;

    private final MainWindowTest.FakeChooser chooser = new MainWindowTest.FakeChooser();
    private final QuietPrompts prompts = new QuietPrompts();
    private final Locale before = Locale.getDefault();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Locale.setDefault(Locale.ENGLISH);
        stage.setWidth(1100);
        stage.setHeight(760);
        MainWindow.Services services = new MainWindow.Services(chooser, prompts, new SettingsStore(dir.resolve("home")),
                folder -> progress -> BarDigits.dataset(),
                () -> new TrainedModel("mnist-mlp", Network.create(ModelSpec.parse("784 -> 16 relu -> 10 softmax"), 1),
                        TrainingConfig.tutorial(), null, null, List.of(), Double.NaN, Instant.now()),
                new ModelWriter("test"), 1);
        window = new MainWindow(stage, services);
        stage.show();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    private TutorialViewModel tutorial() {
        return window.tutorial();
    }

    private void showTutorial(FxRobot robot) {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> "tutorialTab".equals(t.getId())).findFirst().orElseThrow()));
    }

    private String selectedTab(FxRobot robot) {
        return robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
    }

    private void awaitDone(TutorialStep step) throws Exception {
        WaitForAsyncUtils.waitFor(STEP_SECONDS, TimeUnit.SECONDS, () -> tutorial().doneProperty(step).get()
                && tutorial().canDoItProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Selects the step, presses Do it and waits until it is done; returns what the step says. */
    private String doStep(FxRobot robot, TutorialStep step) throws Exception {
        robot.interact(() -> tutorial().selectedProperty().set(step));
        WaitForAsyncUtils.waitFor(STEP_SECONDS, TimeUnit.SECONDS, () -> tutorial().canDoItProperty().get());
        assertFalse(tutorial().doneProperty(step).get(), step + " is not done before Do it");
        robot.clickOn("#doItButton");
        awaitDone(step);
        return robot.lookup("#stepResultText").queryAs(Label.class).getText();
    }

    @Test
    void doItOnEveryStepWalksTheWholePathAndEveryStepEndsDone(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.active().modelProperty().get() != null);
        showTutorial(robot);
        assertEquals("0 of 10 steps done", robot.lookup("#tutorialProgress").queryAs(Label.class).getText());

        String counts = doStep(robot, TutorialStep.LOAD);
        assertTrue(counts.startsWith("600 training images and 200 test images, each 28×28 pixels"), counts);
        assertTrue(robot.lookup("#stepResult .sample").queryAll().size() >= 8, "sample images with labels");
        assertTrue(doStep(robot, TutorialStep.PREPARE).contains("784 numbers between 0 and 1"));
        assertTrue(doStep(robot, TutorialStep.BUILD).contains("101,770 weights and biases"));
        assertEquals("128", window.training().form().layers().textProperty().get());
        assertTrue(doStep(robot, TutorialStep.COMPILE).contains("Adam with a learning rate of 0.001"));

        robot.interact(() -> tutorial().selectedProperty().set(TutorialStep.TRAIN));
        robot.clickOn("#doItButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("trainingTab", selectedTab(robot), "the run is watched in the Training tab");
        awaitDone(TutorialStep.TRAIN);
        assertEquals(10, window.training().lastRunProperty().get().history().size());
        showTutorial(robot);

        assertTrue(doStep(robot, TutorialStep.EVALUATE).startsWith("Test accuracy"));
        // PLOT was done by the run (the Training tab drew its curves); Do it draws them here again.
        robot.interact(() -> tutorial().selectedProperty().set(TutorialStep.PLOT));
        robot.clickOn("#doItButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#tutorialCurves").tryQuery().isPresent(), "the curves are drawn");
        String prediction = doStep(robot, TutorialStep.PREDICT);
        assertTrue(prediction.startsWith("Test image"), prediction);

        Path file = dir.resolve("first.json");
        chooser.answers.add(file);
        String saved = doStep(robot, TutorialStep.SAVE);
        assertTrue(Files.isRegularFile(file));
        assertTrue(saved.contains("101,770 weights and biases"), saved);
        assertTrue(saved.contains("It reads 100 of the first 100 test images the same way"), saved);

        robot.interact(() -> tutorial().selectedProperty().set(TutorialStep.IMPROVE));
        robot.clickOn("#doItButton");
        awaitDone(TutorialStep.IMPROVE);
        showTutorial(robot);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#tutorialComparison").tryQuery().isPresent(), "the runs on one chart");

        for (TutorialStep step : TutorialStep.values()) {
            assertTrue(tutorial().doneProperty(step).get(), step + " done");
        }
        robot.clickOn("#faqButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#faq").tryQuery().isPresent(), "the questions learners ask");
        assertEquals("10 of 10 steps done", robot.lookup("#tutorialProgress").queryAs(Label.class).getText());
        assertEquals(List.of(), prompts.errors);
        assertEquals(10, new TutorialProgressStore(dir.resolve("home")).load().size(), "remembered");
    }

    @Test
    void pressingTrainInTheTrainingTabCountsForTheStepsItDoes(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.active().modelProperty().get() != null);
        robot.interact(() -> window.training().form().layers().textProperty().set("16"));
        robot.interact(() -> window.training().form().epochs().textProperty().set("2"));
        robot.clickOn("#trainButton");
        WaitForAsyncUtils.waitFor(STEP_SECONDS, TimeUnit.SECONDS,
                () -> window.training().lastRunProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        for (TutorialStep step : List.of(TutorialStep.LOAD, TutorialStep.PREPARE, TutorialStep.BUILD,
                TutorialStep.COMPILE, TutorialStep.TRAIN, TutorialStep.PLOT, TutorialStep.IMPROVE)) {
            assertTrue(tutorial().doneProperty(step).get(), step + " counts as done");
        }
        assertFalse(tutorial().doneProperty(TutorialStep.EVALUATE).get());
        assertEquals(Set.of("load", "prepare", "build", "compile", "train", "plot", "improve"),
                new TutorialProgressStore(dir.resolve("home")).load());
        showTutorial(robot);
        assertEquals("7 of 10 steps done", robot.lookup("#tutorialProgress").queryAs(Label.class).getText());
    }
}
