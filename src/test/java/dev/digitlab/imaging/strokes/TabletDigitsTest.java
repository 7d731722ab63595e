package dev.digitlab.imaging.strokes;

import dev.digitlab.imaging.Preprocessing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.ImageSet;
import dev.digitlab.data.PenDigit;
import dev.digitlab.data.UnipenReader;
import dev.digitlab.data.UnipenText;
import dev.digitlab.imaging.GrayImage;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabletDigitsTest {

    private static PenDigit digit(float... xy) {
        return new PenDigit(1, 1, 1, List.of(xy), 1);
    }

    @Test
    void aDigitIsFlippedUprightAndFillsTwoThirdsOfTheCanvasInItsMiddle() {
        // A stroke from the top of the tablet (y up) down and to the right.
        List<Stroke> strokes = TabletDigits.strokes(digit(100, 400, 150, 100));

        assertEquals(1, strokes.size());
        Stroke s = strokes.get(0);
        double fill = TabletDigits.FILL * Drawing.SIDE;
        assertEquals(Drawing.SIDE / 2 - fill / 2, s.y(0), 1e-3, "the tablet's top is the canvas's top");
        assertEquals(Drawing.SIDE / 2 + fill / 2, s.y(1), 1e-3);
        assertEquals(fill * 50 / 300, s.x(1) - s.x(0), 1e-3, "the shape is kept");
        assertEquals(Drawing.SIDE / 2, (s.x(0) + s.x(1)) / 2, 1e-3, "centred");
        assertEquals(Pen.DEFAULT_WIDTH, s.width());
    }

    @Test
    void penPositionsGoThroughTheCanvasAsAMouseDragDoes() {
        // The second position is 0.1 tablet units from the first: less than the canvas's smallest step.
        List<Stroke> strokes = TabletDigits.strokes(digit(100, 100, 100.1f, 100, 100, 400));
        assertEquals(2, strokes.get(0).size());
    }

    @Test
    void aDotStaysADotInTheMiddle() {
        Stroke s = TabletDigits.strokes(digit(7, 9)).get(0);
        assertEquals(Drawing.SIDE / 2, s.x(0), 1e-3);
        assertEquals(Drawing.SIDE / 2, s.y(0), 1e-3);
    }

    @Test
    void imagesAreWhatTheDrawTabsReaderMakesOfTheDrawing() throws IOException {
        List<PenDigit> digits = UnipenReader.read(new StringReader(UnipenText.zerosOnesSevens(1, 2)), "t");
        ImageSet images = TabletDigits.images(digits);

        assertEquals(digits.size(), images.size());
        assertEquals(28, images.rows());
        for (int i = 0; i < digits.size(); i++) {
            assertEquals(digits.get(i).label(), images.label(i));
            GrayImage expected = new DrawingReader().read(TabletDigits.strokes(digits.get(i)), null, Preprocessing.MNIST).input();
            assertEquals(expected, new GrayImage(28, 28, images.image(i)));
        }
        GrayImage canvas = TabletDigits.canvas(digits.get(0));
        assertEquals(DrawingReader.RASTER_SIDE, canvas.width());
        assertEquals(1f, canvas.lightest(), "the canvas has full ink");
    }
}
