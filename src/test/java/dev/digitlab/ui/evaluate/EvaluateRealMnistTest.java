package dev.digitlab.ui.evaluate;

import dev.digitlab.ui.shared.ActiveModel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.TestData;
import dev.digitlab.io.ShippedModels;
import dev.digitlab.train.Evaluation;
import dev.digitlab.train.TrainedModel;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The shipped model on the real MNIST test set, as a learner would see it (skipped without MNIST). */
@ExtendWith(ApplicationExtension.class)
class EvaluateRealMnistTest {

    private static MnistDataset mnist;
    private TrainedModel shipped;
    private EvaluateViewModel model;

    /** Here, not in {@code @Start}: a test without data is then skipped, not failed. */
    @BeforeAll
    static void loadMnist() {
        mnist = TestData.mnist();
    }

    @Start
    void start(Stage stage) {
        shipped = new ShippedModels().load();
        ActiveModel active = new ActiveModel();
        active.set(shipped, false);
        model = new EvaluateViewModel(active, progress -> mnist, () -> shipped);
        stage.setScene(new Scene(new EvaluateView(model, (title, name) -> java.util.Optional.empty()).root(),
                1100, 720));
        stage.show();
    }

    @AfterEach
    void closeModel() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void theShippedModelReadsTheTenThousandTestImagesAsItsFileSays(FxRobot robot) throws Exception {
        robot.clickOn("#evaluateButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.results().evaluationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Evaluation e = model.results().evaluationProperty().get();
        assertEquals(10_000, e.count());
        assertEquals(shipped.testAccuracy(), e.accuracy(), 1e-9, "the accuracy stored in the model file");
        int sum = 0;
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                StackPane cell = robot.lookup("#cell-" + a + "-" + p).queryAs(StackPane.class);
                sum += Integer.parseInt(((Label) cell.getChildren().get(0)).getText());
            }
        }
        assertEquals(10_000, sum);
        String summary = robot.lookup("#evaluateSummary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith(String.format(java.util.Locale.ROOT, "Test accuracy %.2f%%",
                100 * shipped.testAccuracy())), summary);
        // The gallery opens on the most frequent mistake; for this model it is more than one image.
        assertTrue(model.mistakes().gallery().size() > 1, "the most frequent mistake: " + model.mistakes().gallery().size());
    }
}
