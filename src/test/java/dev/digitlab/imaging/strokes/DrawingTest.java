package dev.digitlab.imaging.strokes;

import dev.digitlab.imaging.strokes.Drawing;
import dev.digitlab.imaging.strokes.DrawingTest;
import dev.digitlab.imaging.strokes.Stroke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrawingTest {

    private final Drawing drawing = new Drawing();

    @Test
    void aStrokeCollectsThePositionsThePenMovesThrough() {
        drawing.begin(10, 20, 24);
        assertTrue(drawing.extend(30, 20));
        assertTrue(drawing.extend(30, 60));
        drawing.end();

        List<Stroke> strokes = drawing.strokes();
        assertEquals(1, strokes.size());
        Stroke s = strokes.get(0);
        assertEquals(3, s.size());
        assertEquals(24, s.width());
        assertEquals(30, s.x(2));
        assertEquals(60, s.y(2));
        assertFalse(drawing.drawing());
    }

    @Test
    void movesTooSmallToSeeAreIgnored() {
        drawing.begin(10, 10, 24);
        assertFalse(drawing.extend(10.3, 10.3));
        assertTrue(drawing.extend(11, 10));
        assertEquals(2, drawing.current().size());
    }

    @Test
    void positionsOffTheCanvasAreKeptOnItsEdge() {
        drawing.begin(-40, 500, 24);
        drawing.extend(Drawing.SIDE + 30, -5);
        Stroke s = drawing.current();
        assertEquals(0, s.x(0));
        assertEquals(Drawing.SIDE, s.y(0));
        assertEquals(Drawing.SIDE, s.x(1));
        assertEquals(0, s.y(1));
    }

    @Test
    void movingWithThePenUpDrawsNothing() {
        assertFalse(drawing.extend(50, 50));
        assertTrue(drawing.isEmpty());
        assertNull(drawing.current());
    }

    @Test
    void undoRemovesTheLastStrokeAndClearRemovesAll() {
        stroke(10, 10, 100, 10);
        stroke(50, 10, 50, 200);
        stroke(20, 100, 80, 100);

        assertTrue(drawing.undo());
        assertEquals(2, drawing.strokeCount());
        assertEquals(200, drawing.strokes().get(1).y(1), "the second stroke is now the last");

        drawing.clear();
        assertTrue(drawing.isEmpty());
        assertFalse(drawing.undo(), "nothing left to undo");
    }

    @Test
    void undoWhileThePenIsDownDropsTheStrokeBeingDrawn() {
        stroke(10, 10, 100, 10);
        drawing.begin(50, 10, 24);
        drawing.extend(50, 90);

        assertTrue(drawing.undo());
        assertEquals(1, drawing.strokeCount());
        assertFalse(drawing.drawing());
    }

    @Test
    void aSnapshotStaysAsItWasWhileTheDrawingGoesOn() {
        drawing.begin(10, 10, 24);
        drawing.extend(40, 10);
        List<Stroke> snapshot = drawing.strokes();
        drawing.extend(40, 80);
        drawing.end();
        drawing.clear();

        assertEquals(1, snapshot.size());
        assertEquals(2, snapshot.get(0).size());
    }

    @Test
    void extentIsTheLongerSideOfThePositionsBox() {
        assertEquals(0, Drawing.extent(List.of()));
        assertEquals(0, Drawing.extent(List.of(new Stroke(24, new float[] {5, 5}))), "a click reaches nowhere");
        assertEquals(90, Drawing.extent(List.of(new Stroke(24, new float[] {10, 10, 40, 100}),
                new Stroke(24, new float[] {20, 20, 30, 20}))));
    }

    private void stroke(double x0, double y0, double x1, double y1) {
        drawing.begin(x0, y0, 24);
        drawing.extend(x1, y1);
        drawing.end();
    }
}
