package dev.digitlab.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RedrawerTest {

    /** A 28x28 MNIST-like "7": thick anti-aliased strokes, white on black, 20 px tall. */
    private static final GrayImage SEVEN = Glyph.SEVEN.draw(28, 28, 4, 3.5, 21, 2.5, false);

    private final Redrawer redrawer = new Redrawer();

    private static InkBox box(GrayImage canvas) {
        return InkBox.find(canvas, InkLevels.detect(canvas), InkRules.DEFAULT.pixelThreshold()).orElseThrow();
    }

    @Test
    void drawsTheDigitWhereAskedAtTheAskedSize() {
        GrayImage canvas = redrawer.redraw(SEVEN, new RedrawStyle(560, 480, 300, 200, 300, 0, true));
        InkBox box = box(canvas);
        // Solidifying at half ink moves the edges by up to about half a source pixel (7 px here).
        assertEquals(300, box.longerSide(), 15);
        assertEquals(200, (box.left() + box.right()) / 2.0, 8);
        assertEquals(300, (box.top() + box.bottom()) / 2.0, 8);
    }

    @Test
    void inkIsSolidLikeAPenNotMnistsGreyFringe() {
        GrayImage canvas = redrawer.redraw(SEVEN, new RedrawStyle(400, 400, 300, 200, 200, 0, true));
        int grey = 0;
        int ink = 0;
        for (float v : canvas.values()) {
            if (v < 0.5f) {
                ink++;
            }
            if (v > 0.02f && v < 0.98f) {
                grey++;
            }
        }
        assertTrue(grey < ink / 50, grey + " grey pixels for " + ink + " ink pixels");
    }

    @Test
    void thickerPenAddsInkAndThinnerPenTakesItAway() {
        double normal = ink(0);
        assertTrue(ink(6) > normal * 1.2, "thicker pen");
        assertTrue(ink(-4) < normal * 0.8, "thinner pen");
    }

    private double ink(double penChange) {
        GrayImage canvas = redrawer.redraw(SEVEN, new RedrawStyle(400, 400, 300, 200, 200, penChange, false));
        return Measure.sum(canvas.values());
    }

    @Test
    void lightOnDarkIsTheExactInverseOfDarkOnLight() {
        float[] dark = redrawer.redraw(SEVEN, new RedrawStyle(300, 300, 200, 150, 150, 2.5, true)).values();
        float[] light = redrawer.redraw(SEVEN, new RedrawStyle(300, 300, 200, 150, 150, 2.5, false)).values();
        for (int i = 0; i < dark.length; i++) {
            assertEquals(1f, dark[i] + light[i], 1e-6f);
        }
    }

    @Test
    void redrawnDigitComesBackThroughThePreprocessorLikeTheOriginal() {
        MnistPreprocessor preprocessor = new MnistPreprocessor();
        float[] original = preprocessor.prepare(SEVEN).orElseThrow().values();
        Random random = new Random(1);
        for (int i = 0; i < 10; i++) {
            RedrawStyle style = RedrawStyle.random(random, 560);
            float[] back = preprocessor.prepare(redrawer.redraw(SEVEN, style)).orElseThrow().values();
            assertTrue(Measure.correlation(original, back) > 0.85, style + ": " + Measure.correlation(original, back));
        }
    }

    @Test
    void randomStylesKeepTheDigitOnTheCanvas() {
        Random random = new Random(2);
        for (int i = 0; i < 200; i++) {
            RedrawStyle style = RedrawStyle.random(random, 280);
            assertTrue(style.centreX() - style.size() / 2 >= 0 && style.centreX() + style.size() / 2 <= 280, style.toString());
            assertTrue(style.centreY() - style.size() / 2 >= 0 && style.centreY() + style.size() / 2 <= 280, style.toString());
        }
    }

    @Test
    void blankDigitCannotBeRedrawn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> redrawer.redraw(GrayImage.filled(28, 28, 0f), new RedrawStyle(100, 100, 50, 50, 50, 0, true)));
        assertEquals("the digit to redraw has no ink", e.getMessage());
    }
}
