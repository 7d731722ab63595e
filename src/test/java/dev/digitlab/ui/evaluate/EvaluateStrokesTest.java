package dev.digitlab.ui.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.UnipenReader;
import dev.digitlab.data.UnipenText;
import dev.digitlab.imaging.strokes.TabletDigits;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.train.Evaluator;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.BarDigits;
import dev.digitlab.ui.shared.FileChooserService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Evaluate tab's second test set: digits written with a pen, opened from a UNIPEN file. */
@ExtendWith(ApplicationExtension.class)
class EvaluateStrokesTest {

    @TempDir
    static Path folder;

    private final TrainedModel trained = new TrainedModel("m",
            Network.create(ModelSpec.parse("784 -> 16 relu -> 10 softmax"), 5), null, "bars", null, List.of(),
            Double.NaN, Instant.EPOCH);
    private volatile Path answer;
    private EvaluateViewModel model;

    @Start
    void start(Stage stage) {
        ActiveModel active = new ActiveModel();
        MnistDataset data = new MnistDataset("bars", "none", BarDigits.images(20, 1), BarDigits.images(20, 2));
        model = new EvaluateViewModel(active, progress -> data, () -> trained, new SplittableRandom(1));
        FileChooserService chooser = new FileChooserService() {
            @Override
            public Optional<Path> chooseSaveFile(String title, String suggestedName) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseOpenFile(String title, String filterName, String... patterns) {
                return Optional.ofNullable(answer);
            }
        };
        active.set(trained, false);
        stage.setScene(new Scene(new EvaluateView(model, chooser).root(), 1100, 720));
        stage.show();
    }

    @AfterEach
    void close() {
        model.close();
    }

    private void openAndWait(FxRobot robot) throws Exception {
        robot.clickOn("#openStrokesButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.phaseProperty().get() == EvaluateViewModel.Phase.IDLE
                && (model.results().evaluationProperty().get() != null || model.errorProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void openingPenDrawingsTestsTheActiveModelOnThemAndSaysWhatWasTested(FxRobot robot) throws Exception {
        answer = Files.writeString(folder.resolve("digits.tra"), UnipenText.zerosOnesSevens(2, 3));

        openAndWait(robot);

        int[][] expected = Evaluator.evaluate(trained.network(), TabletDigits.images(UnipenReader.read(answer)))
                .confusion();
        int[][] shown = model.results().evaluationProperty().get().confusion();
        for (int a = 0; a < 10; a++) {
            assertArrayEquals(expected[a], shown[a], "row " + a);
        }
        String summary = robot.lookup("#evaluateSummary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("Pen drawings digits.tra: accuracy"), summary);
        assertTrue(summary.endsWith("18 drawings"), summary);
        String status = robot.lookup("#evaluateStatus").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Tested " + trained.name() + " on 18 pen drawings in "), status);
    }

    @Test
    void aBrokenPenFileShowsItsOneLineError(FxRobot robot) throws Exception {
        answer = Files.writeString(folder.resolve("broken.tra"), ".SEGMENT DIGIT 0 ? \"4\"\n.PEN_UP\n");

        openAndWait(robot);

        assertEquals(answer + ":2: .PEN_UP without a .PEN_DOWN before it",
                robot.lookup("#evaluateError").queryAs(Label.class).getText());
    }

    @Test
    void aModelWhoseOutputsAreNotNumbersGetsASentenceNotNaNResults(FxRobot robot) throws Exception {
        for (dev.digitlab.nn.Parameter p : trained.network().parameters()) {
            float[] values = new float[p.size()];
            java.util.Arrays.fill(values, 3e38f);
            trained.network().setParameterValues(p.name(), values);
        }
        answer = Files.writeString(folder.resolve("digits.tra"), UnipenText.zerosOnesSevens(2, 3));

        openAndWait(robot);

        assertEquals(dev.digitlab.ui.shared.Messages.get("evaluate.notANumber"),
                robot.lookup("#evaluateError").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#evaluateError").queryAs(Label.class).getText()
                .startsWith("This model's outputs are not numbers"));
        assertEquals(null, model.results().evaluationProperty().get(), "no NaN results are shown");
    }
}
