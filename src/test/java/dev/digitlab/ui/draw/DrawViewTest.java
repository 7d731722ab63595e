package dev.digitlab.ui.draw;

import dev.digitlab.imaging.strokes.Drawing;
import dev.digitlab.imaging.strokes.DrawingReader;
import dev.digitlab.imaging.strokes.DrawnDigits;
import dev.digitlab.imaging.strokes.Reading;
import dev.digitlab.ui.draw.DrawView;
import dev.digitlab.ui.draw.DrawViewModel;
import dev.digitlab.ui.draw.DrawViewTest;
import dev.digitlab.ui.draw.DrawingPad;
import dev.digitlab.ui.draw.LatencyLog;
import dev.digitlab.ui.draw.PixelGrid;
import dev.digitlab.ui.draw.ProbabilityChart;
import dev.digitlab.ui.draw.ReadTiming;
import dev.digitlab.ui.shared.ActiveModel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.imaging.GrayImage;
import dev.digitlab.io.ShippedModels;
import dev.digitlab.train.TrainedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/** The Draw tab with the shipped model: the robot draws with the mouse and reads what is shown. */
@ExtendWith(ApplicationExtension.class)
public class DrawViewTest {

    private static TrainedModel shipped;
    /** Every pen-to-prediction timing of the whole class, reported at the end (not asserted). */
    private static final List<ReadTiming> TIMINGS = new ArrayList<>();

    private ActiveModel active;
    private DrawViewModel model;
    private Stage stage;

    @BeforeAll
    static void loadModel() {
        shipped = new ShippedModels().load();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        active = new ActiveModel();
        active.set(shipped, false);
        model = new DrawViewModel(active, new DrawingReader(), Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-draw");
            t.setDaemon(true);
            return t;
        }), Platform::runLater, TIMINGS::add);
        // Within Monocle's 1280x800 headless screen, with room to grow.
        stage.setScene(new Scene(new DrawView(model).root(), 1000, 640));
        stage.setWidth(1000);
        stage.setHeight(640);
        stage.show();
    }

    @AfterEach
    void closeModel() {
        model.close();
    }

    @AfterAll
    static void reportTimings() {
        if (!TIMINGS.isEmpty()) {
            System.out.println("Draw tab under the TestFX robot: "
                    + LatencyLog.describe(TIMINGS.toArray(new ReadTiming[0])));
        }
    }

    // ----- drawing with the robot -------------------------------------------------------------

    /**
     * Drags the mouse through the corners {@code xy}, in drawing units. The robot moves in steps of
     * about a screen pixel, each a mouse event, as a hand does.
     */
    private void stroke(FxRobot robot, double... xy) {
        Canvas canvas = robot.lookup("#drawCanvas").queryAs(Canvas.class);
        robot.moveTo(screen(canvas, xy[0], xy[1]));
        robot.press(MouseButton.PRIMARY);
        for (int i = 2; i < xy.length; i += 2) {
            robot.moveTo(screen(canvas, xy[i], xy[i + 1]), Motion.DIRECT);
        }
        robot.release(MouseButton.PRIMARY);
        settle();
    }

    private static Point2D screen(Canvas canvas, double x, double y) {
        double k = canvas.getWidth() / Drawing.SIDE;
        return canvas.localToScreen(x * k, y * k);
    }

    /** Waits until the drawing's last state has been read and shown. */
    private void settle() {
        try {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.reading());
            WaitForAsyncUtils.waitForFxEvents();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the drawing was not read within 10 s", e);
        }
    }

    private static double[] oval(double cx, double cy, double rx, double ry) {
        return DrawnDigits.oval(cx, cy, rx, ry, 20);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private String text(FxRobot robot, String id) throws Exception {
        Label label = robot.lookup(id).queryAs(Label.class);
        return fx(label::getText);
    }

    private float[] shownProbabilities(FxRobot robot) throws Exception {
        ProbabilityChart chart = robot.lookup("#probabilityChart").queryAs(ProbabilityChart.class);
        return fx(chart::probabilities);
    }

    // ----- the tests --------------------------------------------------------------------------

    @Test
    void aBarReadsAsOneAndTheShownProbabilitiesSumToOne(FxRobot robot) throws Exception {
        stroke(robot, 140, 40, 140, 240);

        assertEquals("1", text(robot, "#predictedDigit"));
        assertTrue(text(robot, "#predictionDetail").endsWith(" sure"), text(robot, "#predictionDetail"));
        float[] p = shownProbabilities(robot);
        double sum = 0;
        for (float v : p) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-4);
        assertEquals(1, Reading.argmax(p));
        PixelGrid input = robot.lookup("#networkInput").queryAs(PixelGrid.class);
        assertNotNull(fx(input::values), "the network's input is shown");
    }

    /** A test-set style '1' on a 28x28 field, ink high: a slightly slanted bar with a soft edge. */
    private static GrayImage pictureOfOne() {
        float[] one = new float[28 * 28];
        for (int row = 4; row < 24; row++) {
            int col = 13 + (23 - row) / 8;
            one[row * 28 + col] = 1f;
            one[row * 28 + col + 1] = 0.8f;
        }
        return new GrayImage(28, 28, one);
    }

    /** How bright the paper looks on screen at ({@code x}, {@code y}), in drawing units. */
    private double brightnessAt(FxRobot robot, double x, double y) throws Exception {
        Canvas canvas = robot.lookup("#drawCanvas").queryAs(Canvas.class);
        return fx(() -> {
            double k = canvas.getWidth() / Drawing.SIDE;
            Point2D at = canvas.localToScene(x * k, y * k);
            return stage.getScene().snapshot(null).getPixelReader().getColor((int) at.getX(), (int) at.getY())
                    .getBrightness();
        });
    }

    @Test
    void aShownPictureIsReadLikeADrawingAndTheFirstStrokeReplacesIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> model.showPicture(pictureOfOne())).get(5, TimeUnit.SECONDS);
        settle();
        // Pixel (15, 14) of the picture is full ink; each picture pixel is 10 drawing units.
        assertTrue(brightnessAt(robot, 150, 145) < 0.5, "the picture is drawn in ink on the paper");
        assertEquals("1", text(robot, "#predictedDigit"));
        PixelGrid input = robot.lookup("#networkInput").queryAs(PixelGrid.class);
        assertNotNull(fx(input::values), "the network's input is shown");
        assertFalse(robot.lookup("#clearButton").query().isDisabled(), "the picture can be cleared");

        stroke(robot, oval(140, 140, 65, 100));

        assertNull(fx(() -> model.pictureProperty().get()), "the stroke took the picture's place");
        assertEquals(1, fx(() -> model.strokes().size()));
        assertEquals("0", text(robot, "#predictedDigit"));
        // The oval's inside: paper again.
        assertTrue(brightnessAt(robot, 150, 145) > 0.85, "the picture is gone from the paper");
    }

    @Test
    void undoRemovesAShownPicture(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> model.showPicture(pictureOfOne())).get(5, TimeUnit.SECONDS);
        settle();
        assertEquals("1", text(robot, "#predictedDigit"));

        robot.clickOn("#undoButton");
        settle();

        assertNull(fx(() -> model.pictureProperty().get()));
        assertEquals("", text(robot, "#predictedDigit"));
        assertEquals("Draw a digit", text(robot, "#predictionDetail"));
        assertTrue(robot.lookup("#undoButton").query().isDisabled());
    }

    @Test
    void anOvalReadsAsZero(FxRobot robot) throws Exception {
        stroke(robot, oval(140, 140, 65, 100));
        assertEquals("0", text(robot, "#predictedDigit"));
    }

    @Test
    void aSevenInTwoStrokesReadsAsSevenAndUndoTakesBackTheSecond(FxRobot robot) throws Exception {
        stroke(robot, 220, 50, 110, 250);
        stroke(robot, 60, 50, 220, 50);
        assertEquals("7", text(robot, "#predictedDigit"));
        assertEquals(2, fx(() -> model.strokes().size()));

        robot.clickOn("#undoButton");
        settle();

        assertEquals(1, fx(() -> model.strokes().size()), "one stroke left on the canvas");
        assertEquals("1", text(robot, "#predictedDigit"), "the slant alone reads as a 1");

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        settle();
        assertEquals(0, fx(() -> model.strokes().size()));
        assertEquals("", text(robot, "#predictedDigit"));
        assertEquals("Draw a digit", text(robot, "#predictionDetail"));
    }

    @Test
    void clearEmptiesTheCanvasAndThePrediction(FxRobot robot) throws Exception {
        stroke(robot, 140, 40, 140, 240);
        assertEquals("1", text(robot, "#predictedDigit"));

        robot.clickOn("#clearButton");
        settle();

        assertEquals(0, fx(() -> model.strokes().size()));
        assertEquals("", text(robot, "#predictedDigit"));
        assertEquals("Draw a digit", text(robot, "#predictionDetail"));
        assertNull(shownProbabilities(robot), "the bars are cleared");
        PixelGrid input = robot.lookup("#networkInput").queryAs(PixelGrid.class);
        assertNull(fx(input::values));
        assertTrue(robot.lookup("#clearButton").query().isDisabled());
        assertTrue(robot.lookup("#undoButton").query().isDisabled());
    }

    @Test
    void deleteAndEscapeClearToo(FxRobot robot) throws Exception {
        for (KeyCode key : new KeyCode[] {KeyCode.DELETE, KeyCode.ESCAPE}) {
            stroke(robot, 140, 40, 140, 240);
            assertEquals("1", text(robot, "#predictedDigit"));
            robot.type(key);
            settle();
            assertEquals("", text(robot, "#predictedDigit"), key + " clears");
            assertEquals(0, fx(() -> model.strokes().size()));
        }
    }

    @Test
    void aClickIsNotADigit(FxRobot robot) throws Exception {
        robot.clickOn("#drawCanvas");
        settle();
        assertEquals("", text(robot, "#predictedDigit"));
        assertEquals("Draw a digit", text(robot, "#predictionDetail"));
    }

    @Test
    void theNaiveToggleShowsTheShrunkCanvasWithItsOwnReading(FxRobot robot) throws Exception {
        Node naive = robot.lookup("#naiveInput").query();
        assertFalse(fx(() -> naive.getParent().isVisible()));
        // A small 7 in the corner: easy to read when centred, not when shrunk with its margins.
        stroke(robot, 20, 20, 80, 20, 40, 110);
        assertEquals("7", text(robot, "#predictedDigit"));

        robot.clickOn("#naiveToggle");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(fx(() -> naive.getParent().isVisible()));
        assertNotNull(fx(((PixelGrid) naive)::values));
        assertTrue(text(robot, "#naiveReads").startsWith("reads "), text(robot, "#naiveReads"));
        assertTrue(text(robot, "#mnistReads").startsWith("reads 7 ("), text(robot, "#mnistReads"));
    }

    @Test
    void theModelsNameAndTestAccuracyAreShown(FxRobot robot) throws Exception {
        assertEquals(String.format("Model: %s · test accuracy %.2f%%", shipped.name(), 100 * shipped.testAccuracy()),
                text(robot, "#modelLabel"));
    }

    @Test
    void thePenWidthSliderSetsTheNextStrokesWidth(FxRobot robot) throws Exception {
        Slider pen = robot.lookup("#penWidth").queryAs(Slider.class);
        assertEquals(DrawViewModel.DEFAULT_PEN_WIDTH, fx(pen::getValue));
        robot.interact(() -> pen.setValue(40));
        stroke(robot, 140, 40, 140, 240);
        assertEquals(40, fx(() -> model.strokes().get(0).width()));
    }

    @Test
    void theCanvasStaysSquareAndTheDrawingKeepsItsReadingWhenTheWindowGrows(FxRobot robot) throws Exception {
        Canvas canvas = robot.lookup("#drawCanvas").queryAs(Canvas.class);
        stroke(robot, oval(140, 140, 65, 100));
        double before = fx(canvas::getWidth);
        float[] input = fx(() -> model.readingProperty().get().input().values());
        assertTrue(before >= DrawingPad.MIN_SIDE);
        assertEquals(before, fx(canvas::getHeight));

        robot.interact(() -> {
            stage.setWidth(1240);
            stage.setHeight(790);
        });
        WaitForAsyncUtils.waitForFxEvents();

        double after = fx(canvas::getWidth);
        assertTrue(after > before, after + " > " + before);
        assertEquals(after, fx(canvas::getHeight));
        assertEquals("0", text(robot, "#predictedDigit"));
        assertArrayEquals(input,
                fx(() -> model.readingProperty().get().input().values()), "the same drawing, read the same");
    }
}
