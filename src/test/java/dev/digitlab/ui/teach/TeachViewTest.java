package dev.digitlab.ui.teach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.imaging.strokes.Drawing;
import dev.digitlab.imaging.strokes.DrawnDigits;
import dev.digitlab.imaging.strokes.LabelledDrawing;
import dev.digitlab.io.DrawingStore;
import dev.digitlab.io.ShippedModels;
import dev.digitlab.train.Adaptation;
import dev.digitlab.train.FineTuneConfig;
import dev.digitlab.train.Jitter;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.ui.draw.DrawView;
import dev.digitlab.ui.draw.DrawViewModel;
import dev.digitlab.ui.shared.ActiveModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Draw tab's "teach it my handwriting" with the shipped CNN: the robot draws, says what the
 * drawing really is, teaches, and reads the Draw tab again.
 */
@ExtendWith(ApplicationExtension.class)
class TeachViewTest {

    private static TrainedModel shipped;

    @TempDir
    static Path home;

    private ActiveModel active;
    private DrawViewModel draw;
    private TeachViewModel teach;
    private Path file;

    @BeforeAll
    static void loadModel() {
        shipped = new ShippedModels().load();
    }

    /** Images to mix in: noise with a bright row per digit, enough to stand for MNIST here. */
    private static MnistDataset mixIn() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 300;
        float[] pixels = new float[n * 784];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 10);
            for (int p = 0; p < 784; p++) {
                pixels[i * 784 + p] = p / 28 == 4 + 2 * (i % 10) ? 1f : (float) (random.nextDouble() * 0.2);
            }
        }
        ImageSet set = new ImageSet(pixels, labels, 28, 28);
        return new MnistDataset("generated", "none", set, set.slice(0, 100));
    }

    @Start
    void start(Stage stage) throws Exception {
        active = new ActiveModel();
        active.set(shipped, false);
        draw = new DrawViewModel(active);
        file = Files.createTempFile(home, "drawings", ".json");
        Files.delete(file);
        MnistDataset data = mixIn();
        teach = new TeachViewModel(active, progress -> data, new MyDrawings(new DrawingStore(file)), draw,
                new FineTuneConfig(30, 32, 16, 2e-3, Jitter.NONE, 1));
        DrawView view = new DrawView(draw);
        TeachView teachView = new TeachView(teach);
        view.addTeaching(teachView.correction(), teachView.panel());
        view.root().addEventHandler(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            if (teach.typed(e.getCharacter())) {
                e.consume();
            }
        });
        stage.setScene(new Scene(view.root(), 1000, 720));
        stage.setWidth(1000);
        stage.setHeight(720);
        stage.show();
    }

    @AfterEach
    void close() {
        draw.close();
    }

    private void stroke(FxRobot robot, double... xy) {
        Canvas canvas = robot.lookup("#drawCanvas").queryAs(Canvas.class);
        robot.moveTo(screen(canvas, xy[0], xy[1]));
        robot.press(MouseButton.PRIMARY);
        for (int i = 2; i < xy.length; i += 2) {
            robot.moveTo(screen(canvas, xy[i], xy[i + 1]), Motion.DIRECT);
        }
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Point2D screen(Canvas canvas, double x, double y) {
        double k = canvas.getWidth() / Drawing.SIDE;
        return canvas.localToScreen(x * k, y * k);
    }

    private static String shown(FxRobot robot) {
        return robot.lookup("#predictedDigit").queryAs(Label.class).getText();
    }

    private static void waitUntil(String what, long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(what + " did not happen within " + seconds + " s", e);
        }
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aCorrectedDrawingIsTaughtAndThenReadAsTheUserSaid(FxRobot robot) throws Exception {
        stroke(robot, DrawnDigits.oval(140, 140, 60, 95, 24));
        waitUntil("a reading", 10, () -> !shown(robot).isEmpty());
        int read = Integer.parseInt(shown(robot));
        int meant = (read + 6) % 10;

        robot.clickOn("#itIs" + meant);
        Canvas canvas = robot.lookup("#drawCanvas").queryAs(Canvas.class);
        WaitForAsyncUtils.waitForFxEvents(3);
        double paperBefore = fx(canvas::getHeight);
        robot.clickOn("#teachButton");
        waitUntil("teaching", 120, () -> !teach.teachingProperty().get());
        waitUntil("the new reading", 10, () -> shown(robot).equals(Integer.toString(meant)));

        assertEquals(Integer.toString(meant), shown(robot));
        TrainedModel taught = fx(() -> active.modelProperty().get());
        assertEquals("mnist-cnn + my handwriting", taught.name());
        assertEquals(new Adaptation("mnist-cnn", 1), taught.adaptation());
        assertTrue(fx(() -> active.unsavedProperty().get()), "a taught model is not saved yet");
        List<LabelledDrawing> kept = new DrawingStore(file).load();
        assertEquals(1, kept.size());
        assertEquals(meant, kept.get(0).digit());
        Label resultLabel = robot.lookup("#teachResult").queryAs(Label.class);
        String result = resultLabel.getText();
        assertTrue(result.startsWith("Your drawings: 0% before."), result);
        assertTrue(fx(resultLabel::isVisible), "the figures are shown");
        assertEquals(paperBefore, fx(canvas::getHeight), 0.5, "the paper keeps its size when the figures appear");
    }

    @Test
    void aSecondClickChangesTheDigitInsteadOfKeepingTheDrawingTwice(FxRobot robot) throws Exception {
        stroke(robot, 80, 60, 200, 60, 120, 240);
        waitUntil("a reading", 10, () -> !shown(robot).isEmpty());

        robot.clickOn("#itIs2");
        robot.clickOn("#itIs7");

        List<LabelledDrawing> kept = new DrawingStore(file).load();
        assertEquals(1, kept.size());
        assertEquals(7, kept.get(0).digit());
        assertEquals("1", robot.lookup("#count7").queryAs(Label.class).getText());
        assertEquals("0", robot.lookup("#count2").queryAs(Label.class).getText());
    }

    @Test
    void keepAsExampleAddsAThumbnailThatOpensInTheCanvasAndCanBeDeleted(FxRobot robot) throws Exception {
        stroke(robot, 140, 40, 140, 240);
        waitUntil("a reading", 10, () -> !shown(robot).isEmpty());
        String read = shown(robot);

        robot.clickOn("#keepButton");
        HBox thumbnails = robot.lookup("#thumbnails").queryAs(HBox.class);
        assertEquals(1, thumbnails.getChildren().size());
        assertEquals("1", robot.lookup("#count" + read).queryAs(Label.class).getText());

        robot.type(KeyCode.DELETE);
        waitUntil("an empty canvas", 5, () -> shown(robot).isEmpty());
        robot.clickOn(thumbnails.getChildren().get(0));
        waitUntil("the kept drawing read again", 10, () -> shown(robot).equals(read));
        assertEquals(1, fx(() -> draw.strokes().size()));

        robot.moveTo(thumbnails.getChildren().get(0));
        robot.clickOn(".thumb-delete");
        assertEquals(0, thumbnails.getChildren().size());
        assertEquals(List.of(), new DrawingStore(file).load());
    }

    @Test
    void typingADigitKeepsTheDrawingAsThatDigit(FxRobot robot) throws Exception {
        stroke(robot, DrawnDigits.oval(140, 140, 60, 95, 24));
        waitUntil("a reading", 10, () -> !shown(robot).isEmpty());

        robot.type(KeyCode.DIGIT4);

        List<LabelledDrawing> kept = new DrawingStore(file).load();
        assertEquals(1, kept.size());
        assertEquals(4, kept.get(0).digit());
        assertNotEquals(-1, (int) fx(() -> teach.keptDigitProperty().get()));
        assertTrue(robot.lookup("#keptNotice").queryAs(Label.class).getText().startsWith("Kept as your 4"));
    }
}
