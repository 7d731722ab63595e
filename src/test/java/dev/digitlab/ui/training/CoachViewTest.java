package dev.digitlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.BarDigits;
import dev.digitlab.data.MnistDataset;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The coach in the Training tab, on a real run that goes wrong. */
@ExtendWith(ApplicationExtension.class)
class CoachViewTest {

    private final MnistDataset bars = BarDigits.dataset();
    private final Locale before = Locale.getDefault();
    private TrainingViewModel model;

    @Start
    void start(Stage stage) {
        Locale.setDefault(Locale.ENGLISH);
        model = new TrainingViewModel(new ActiveModel(), progress -> bars);
        stage.setScene(new Scene(new TrainingView(model).root(), 1100, 720));
        stage.show();
    }

    @AfterEach
    void close() {
        model.close();
        Locale.setDefault(before);
    }

    private static void set(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
    }

    @Test
    void aRunWhoseLossBecomesNanShowsTheCoachInTheTabAndTryItFixesTheRate(FxRobot robot) throws Exception {
        set(robot, "#layersField", "32");
        set(robot, "#epochsField", "3");
        robot.interact(() -> model.form().optimizerProperty().set("sgd"));
        set(robot, "#learningRateField", "1e30");
        robot.clickOn("#trainButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.phaseProperty().get() == TrainingViewModel.Phase.IDLE
                && model.errorProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#coach-LOSS_NOT_FINITE").tryQuery().isPresent(), "the message is in the tab: "
                + model.coach().notes().stream().map(n -> n.advice().kind()).toList() + model.errorProperty().get());
        Button tryIt = robot.lookup("#coach-LOSS_NOT_FINITE .coach-try").queryAs(Button.class);
        assertEquals("Try it: learning rate 0.001", tryIt.getText());
        robot.clickOn(tryIt);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.001", robot.lookup("#learningRateField").queryAs(TextField.class).getText());

        robot.clickOn("#coach-LOSS_NOT_FINITE .coach-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#coach-LOSS_NOT_FINITE").tryQuery().isEmpty(), "dismissed");
    }
}
