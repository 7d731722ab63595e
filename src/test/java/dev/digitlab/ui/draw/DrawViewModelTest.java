package dev.digitlab.ui.draw;

import dev.digitlab.imaging.strokes.DrawingReader;
import dev.digitlab.imaging.strokes.Reading;
import dev.digitlab.ui.draw.DrawViewModel;
import dev.digitlab.ui.draw.DrawViewModelTest;
import dev.digitlab.ui.draw.HeldExecutor;
import dev.digitlab.ui.draw.ReadTiming;
import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.Percent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.io.ShippedModels;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.train.TrainedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Draw tab's logic without the FX thread: the background thread is held until a test lets
 * it run, and results are shown on the test's thread.
 */
class DrawViewModelTest {

    private static TrainedModel shipped;

    private final ActiveModel active = new ActiveModel();
    private final HeldExecutor background = new HeldExecutor();
    private final List<ReadTiming> timings = new ArrayList<>();
    private final DrawViewModel model = new DrawViewModel(active, new DrawingReader(), background, Runnable::run,
            timings::add);

    @BeforeAll
    static void loadModel() {
        shipped = new ShippedModels().load();
    }

    @AfterEach
    void close() {
        model.close();
    }

    /** A vertical bar: a 1. */
    private void drawOne() {
        model.beginStroke(140, 40);
        for (int y = 50; y <= 240; y += 10) {
            model.extendStroke(140, y);
        }
        model.endStroke();
    }

    private void drawLine(double x0, double y0, double x1, double y1) {
        model.beginStroke(x0, y0);
        for (int k = 1; k <= 20; k++) {
            model.extendStroke(x0 + (x1 - x0) * k / 20, y0 + (y1 - y0) * k / 20);
        }
        model.endStroke();
    }

    @Test
    void withoutAModelTheTabSaysHowToGetOne() {
        assertEquals(DrawViewModel.ModelState.NONE, model.modelStateProperty().get());
        assertEquals("No model loaded", model.modelTextProperty().get());
        assertTrue(model.modelHelpProperty().get().contains("Training tab"), model.modelHelpProperty().get());
        assertTrue(model.modelHelpProperty().get().contains("File > Open model"), model.modelHelpProperty().get());
        assertEquals("Draw a digit", model.detailTextProperty().get());
    }

    @Test
    void aLanguageSwitchRewritesTheModelLineAndTheWordsUnderTheDigit() {
        drawOne();
        background.runAll();
        assertEquals("No model to read it yet.", model.detailTextProperty().get());
        ResourceBundle chinese = ResourceBundle.getBundle(Messages.BUNDLE, Locale.SIMPLIFIED_CHINESE);
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            model.languageChanged();

            assertEquals(chinese.getString("draw.model.none"), model.modelTextProperty().get());
            assertEquals(chinese.getString("draw.model.howToGet"), model.modelHelpProperty().get());
            assertEquals(chinese.getString("draw.noModel"), model.detailTextProperty().get());
        } finally {
            Locale.setDefault(before);
        }
        model.languageChanged();
        assertEquals("No model loaded", model.modelTextProperty().get());
        assertEquals("No model to read it yet.", model.detailTextProperty().get());
    }

    @Test
    void withoutAModelTheDrawingIsStillPreparedButNotRead() {
        drawOne();
        background.runAll();
        assertTrue(model.readingProperty().get().drawn(), "the network input is shown");
        assertEquals(-1, model.predictedDigitProperty().get());
        assertEquals("", model.predictionTextProperty().get());
        assertEquals("No model to read it yet.", model.detailTextProperty().get());
    }

    @Test
    void theModelsNameAndTestAccuracyAreShown() {
        active.set(shipped, false);
        assertEquals(DrawViewModel.ModelState.READY, model.modelStateProperty().get());
        assertEquals(String.format("Model: %s · test accuracy %.2f%%", shipped.name(), 100 * shipped.testAccuracy()),
                model.modelTextProperty().get());
        assertEquals("", model.modelHelpProperty().get());
        active.unsavedProperty().set(true);
        assertTrue(model.modelTextProperty().get().endsWith(" · not saved"), model.modelTextProperty().get());
    }

    @Test
    void thePredictionFollowsOnceTheBackgroundHasReadTheDrawing() {
        active.set(shipped, false);
        drawOne();
        assertEquals(-1, model.predictedDigitProperty().get(), "the pen never waits for the reading");

        background.runAll();

        assertEquals(1, model.predictedDigitProperty().get());
        assertEquals("1", model.predictionTextProperty().get());
        assertTrue(model.detailTextProperty().get().endsWith(" sure"), model.detailTextProperty().get());
        double sum = 0;
        for (float p : model.readingProperty().get().probabilities()) {
            sum += p;
        }
        assertEquals(1.0, sum, 1e-4);
    }

    @Test
    void movesWhileAReadingWaitsAreReadOnceAsTheNewestDrawing() {
        active.set(shipped, false);
        drawOne();
        assertEquals(1, background.waiting(), "one background task for 21 pen moves");

        background.runAll();

        assertEquals(1, timings.size(), "one reading");
        Reading expected = new DrawingReader().read(model.strokes(), shipped.network(), shipped.preprocessing());
        assertArrayEquals(expected.input().values(), model.readingProperty().get().input().values(),
                "the reading is of the whole stroke");
        ReadTiming t = timings.get(0);
        assertTrue(t.movedNanos() <= t.startedNanos() && t.startedNanos() <= t.finishedNanos()
                && t.finishedNanos() <= t.shownNanos(), t.toString());
    }

    @Test
    void eachMoveIsReadWhenTheBackgroundKeepsUp() {
        active.set(shipped, false);
        model.beginStroke(140, 40);
        background.runAll();
        for (int y = 50; y <= 240; y += 10) {
            model.extendStroke(140, y);
            background.runAll();
        }
        assertEquals(21, timings.size());
        assertEquals(1, model.predictedDigitProperty().get());
    }

    @Test
    void aClickIsNotADigit() {
        active.set(shipped, false);
        model.beginStroke(140, 140);
        model.endStroke();
        background.runAll();
        assertEquals(-1, model.predictedDigitProperty().get());
        assertEquals("Draw a digit", model.detailTextProperty().get());
        assertEquals(1, model.strokeCountProperty().get());
        assertTrue(model.canUndoProperty().get());
    }

    @Test
    void undoTakesBackTheLastStrokeAndReadsAgain() {
        active.set(shipped, false);
        // A 7 in two strokes: the slant down, then the bar along the top.
        drawLine(220, 50, 110, 250);
        drawLine(60, 50, 220, 50);
        background.runAll();
        assertEquals(7, model.predictedDigitProperty().get());
        assertEquals(2, model.strokeCountProperty().get());

        model.undo();
        background.runAll();

        assertEquals(1, model.strokeCountProperty().get());
        assertEquals(1, model.strokes().size());
        assertEquals(1, model.predictedDigitProperty().get(), "the slant alone reads as a 1");
        assertTrue(model.readingProperty().get().drawn());
    }

    @Test
    void clearEmptiesEverythingAtOnceAndDropsReadingsStillUnderWay() {
        active.set(shipped, false);
        drawOne();
        background.runAll();
        drawLine(60, 140, 220, 140);

        model.clear();

        assertSame(Reading.EMPTY, model.readingProperty().get());
        assertEquals(-1, model.predictedDigitProperty().get());
        assertEquals("Draw a digit", model.detailTextProperty().get());
        assertEquals(0, model.strokeCountProperty().get());
        assertFalse(model.canUndoProperty().get());
        background.runAll();
        assertSame(Reading.EMPTY, model.readingProperty().get(), "the reading of the old drawing is dropped");
    }

    /**
     * A model whose sums overflow gives NaN: the tab says so in a sentence instead of showing NaN
     * bars and a made-up digit, keeps the drawing and its network input, and reads again with a
     * working model.
     */
    @Test
    void aModelWhoseOutputsAreNotNumbersIsSaidSoAndTheDrawingIsKept() {
        Network overflowing = Network.create(ModelSpec.parse("784 -> 8 relu -> 10 softmax"), 1);
        for (dev.digitlab.nn.Parameter p : overflowing.parameters()) {
            float[] values = new float[p.size()];
            java.util.Arrays.fill(values, 3e38f);
            overflowing.setParameterValues(p.name(), values);
        }
        active.set(new TrainedModel("overflow", overflowing, null, "MNIST", null, List.of(), Double.NaN, null), false);
        drawOne();
        background.runAll();

        assertEquals(-1, model.predictedDigitProperty().get());
        assertEquals("", model.predictionTextProperty().get());
        assertNull(model.readingProperty().get().probabilities());
        assertTrue(model.readingProperty().get().drawn(), "the network input is still shown");
        assertEquals(Messages.get("draw.notANumber"), model.detailTextProperty().get());
        assertTrue(model.detailTextProperty().get().startsWith("This model's outputs are not numbers"),
                model.detailTextProperty().get());
        assertEquals(1, model.strokeCountProperty().get(), "the drawing is kept");

        active.set(shipped, false);
        background.runAll();
        assertEquals(1, model.predictedDigitProperty().get());
        assertTrue(model.detailTextProperty().get().endsWith(" sure"), model.detailTextProperty().get());
    }

    @Test
    void aNewActiveModelReadsTheDrawingAgainAtOnce() {
        active.set(shipped, false);
        drawOne();
        background.runAll();
        Network other = Network.create(ModelSpec.parse("784 -> 16 relu -> 10 softmax"), 7);
        TrainedModel trained = new TrainedModel("mlp-16", other, null, "MNIST", null, List.of(), 0.91, null);

        active.set(trained, true);
        background.runAll();

        float[] input = model.readingProperty().get().input().values();
        assertArrayEquals(other.probabilities(input), model.readingProperty().get().probabilities());
        assertEquals("Model: mlp-16 · test accuracy 91.00% · not saved", model.modelTextProperty().get());
    }

    @Test
    void aModelThatDoesNotTakeDigitsIsExplained() {
        Network other = Network.create(ModelSpec.parse("100 -> 10 softmax"), 7);
        active.set(new TrainedModel("odd", other, null, null, null, List.of(), Double.NaN, null), false);
        drawOne();
        background.runAll();

        assertEquals(DrawViewModel.ModelState.UNUSABLE, model.modelStateProperty().get());
        assertTrue(model.modelHelpProperty().get().startsWith("This model takes 100 inputs"),
                model.modelHelpProperty().get());
        assertEquals(-1, model.predictedDigitProperty().get());
        assertNotNull(model.readingProperty().get().input());
        assertNull(model.readingProperty().get().probabilities());
    }

    @Test
    void theNaiveShrinkIsReadAlongside() {
        active.set(shipped, false);
        drawOne();
        background.runAll();
        assertTrue(model.naiveTextProperty().get().startsWith("reads "), model.naiveTextProperty().get());
        assertEquals("reads 1 (" + Percent.of(model.readingProperty().get().probabilities()[1]) + ")",
                model.mnistTextProperty().get());
    }
}
