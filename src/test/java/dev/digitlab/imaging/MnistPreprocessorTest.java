package dev.digitlab.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MnistPreprocessorTest {

    private final MnistPreprocessor preprocessor = new MnistPreprocessor();

    private float[] prepared(GrayImage picture) {
        GrayImage out = preprocessor.prepare(picture).orElseThrow();
        assertEquals(28, out.width());
        assertEquals(28, out.height());
        return out.values();
    }

    @ParameterizedTest
    @EnumSource(Glyph.class)
    void glyphDrawnElsewhereOnTheCanvasGivesTheSameInput(Glyph glyph) {
        // Fractional offsets, so the pen's anti-aliasing differs too, not just the position.
        float[] topLeft = prepared(glyph.draw(560, 560, 20.3, 15.7, 300, 18, true));
        float[] bottomRight = prepared(glyph.draw(560, 560, 241.6, 230.2, 300, 18, true));
        assertTrue(Measure.maxAbsDiff(topLeft, bottomRight) < 0.05,
                "max diff " + Measure.maxAbsDiff(topLeft, bottomRight));
    }

    @ParameterizedTest
    @EnumSource(Glyph.class)
    void glyphDrawnTwiceAsLargeGivesNearlyTheSameInput(Glyph glyph) {
        float[] small = prepared(glyph.draw(280, 280, 60.3, 40.7, 150, 9, true));
        float[] large = prepared(glyph.draw(560, 560, 120.6, 81.4, 300, 18, true));
        // Not identical: the pen's 1 px anti-aliased fringe is twice as large a part of the small
        // glyph, so its ink box (and scale) differs by under 1%, which moves steep edges a little.
        assertTrue(Measure.maxAbsDiff(small, large) < 0.07, "max diff " + Measure.maxAbsDiff(small, large));
        assertTrue(Measure.correlation(small, large) > 0.999, "correlation " + Measure.correlation(small, large));
    }

    @ParameterizedTest
    @EnumSource(Glyph.class)
    void centreOfMassLandsWhereMnistDigitsHaveIt(Glyph glyph) {
        // Far off-centre on a non-square canvas, so the placement has real work to do.
        GrayImage out = preprocessor.prepare(glyph.draw(640, 480, 400.4, 30.8, 200, 14, true)).orElseThrow();
        CenterOfMass centre = CenterOfMass.of(out);
        assertEquals(MnistPreprocessor.CENTRE, centre.x(), 0.5);
        assertEquals(MnistPreprocessor.CENTRE, centre.y(), 0.5);
    }

    @ParameterizedTest
    @EnumSource(Glyph.class)
    void longerSideBecomesTwentyPixelsWithTheAspectKept(Glyph glyph) {
        GrayImage picture = glyph.draw(560, 560, 100.5, 90.2, 320, 20, true);
        InkBox before = InkBox.find(picture, InkLevels.detect(picture), InkRules.DEFAULT.pixelThreshold()).orElseThrow();
        InkBox after = Measure.inkBox(preprocessor.prepare(picture).orElseThrow());
        assertEquals(20, after.longerSide(), 1);
        double expectedShorter = 20.0 * Math.min(before.width(), before.height()) / before.longerSide();
        int shorter = Math.min(after.width(), after.height());
        // A side w pixels long at a fractional offset touches up to ceil(w) + 1 pixels.
        assertTrue(shorter >= expectedShorter - 1 && shorter <= Math.ceil(expectedShorter) + 1,
                "shorter side " + shorter + ", expected about " + expectedShorter);
        assertEquals(before.height() >= before.width(), after.height() >= after.width(), "orientation");
    }

    @Test
    void aModelsRecipeSetsTheBoxTheFieldAndTheCentring() {
        GrayImage picture = Glyph.values()[0].draw(560, 560, 100.5, 90.2, 320, 20, true);
        Preprocessing recipe = new Preprocessing("mnist", 16, 32, Preprocessing.BOX_CENTRE);
        GrayImage out = recipe.preprocessor().prepare(picture).orElseThrow();
        assertEquals(32, out.width());
        assertEquals(32, out.height());
        InkBox box = Measure.inkBox(out);
        assertEquals(16, box.longerSide(), 1);
        // Box-centred: the middle of the ink's box lies at the middle of the field, 16.
        assertEquals(16, (box.left() + box.right()) / 2.0, 1);
        assertEquals(16, (box.top() + box.bottom()) / 2.0, 1);
        assertEquals(32 * 32, recipe.inputs());
    }

    @Test
    void tallThinOneStaysThin() {
        InkBox box = Measure.inkBox(preprocessor.prepare(Glyph.ONE.draw(560, 560, 100, 100, 400, 16, true)).orElseThrow());
        assertEquals(20, box.height(), 1);
        assertTrue(box.width() <= 3, "a one 16 px wide and 376 px tall came out " + box.width() + " px wide");
    }

    @Test
    void darkOnLightAndLightOnDarkGiveTheSameInput() {
        float[] drawn = prepared(Glyph.FOUR.draw(400, 300, 80.5, 20.5, 250, 15, true));
        float[] inverted = prepared(Glyph.FOUR.draw(400, 300, 80.5, 20.5, 250, 15, false));
        assertTrue(Measure.maxAbsDiff(drawn, inverted) < 1e-5, "max diff " + Measure.maxAbsDiff(drawn, inverted));
    }

    @Test
    void greyPenOnGreyPaperReadsLikeBlackOnWhite() {
        GrayImage crisp = Glyph.SEVEN.draw(300, 300, 40, 40, 200, 14, true);
        float[] grey = crisp.values();
        for (int i = 0; i < grey.length; i++) {
            grey[i] = 0.3f + 0.55f * grey[i];  // pen 0.3, paper 0.85, as on a photographed page
        }
        float[] fromGrey = prepared(new GrayImage(300, 300, grey));
        assertTrue(Measure.maxAbsDiff(prepared(crisp), fromGrey) < 1e-4);
    }

    @Test
    void blankCanvasIsNothingDrawn() {
        assertEquals(Optional.empty(), preprocessor.prepare(GrayImage.filled(560, 560, 1f)));
        assertEquals(Optional.empty(), preprocessor.prepare(GrayImage.filled(560, 560, 0f)));
    }

    @Test
    void singleSpeckIsNothingDrawn() {
        float[] canvas = GrayImage.filled(560, 560, 1f).values();
        canvas[300 * 560 + 200] = 0f;
        canvas[300 * 560 + 201] = 0f;
        canvas[301 * 560 + 200] = 0f;
        assertEquals(Optional.empty(), preprocessor.prepare(new GrayImage(560, 560, canvas)));
    }

    @Test
    void faintSmudgeIsNothingDrawn() {
        float[] canvas = GrayImage.filled(560, 560, 1f).values();
        for (int y = 100; y < 300; y++) {
            for (int x = 100; x < 300; x++) {
                canvas[y * 560 + x] = 0.95f;
            }
        }
        assertEquals(Optional.empty(), preprocessor.prepare(new GrayImage(560, 560, canvas)));
    }

    @Test
    void faintSpecksDoNotStretchTheBox() {
        GrayImage clean = Glyph.L.draw(560, 560, 100, 100, 300, 18, true);
        float[] specked = clean.values();
        specked[5 * 560 + 5] = 0.95f;  // 5% ink, far outside the digit
        specked[550 * 560 + 540] = 0.93f;
        float[] withSpecks = prepared(new GrayImage(560, 560, specked));
        assertTrue(Measure.maxAbsDiff(prepared(clean), withSpecks) < 1e-6);
    }

    @Test
    void onePixelPenOnABigCanvasIsNotLost() {
        // A 1 px pen, 400 px tall: point sampling 20x smaller would mostly miss it.
        GrayImage picture = Glyph.L.draw(560, 560, 80, 60, 440, 1, true);
        GrayImage out = preprocessor.prepare(picture).orElseThrow();
        InkCrop ink = InkCrop.find(picture, InkRules.DEFAULT).orElseThrow();
        double scale = 20.0 / ink.box().longerSide();
        double expected = ink.centre().mass() * scale * scale;
        assertEquals(expected, Measure.sum(out.values()), expected * 1e-3, "ink mass, in proportion to area");
        InkBox box = Measure.inkBox(out);
        assertEquals(20, box.longerSide(), 1, "the strokes still span the field");
    }
}
