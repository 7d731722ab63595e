package dev.digitlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.io.ModelWriter;
import dev.digitlab.io.SettingsStore;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import dev.digitlab.train.coach.Advice;
import dev.digitlab.ui.shared.BarDigits;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A loss that becomes NaN is the coach's to explain, in the tab: no error dialog over the window. */
@ExtendWith(ApplicationExtension.class)
class CoachWithoutDialogTest {

    @TempDir
    Path dir;

    private final MainWindowTest.FakePrompts prompts = new MainWindowTest.FakePrompts();
    private final Locale before = Locale.getDefault();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Locale.setDefault(Locale.ENGLISH);
        stage.setWidth(1100);
        stage.setHeight(760);
        MainWindow.Services services = new MainWindow.Services(new MainWindowTest.FakeChooser(), prompts,
                new SettingsStore(dir.resolve("home")), folder -> progress -> BarDigits.dataset(),
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

    @Test
    void aNanLossShowsTheCoachAndTheBannerButNoDialog(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.training().form().layers().textProperty().set("16");
            window.training().form().epochs().textProperty().set("2");
            window.training().form().optimizerProperty().set("sgd");
            window.training().form().learningRate().textProperty().set("1e30");
        });
        robot.clickOn("#trainButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.training().errorProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(), prompts.errors, "no dialog");
        assertTrue(window.training().errorProperty().get().startsWith("the loss became"));
        assertEquals(List.of(Advice.Kind.LOSS_NOT_FINITE), window.training().coach().notes().stream()
                .map(n -> n.advice().kind()).toList());
        assertTrue(robot.lookup("#coach-LOSS_NOT_FINITE").tryQuery().isPresent(), "the coach speaks in the tab");
    }
}
