package dev.digitlab.imaging.strokes;

import dev.digitlab.train.TrainedModel;
import dev.digitlab.imaging.Preprocessing;
import dev.digitlab.imaging.strokes.DrawingReader;
import dev.digitlab.imaging.strokes.DrawingReaderTest;
import dev.digitlab.imaging.strokes.DrawnDigits;
import dev.digitlab.imaging.strokes.Reading;
import dev.digitlab.imaging.strokes.Stroke;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.imaging.CenterOfMass;
import dev.digitlab.io.ShippedModels;
import dev.digitlab.nn.Network;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drawn strokes through the whole reading, with the shipped model. */
class DrawingReaderTest {

    private static Network shipped;
    private static Preprocessing recipe;
    private final DrawingReader reader = new DrawingReader();

    @BeforeAll
    static void loadModel() {
        TrainedModel model = new ShippedModels().load();
        shipped = model.network();
        recipe = model.preprocessing();
    }

    /** A 1, a 0 and a 7 of height {@code size} around ({@code cx}, {@code cy}). */
    static List<List<Stroke>> oneZeroSeven(double size, double cx, double cy, double pen) {
        double h = size / 2;
        return List.of(
                List.of(DrawnDigits.stroke(pen, 4, cx, cy - h, cx, cy + h)),
                List.of(DrawnDigits.stroke(pen, 4, DrawnDigits.oval(cx, cy, 0.62 * h, h, 40))),
                List.of(DrawnDigits.stroke(pen, 4, cx - 0.6 * h, cy - h, cx + 0.6 * h, cy - h, cx - 0.1 * h, cy + h)));
    }

    @Test
    void drawnDigitsAreReadRightWhateverTheirSizePlaceAndPen() {
        double[][] ways = {
            // size, centre x, centre y, pen
            {190, 140, 140, Pen.DEFAULT_WIDTH},
            {240, 140, 140, 30},
            {70, 50, 60, 10},
            {90, 220, 210, 14},
            {150, 100, 180, 36},
        };
        for (double[] w : ways) {
            List<List<Stroke>> digits = oneZeroSeven(w[0], w[1], w[2], w[3]);
            int[] expected = {1, 0, 7};
            for (int d = 0; d < 3; d++) {
                Reading r = reader.read(digits.get(d), shipped, recipe);
                int digit = expected[d];
                assertEquals(digit, r.digit(), () -> "a " + digit + " of size " + w[0] + " at ("
                        + w[1] + ", " + w[2] + ") with a pen of " + w[3]);
            }
        }
    }

    @Test
    void theInputIsCentredByMassAndTheNaiveShrinkIsNot() {
        // A small 0 in the top-left corner.
        Reading r = reader.read(oneZeroSeven(70, 50, 60, 10).get(1), shipped, recipe);
        CenterOfMass centred = CenterOfMass.of(r.input());
        assertEquals(14.5, centred.x(), 0.1);
        assertEquals(14.5, centred.y(), 0.1);
        CenterOfMass naive = CenterOfMass.of(r.naiveInput());
        assertEquals(50 / 10.0, naive.x(), 0.3, "the naive input keeps the digit where it was drawn");
        assertEquals(60 / 10.0, naive.y(), 0.3);
        assertNotNull(r.naiveProbabilities());
    }

    @Test
    void theDefaultPenGivesMnistsStrokeWidth() {
        // MNIST's test digits, measured the same way (area over half the outline): median 2.34
        // pixels, middle half 2.0 to 2.8. A digit drawn across two thirds of the canvas:
        for (List<Stroke> digit : oneZeroSeven(190, 140, 140, Pen.DEFAULT_WIDTH).subList(1, 3)) {
            double width = strokeWidth(reader.read(digit, shipped, recipe).input().values());
            assertTrue(width >= 2.0 && width <= 2.8, "stroke width " + width);
        }
    }

    @Test
    void nothingOrAClickIsNothingDrawn() {
        assertSame(Reading.EMPTY, reader.read(List.of(), shipped, recipe));
        assertSame(Reading.EMPTY, reader.read(List.of(new Stroke(24, new float[] {140, 140})), shipped, recipe));
        assertSame(Reading.EMPTY, reader.read(List.of(new Stroke(24, new float[] {140, 140, 145, 143})), shipped, recipe),
                "a slip of the pen");
        assertTrue(reader.read(List.of(new Stroke(24, new float[] {140, 100, 140, 160})), shipped, recipe).drawn());
    }

    @Test
    void withoutAModelTheInputsAreStillMade() {
        Reading r = reader.read(oneZeroSeven(190, 140, 140, 24).get(2), null, recipe);
        assertTrue(r.drawn());
        assertNotNull(r.naiveInput());
        assertNull(r.probabilities());
        assertEquals(-1, r.digit());
    }

    @Test
    void theInputIsMadeByTheModelsRecipeAndChangesWithIt() {
        List<Stroke> seven = oneZeroSeven(190, 140, 140, 24).get(2);
        Preprocessing wider = new Preprocessing("mnist", 24, 32, Preprocessing.CENTRE_OF_MASS);
        Reading r = reader.read(seven, null, wider);
        assertEquals(32, r.input().width());
        assertEquals(32, r.naiveInput().width());
        Reading back = reader.read(seven, null, recipe);
        assertEquals(28, back.input().width());
        assertArrayEquals(recipe.preprocessor().prepare(new StrokeRasterizer(DrawingReader.RASTER_SIDE)
                .rasterize(seven)).orElseThrow().values(), back.input().values());
    }

    @Test
    void probabilitiesSumToOne() {
        Reading r = reader.read(oneZeroSeven(190, 140, 140, 24).get(2), shipped, recipe);
        double sum = 0;
        for (float p : r.probabilities()) {
            sum += p;
        }
        assertEquals(1.0, sum, 1e-4);
        assertEquals(10, r.probabilities().length);
    }

    /** Twice the area over the outline (edges counted in pixels, corrected for their slant). */
    static double strokeWidth(float[] image) {
        int area = 0;
        int outline = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (image[y * 28 + x] < 0.5f) {
                    continue;
                }
                area++;
                outline += edge(image, x - 1, y) + edge(image, x + 1, y) + edge(image, x, y - 1) + edge(image, x, y + 1);
            }
        }
        return 2.0 * area / (outline / 1.27);
    }

    private static int edge(float[] image, int x, int y) {
        return x < 0 || y < 0 || x >= 28 || y >= 28 || image[y * 28 + x] < 0.5f ? 1 : 0;
    }
}
