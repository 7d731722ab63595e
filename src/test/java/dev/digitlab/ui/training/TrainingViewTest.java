package dev.digitlab.ui.training;

import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.BarDigits;
import dev.digitlab.ui.shared.DatasetSource;
import dev.digitlab.ui.training.Preset;
import dev.digitlab.ui.training.TrainingView;
import dev.digitlab.ui.training.TrainingViewModel;
import dev.digitlab.ui.training.TrainingViewTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.DataException;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.train.TrainedModel;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {

    /** Generous: the first run in a JVM also starts ND4J. */
    private static final long RUN_SECONDS = 60;

    private final MnistDataset bars = BarDigits.dataset();
    private final AtomicInteger loads = new AtomicInteger();
    private volatile DatasetSource source = progress -> bars;
    private ActiveModel active;
    private TrainingViewModel model;

    @Start
    void start(Stage stage) {
        active = new ActiveModel();
        model = new TrainingViewModel(active, progress -> {
            loads.incrementAndGet();
            return source.load(progress);
        });
        stage.setScene(new Scene(new TrainingView(model).root(), 1100, 720));
        stage.show();
    }

    @AfterEach
    void closeModel() {
        model.close();
    }

    /** A small net and few epochs, so a run takes a second or two. */
    private void smallRun(FxRobot robot, int epochs) {
        set(robot, "#layersField", "32");
        set(robot, "#epochsField", Integer.toString(epochs));
        set(robot, "#batchField", "32");
        set(robot, "#learningRateField", "0.01");
    }

    private static void set(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private Button button(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Button.class);
    }

    @SuppressWarnings("unchecked")
    private static LineChart<Number, Number> chart(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(LineChart.class);
    }

    private void waitUntilIdle(long seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                () -> model.phaseProperty().get() == TrainingViewModel.Phase.IDLE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void trainingDrawsCurvesCompletesAndMakesTheModelActiveAndUnsaved(FxRobot robot) throws Exception {
        smallRun(robot, 4);
        robot.clickOn("#trainButton");
        waitUntilIdle(RUN_SECONDS);

        LineChart<Number, Number> accuracy = chart(robot, "#accuracyChart");
        LineChart<Number, Number> loss = chart(robot, "#lossChart");
        assertEquals(2, fx(() -> accuracy.getData().size()), "a training and a validation line");
        XYChart.Series<Number, Number> training = fx(() -> accuracy.getData().get(0));
        assertTrue(fx(() -> training.getData().size()) >= 4, "points along the training curve");
        assertEquals(4, fx(() -> accuracy.getData().get(1).getData().size()), "one validation point per epoch");
        assertEquals(4.0, fx(() -> training.getData().get(training.getData().size() - 1).getXValue().doubleValue()),
                1e-9, "the training curve reaches the last epoch");
        assertEquals(4, fx(() -> loss.getData().get(1).getData().size()));

        assertEquals(1.0, fx(() -> robot.lookup("#trainingProgress").queryAs(ProgressBar.class).getProgress()));
        String test = fx(() -> robot.lookup("#testAccuracyLabel").queryAs(Label.class).getText());
        assertTrue(test.matches("Test accuracy \\(Run 1\\): \\d+\\.\\d\\d%"), test);

        TrainedModel trained = fx(() -> active.modelProperty().get());
        assertNotNull(trained);
        assertTrue(fx(() -> active.unsavedProperty().get()));
        assertEquals(4, trained.history().size());
        assertTrue(trained.testAccuracy() > 0.9, "bars are easy: " + trained.testAccuracy());
        assertEquals(test, String.format("Test accuracy (Run 1): %.2f%%", 100 * trained.testAccuracy()));
        assertEquals("bars", trained.datasetName());
    }

    @Test
    void theEpochAxesLabelWholeEpochsOnly(FxRobot robot) throws Exception {
        for (String id : new String[] {"#accuracyChart", "#lossChart"}) {
            javafx.scene.chart.NumberAxis x = (javafx.scene.chart.NumberAxis) chart(robot, id).getXAxis();
            java.util.List<String> labels = fx(() -> {
                x.requestAxisLayout();
                x.layout();
                return x.getTickMarks().stream().map(t -> x.getTickLabelFormatter().toString(t.getValue()))
                        .filter(l -> !l.isEmpty()).toList();
            });
            assertEquals(java.util.List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), labels, id);
        }
    }

    @Test
    void stopEndsTheRunWithinASecondAndLeavesAUsableModel(FxRobot robot) throws Exception {
        smallRun(robot, 1000);
        robot.clickOn("#trainButton");
        XYChart.Series<Number, Number> validation = fx(() -> chart(robot, "#accuracyChart").getData().get(1));
        WaitForAsyncUtils.waitFor(RUN_SECONDS, TimeUnit.SECONDS, () -> validation.getData().size() >= 2);
        assertFalse(button(robot, "#stopButton").isDisabled());

        robot.clickOn("#stopButton");
        waitUntilIdle(1);

        TrainedModel stopped = fx(() -> active.modelProperty().get());
        assertNotNull(stopped, "the model trained so far becomes the active one");
        assertTrue(stopped.history().size() >= 2 && stopped.history().size() < 1000);
        float[] p = stopped.network().probabilities(bars.test().image(0));
        assertEquals(10, p.length);
        double sum = 0;
        for (float v : p) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-4);
        String status = fx(() -> robot.lookup("#progressLabel").queryAs(Label.class).getText());
        assertTrue(status.startsWith("Stopped after " + stopped.history().size() + " of 1000 epochs"), status);
        assertFalse(fx(() -> robot.lookup("#testAccuracyLabel").queryAs(Label.class).getText()).contains("–"));
        assertFalse(button(robot, "#trainButton").isDisabled());
    }

    @Test
    void closingDuringARunEndsTheTrainingThread(FxRobot robot) throws Exception {
        smallRun(robot, 1000);
        robot.clickOn("#trainButton");
        XYChart.Series<Number, Number> validation = fx(() -> chart(robot, "#accuracyChart").getData().get(1));
        WaitForAsyncUtils.waitFor(RUN_SECONDS, TimeUnit.SECONDS, () -> validation.getData().size() >= 1);
        Thread worker = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("digitlab-training")).findFirst().orElseThrow();
        assertTrue(worker.isDaemon(), "a daemon can never keep the JVM alive");

        robot.interact(model::close);
        worker.join(TimeUnit.SECONDS.toMillis(5));
        assertFalse(worker.isAlive(), "the training thread ended");
        assertEquals(null, fx(() -> active.modelProperty().get()), "a cancelled run leaves no model");
    }

    @Test
    void invalidFieldsAreMarkedAndDisableTrainUntilFixed(FxRobot robot) throws Exception {
        Button train = button(robot, "#trainButton");
        assertFalse(train.isDisabled());
        TextField epochs = robot.lookup("#epochsField").queryAs(TextField.class);

        set(robot, "#epochsField", "abc");
        assertTrue(train.isDisabled());
        assertTrue(epochs.getStyleClass().contains("invalid"));
        assertTrue(epochs.getTooltip().getText().startsWith("Enter a whole number from 1 to 1000"),
                epochs.getTooltip().getText());
        assertTrue(robot.lookup("#fixHint").queryAs(Label.class).isVisible());

        set(robot, "#epochsField", "5");
        assertFalse(train.isDisabled());
        assertFalse(epochs.getStyleClass().contains("invalid"));
        assertTrue(epochs.getTooltip().getText().startsWith("How many times training goes"));

        set(robot, "#learningRateField", "-1");
        assertTrue(train.isDisabled());
        assertTrue(robot.lookup("#learningRateField").queryAs(TextField.class).getStyleClass().contains("invalid"));
        set(robot, "#learningRateField", "0.001");
        assertFalse(train.isDisabled());
    }

    @Test
    void aSecondRunAddsNewCurvesFadesTheFirstAndReplacesTheModelWithoutReloading(FxRobot robot) throws Exception {
        smallRun(robot, 2);
        robot.clickOn("#trainButton");
        waitUntilIdle(RUN_SECONDS);
        TrainedModel first = fx(() -> active.modelProperty().get());

        set(robot, "#seedField", "7");
        robot.clickOn("#trainButton");
        waitUntilIdle(RUN_SECONDS);
        TrainedModel second = fx(() -> active.modelProperty().get());

        assertNotSame(first, second);
        assertEquals(2, second.history().size());
        assertEquals(7, second.config().seed());
        assertEquals(1, loads.get(), "the data is loaded once and kept");
        LineChart<Number, Number> accuracy = chart(robot, "#accuracyChart");
        assertEquals(4, fx(() -> accuracy.getData().size()));
        assertTrue(fx(() -> accuracy.getData().get(0).getNode().getOpacity()) < 1, "the first run is faded");
        assertEquals(1.0, fx(() -> accuracy.getData().get(2).getNode().getOpacity()), "the new run is not");
        assertEquals(2, fx(() -> accuracy.getData().get(3).getData().size()));
        assertTrue(fx(() -> robot.lookup("#testAccuracyLabel").queryAs(Label.class).getText())
                .startsWith("Test accuracy (Run 2): "));
    }

    @Test
    void dataThatCannotBeHadShowsWhatToDoAndTrainWorksAgain(FxRobot robot) throws Exception {
        String reason = "No MNIST data found; put train-images-idx3-ubyte.gz into /tmp/nowhere, or name a folder "
                + "holding them with --data DIR or DIGITLAB_DATA";
        source = progress -> {
            throw new DataException(reason);
        };
        robot.clickOn("#trainButton");
        waitUntilIdle(10);
        Label error = robot.lookup("#errorLabel").queryAs(Label.class);
        assertTrue(fx(error::isVisible));
        assertEquals(reason, fx(error::getText));
        assertFalse(button(robot, "#trainButton").isDisabled());
        assertEquals(null, fx(() -> active.modelProperty().get()));

        source = progress -> bars;
        smallRun(robot, 1);
        robot.clickOn("#trainButton");
        waitUntilIdle(RUN_SECONDS);
        assertFalse(fx(error::isVisible), "a good run clears the message");
        assertNotNull(fx(() -> active.modelProperty().get()));
    }

    @Test
    void runningOutOfMemoryEndsTheRunWithAdvice(FxRobot robot) throws Exception {
        source = progress -> {
            throw new OutOfMemoryError("Java heap space");
        };
        robot.clickOn("#trainButton");
        waitUntilIdle(10);
        assertEquals("Not enough memory for this network: try fewer or smaller hidden layers, or a smaller batch size.",
                fx(() -> robot.lookup("#errorLabel").queryAs(Label.class).getText()));
        assertFalse(button(robot, "#trainButton").isDisabled());
    }

    @Test
    void aDownloadShowsItsProgressBeforeTraining(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        source = progress -> {
            progress.progress("train-images-idx3-ubyte.gz", 3_100_000, 9_900_000);
            try {
                release.await(RUN_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return bars;
        };
        smallRun(robot, 1);
        robot.clickOn("#trainButton");
        Label text = robot.lookup("#progressLabel").queryAs(Label.class);
        ProgressBar bar = robot.lookup("#trainingProgress").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text.getText().contains("3.1 / 9.9 MB"));
        assertEquals("Downloading MNIST (train-images-idx3-ubyte.gz)… 3.1 / 9.9 MB", fx(text::getText));
        assertEquals(3.1 / 9.9, fx(bar::getProgress), 1e-9);
        assertTrue(button(robot, "#trainButton").isDisabled());

        release.countDown();
        waitUntilIdle(RUN_SECONDS);
        assertNotNull(fx(() -> active.modelProperty().get()));
    }

    @Test
    void aLossThatBlowsUpEndsTheRunWithAdviceInTheTab(FxRobot robot) throws Exception {
        smallRun(robot, 2);
        robot.interact(() -> model.form().optimizerProperty().set("sgd"));
        set(robot, "#learningRateField", "1e30");
        robot.clickOn("#trainButton");
        waitUntilIdle(RUN_SECONDS);
        String error = fx(() -> robot.lookup("#errorLabel").queryAs(Label.class).getText());
        assertTrue(error.startsWith("the loss became") && error.contains("the learning rate 1.0E30 is probably too large"),
                error);
        assertEquals(null, fx(() -> active.modelProperty().get()));
        assertFalse(button(robot, "#trainButton").isDisabled());
    }

    @Test
    void presetsFillTheForm(FxRobot robot) throws Exception {
        robot.interact(() -> model.form().presetProperty().set(Preset.DROPOUT));
        assertEquals("256, 128", robot.lookup("#layersField").queryAs(TextField.class).getText());
        assertEquals("0.2", robot.lookup("#dropoutField").queryAs(TextField.class).getText());
        set(robot, "#epochsField", "3");
        robot.interact(() -> model.form().presetProperty().set(Preset.TUTORIAL));
        assertEquals("128", robot.lookup("#layersField").queryAs(TextField.class).getText());
        assertEquals("0", robot.lookup("#dropoutField").queryAs(TextField.class).getText());
        assertEquals("10", robot.lookup("#epochsField").queryAs(TextField.class).getText());
        assertEquals("784 → 128 relu → 10 softmax\n101,770 weights and biases to learn",
                robot.lookup("#modelSummary").queryAs(Label.class).getText());
    }

    @Test
    void theCnnPresetShowsItsLayersAndCountsTheConvWeightsToo(FxRobot robot) {
        robot.interact(() -> model.form().presetProperty().set(Preset.CNN));
        assertEquals("conv5x5x32, pool2, conv3x3x64, pool2, 128",
                robot.lookup("#layersField").queryAs(TextField.class).getText());
        assertEquals("0.3", robot.lookup("#dropoutField").queryAs(TextField.class).getText());
        // conv (5*5*1+1)*32 + conv (3*3*32+1)*64 + dense (64*5*5+1)*128 + softmax (128+1)*10
        assertEquals("28×28 → conv 5x5x32 relu (32×24×24) → maxpool 2 (32×12×12) → conv 3x3x64 relu (64×10×10)"
                        + " → maxpool 2 (64×5×5) → flatten (1600) → 128 relu → dropout 0.3 → 10 softmax"
                        + "\n225,546 weights and biases to learn",
                robot.lookup("#modelSummary").queryAs(Label.class).getText());
        assertFalse(button(robot, "#trainButton").isDisabled());
    }

    @Test
    void aSmallCnnTypedIntoTheLayersFieldTrainsAndBecomesTheActiveModel(FxRobot robot) throws Exception {
        smallRun(robot, 4);
        set(robot, "#layersField", "conv3x3x4, pool2, 16");
        robot.clickOn("#trainButton");
        waitUntilIdle(RUN_SECONDS);

        TrainedModel trained = fx(() -> active.modelProperty().get());
        assertNotNull(trained, "error: " + fx(() -> model.errorProperty().get()));
        assertEquals("cnn-4-16", trained.name());
        assertEquals("784 -> conv 3x3x4 relu -> maxpool 2 -> flatten -> 16 relu -> 10 softmax",
                trained.network().spec().toString());
        assertEquals(4, trained.history().size());
        assertTrue(trained.testAccuracy() > 0.9, "bars are easy: " + trained.testAccuracy());
    }

    @Test
    void aBadLayerTokenShowsTheReasonAndDisablesTrain(FxRobot robot) {
        set(robot, "#layersField", "conv5x5x32, pool2, 128, pool2");
        TextField field = robot.lookup("#layersField").queryAs(TextField.class);
        assertTrue(field.getStyleClass().contains("invalid"));
        assertTrue(field.getTooltip().getText().startsWith(
                "Put the conv and pool layers before the dense ones: “pool2” comes after 128."), field.getTooltip().getText());
        assertTrue(button(robot, "#trainButton").isDisabled());
        assertTrue(robot.lookup("#fixHint").queryAs(Label.class).isVisible());
        assertEquals("", robot.lookup("#modelSummary").queryAs(Label.class).getText());

        set(robot, "#layersField", "conv5x5x32, pool2, 128");
        assertFalse(field.getStyleClass().contains("invalid"));
        assertFalse(button(robot, "#trainButton").isDisabled());
    }
}
