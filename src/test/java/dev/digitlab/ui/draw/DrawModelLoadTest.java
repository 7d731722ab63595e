package dev.digitlab.ui.draw;

import dev.digitlab.ui.shared.ActiveModel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.io.ModelFileException;
import dev.digitlab.io.ShippedModels;
import dev.digitlab.train.TrainedModel;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Draw tab while the app loads its model in the background, and when that fails. */
@ExtendWith(ApplicationExtension.class)
class DrawModelLoadTest {

    private static TrainedModel shipped;

    private ActiveModel active;
    private DrawViewModel model;

    @BeforeAll
    static void loadModel() {
        shipped = new ShippedModels().load();
    }

    @Start
    void start(Stage stage) {
        active = new ActiveModel();
        model = new DrawViewModel(active);
        stage.setScene(new Scene(new DrawView(model).root(), 1000, 640));
        stage.show();
    }

    @AfterEach
    void closeModel() {
        model.close();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private String text(FxRobot robot, String id) throws Exception {
        Label label = robot.lookup(id).queryAs(Label.class);
        return fx(label::getText);
    }

    private void load(Callable<TrainedModel> loader) throws Exception {
        fx(() -> {
            active.load(loader);
            return null;
        });
    }

    private void waitForState(DrawViewModel.ModelState state) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.modelStateProperty().get() == state);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theModelLoadsInTheBackgroundAndBecomesActiveAndSaved(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        load(() -> {
            release.await(10, TimeUnit.SECONDS);
            return shipped;
        });
        assertEquals("Loading the shipped model…", text(robot, "#modelLabel"));
        assertFalse(robot.lookup("#modelHelp").query().isVisible());

        release.countDown();
        waitForState(DrawViewModel.ModelState.READY);

        assertSame(shipped, fx(() -> active.modelProperty().get()));
        assertFalse(fx(() -> active.unsavedProperty().get()), "the shipped model is saved");
        assertTrue(text(robot, "#modelLabel").startsWith("Model: mnist-cnn · test accuracy "),
                text(robot, "#modelLabel"));
    }

    @Test
    void aFailedLoadIsExplainedWithWaysToGetAModel(FxRobot robot) throws Exception {
        load(() -> {
            throw new ModelFileException(ShippedModels.BEST.description() + " is missing from this build");
        });
        waitForState(DrawViewModel.ModelState.FAILED);

        assertEquals("The shipped model could not be loaded.", text(robot, "#modelLabel"));
        String help = text(robot, "#modelHelp");
        assertEquals("The shipped model models/mnist-cnn.json is missing from this build. To read digits, train a "
                + "model in the Training tab or open one with File > Open model.", help);
        assertTrue(robot.lookup("#modelHelp").query().isVisible());
    }

    @Test
    void aModelTrainedWhileLoadingIsKept(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        load(() -> {
            release.await(10, TimeUnit.SECONDS);
            return shipped;
        });
        TrainedModel trained = shipped.withName("mlp-128");
        fx(() -> {
            active.set(trained, true);
            return null;
        });
        release.countDown();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertSame(trained, fx(() -> active.modelProperty().get()));
        assertTrue(text(robot, "#modelLabel").startsWith("Model: mlp-128"), text(robot, "#modelLabel"));
    }
}
