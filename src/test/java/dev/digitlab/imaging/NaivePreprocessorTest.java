package dev.digitlab.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NaivePreprocessorTest {

    private final NaivePreprocessor naive = new NaivePreprocessor();

    @Test
    void smallDigitInACornerStaysASmallSmudgeInTheCorner() {
        GrayImage picture = Glyph.SEVEN.draw(560, 560, 30, 40, 120, 12, true);
        GrayImage out = naive.prepare(picture).orElseThrow();
        InkBox box = Measure.inkBox(out);
        assertTrue(box.longerSide() <= 8, "naive box " + box);
        CenterOfMass centre = CenterOfMass.of(out);
        assertTrue(centre.x() < 7 && centre.y() < 7, "naive centre " + centre);

        InkBox mnistStyle = Measure.inkBox(new MnistPreprocessor().prepare(picture).orElseThrow());
        assertEquals(20, mnistStyle.longerSide(), 1, "the MNIST-style input of the same drawing fills the box");
    }

    @Test
    void keepsTheWholeCanvasInkInProportion() {
        GrayImage picture = Glyph.FOUR.draw(560, 420, 100, 50, 300, 16, true);
        InkLevels levels = InkLevels.detect(picture);
        double canvasInk = Measure.sum(levels.ink(picture, InkBox.of(picture)));
        double expected = canvasInk * (28.0 / 560) * (28.0 / 420);
        assertEquals(expected, Measure.sum(naive.prepare(picture).orElseThrow().values()), expected * 1e-4);
    }

    @Test
    void darkOnLightAndLightOnDarkGiveTheSameInput() {
        float[] drawn = naive.prepare(Glyph.L.draw(300, 300, 50, 50, 150, 10, true)).orElseThrow().values();
        float[] inverted = naive.prepare(Glyph.L.draw(300, 300, 50, 50, 150, 10, false)).orElseThrow().values();
        assertTrue(Measure.maxAbsDiff(drawn, inverted) < 1e-5);
    }

    @Test
    void blankCanvasIsNothingDrawn() {
        assertEquals(Optional.empty(), naive.prepare(GrayImage.filled(560, 560, 1f)));
    }
}
