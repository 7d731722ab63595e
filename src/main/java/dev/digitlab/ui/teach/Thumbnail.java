package dev.digitlab.ui.teach;

import dev.digitlab.imaging.strokes.Drawing;
import dev.digitlab.imaging.strokes.Stroke;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/** A kept drawing in small: its strokes' smoothed paths with a round pen, as the canvas draws them. */
final class Thumbnail extends Canvas {

    private static final Color INK = Color.web("#1d2433");

    Thumbnail(List<Stroke> strokes, double side) {
        super(side, side);
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, side, side);
        double k = side / Drawing.SIDE;
        g.setStroke(INK);
        g.setFill(INK);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (Stroke s : strokes) {
            float[] path = s.path();
            double width = Math.max(1, s.width() * k);
            if (path.length == 2) {
                g.fillOval(path[0] * k - width / 2, path[1] * k - width / 2, width, width);
                continue;
            }
            g.setLineWidth(width);
            g.beginPath();
            g.moveTo(path[0] * k, path[1] * k);
            for (int i = 2; i < path.length; i += 2) {
                g.lineTo(path[i] * k, path[i + 1] * k);
            }
            g.stroke();
        }
    }
}
