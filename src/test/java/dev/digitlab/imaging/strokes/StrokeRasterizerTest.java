package dev.digitlab.imaging.strokes;

import dev.digitlab.imaging.strokes.DrawnDigits;
import dev.digitlab.imaging.strokes.GrowingRaster;
import dev.digitlab.imaging.strokes.Stroke;
import dev.digitlab.imaging.strokes.StrokeRasterizer;
import dev.digitlab.imaging.strokes.StrokeRasterizerTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.imaging.GrayImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrokeRasterizerTest {

    private final StrokeRasterizer rasterizer = new StrokeRasterizer(280);

    @Test
    void aLineIsAsThickAsThePenWithRoundEnds() {
        GrayImage image = rasterizer.rasterize(List.of(new Stroke(20, new float[] {100, 140, 180, 140})));
        // Across the middle of the line: 20 pixels of ink in all.
        double across = 0;
        for (int y = 0; y < 280; y++) {
            across += image.value(140, y);
        }
        assertEquals(20, across, 0.05);
        assertEquals(1f, image.value(140, 140));
        assertEquals(0f, image.value(140, 125), "5 pixels beyond the pen's edge");
        // The round caps reach 10 pixels past each end along the line, not into the corners.
        assertEquals(1f, image.value(91, 140));
        assertEquals(0f, image.value(88, 140));
        assertEquals(0f, image.value(91, 131), "a round cap leaves the corner empty");
    }

    @Test
    void theEdgeIsAntiAliased() {
        GrayImage image = rasterizer.rasterize(List.of(new Stroke(20.5, new float[] {100, 140, 180, 140})));
        float edge = image.value(140, 129);
        assertTrue(edge > 0f && edge < 1f, "the edge pixel is partly covered: " + edge);
    }

    @Test
    void aClickIsARoundDotAsWideAsThePen() {
        GrayImage image = rasterizer.rasterize(List.of(new Stroke(20, new float[] {140, 140})));
        double mass = 0;
        for (float v : image.values()) {
            mass += v;
        }
        assertEquals(Math.PI * 10 * 10, mass, 3);
    }

    @Test
    void theRasterScalesWithItsSize() {
        GrayImage image = new StrokeRasterizer(560).rasterize(List.of(new Stroke(20, new float[] {100, 140, 180, 140})));
        double across = 0;
        for (int y = 0; y < 560; y++) {
            across += image.value(280, y);
        }
        assertEquals(40, across, 0.1);
    }

    @Test
    void growingRasterDrawsExactlyWhatAFullRasterDraws() {
        GrowingRaster growing = new GrowingRaster(rasterizer);
        Stroke seven = DrawnDigits.stroke(24, 3, 60, 60, 220, 60, 120, 240);
        Stroke bar = DrawnDigits.stroke(16, 3, 90, 150, 190, 150);
        List<List<Stroke>> states = new ArrayList<>();
        for (int n = 1; n <= seven.size(); n++) {
            states.add(List.of(prefix(seven, n)));
        }
        for (int n = 1; n <= bar.size(); n++) {
            states.add(List.of(seven, prefix(bar, n)));
        }
        // Undo the bar, draw it again, then clear and start anew.
        states.add(List.of(seven));
        states.add(List.of(seven, prefix(bar, 5)));
        states.add(List.of());
        states.add(List.of(prefix(bar, 7)));

        for (List<Stroke> state : states) {
            assertArrayEquals(rasterizer.rasterize(state).values(), growing.render(state).values(),
                    "after " + state);
        }
    }

    private static Stroke prefix(Stroke s, int n) {
        float[] points = new float[2 * n];
        for (int i = 0; i < n; i++) {
            points[2 * i] = s.x(i);
            points[2 * i + 1] = s.y(i);
        }
        return new Stroke(s.width(), points);
    }
}
