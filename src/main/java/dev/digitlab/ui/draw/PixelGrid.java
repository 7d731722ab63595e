package dev.digitlab.ui.draw;

import dev.digitlab.ui.draw.PixelGrid;

import dev.digitlab.imaging.GrayImage;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * A small picture shown magnified with sharp pixels, as the network receives it: ink white on
 * black, one square per pixel (image smoothing off), with a faint line between pixels so they
 * can be counted.
 */
public final class PixelGrid extends Canvas {

    private static final Color PAPER = Color.web("#11161c");
    private static final Color GRID = Color.web("#ffffff", 0.06);

    private int cells;
    private WritableImage pixels;
    private float[] values;

    /** A grid of {@code cells x cells} pixels, each {@code cell} screen pixels wide (until an image of another size comes). */
    PixelGrid(int cells, double cell) {
        super(cells * cell, cells * cell);
        this.cells = cells;
        this.pixels = new WritableImage(cells, cells);
        getStyleClass().add("pixel-grid");
        getGraphicsContext2D().setImageSmoothing(false);
        show(null);
    }

    /**
     * Shows {@code image} (square, ink high), or an empty field for null. A model whose recipe makes
     * another size than the grid's gets its own pixel count in the same space on screen.
     */
    void show(GrayImage image) {
        if (image != null && image.width() != cells) {
            cells = image.width();
            pixels = new WritableImage(cells, cells);
        }
        values = image == null ? null : image.values();
        PixelWriter w = pixels.getPixelWriter();
        int r0 = (int) Math.round(PAPER.getRed() * 255);
        int g0 = (int) Math.round(PAPER.getGreen() * 255);
        int b0 = (int) Math.round(PAPER.getBlue() * 255);
        for (int y = 0; y < cells; y++) {
            for (int x = 0; x < cells; x++) {
                float v = values == null ? 0 : values[y * cells + x];
                // From the dark paper to white, as the ink rises.
                int r = Math.round(r0 + (255 - r0) * v);
                int g = Math.round(g0 + (255 - g0) * v);
                int b = Math.round(b0 + (255 - b0) * v);
                w.setArgb(x, y, 0xff000000 | r << 16 | g << 8 | b);
            }
        }
        GraphicsContext g = getGraphicsContext2D();
        // Clearing the whole canvas also drops the drawing commands still queued from before.
        g.clearRect(0, 0, getWidth(), getHeight());
        g.drawImage(pixels, 0, 0, getWidth(), getHeight());
        g.setStroke(GRID);
        g.setLineWidth(1);
        double cell = getWidth() / cells;
        for (int i = 1; i < cells; i++) {
            double at = i * cell + 0.5;
            g.strokeLine(at, 0, at, getHeight());
            g.strokeLine(0, at, getWidth(), at);
        }
    }

    /** The values shown, row-major, or null when empty. */
    public float[] values() {
        return values == null ? null : values.clone();
    }
}
