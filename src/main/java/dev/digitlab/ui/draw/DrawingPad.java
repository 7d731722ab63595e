package dev.digitlab.ui.draw;

import dev.digitlab.imaging.strokes.Drawing;
import dev.digitlab.imaging.strokes.Stroke;
import dev.digitlab.ui.draw.DrawViewModel;
import dev.digitlab.ui.draw.DrawingPad;
import dev.digitlab.ui.shared.Messages;

import dev.digitlab.imaging.GrayImage;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.util.Duration;

/**
 * The square paper the user draws on, as large as its space allows (at least {@value #MIN_SIDE}
 * pixels). Two canvases: the finished strokes, and above them the stroke being drawn, which is
 * drawn afresh on every mouse move so its anti-aliased edge stays clean. Strokes are kept as
 * points in the {@link DrawViewModel}, in drawing units, so a resize or an Undo draws them again.
 */
final class DrawingPad extends Region {

    /** The smallest side of the paper on screen, in pixels. */
    static final double MIN_SIDE = 280;
    static final Color INK = Color.web("#16202b");

    private final DrawViewModel model;
    private final Canvas finished = new Canvas();
    private final Canvas live = new Canvas();
    private final Region paper = new Region();
    private final Label prompt = new Label(Messages.get("draw.canvasPrompt"));
    private double side;
    /** The model's picture as the pen's ink over a transparent ground, or null. */
    private Image pictureImage;

    DrawingPad(DrawViewModel model) {
        this.model = model;
        getStyleClass().add("drawing-pad");
        live.setId("drawCanvas");
        live.setFocusTraversable(true);
        Tooltip tip = new Tooltip(Messages.get("draw.help.canvas"));
        tip.setShowDelay(Duration.seconds(1.5));
        Tooltip.install(live, tip);
        prompt.getStyleClass().add("canvas-prompt");
        prompt.setMouseTransparent(true);
        prompt.visibleProperty().bind(model.strokeCountProperty().isEqualTo(0)
                .and(model.pictureProperty().isNull()));
        paper.getStyleClass().add("paper");
        // The paper's shadow is a blur: drawn once and kept as a bitmap, not again under every pen move.
        paper.setCache(true);
        getChildren().addAll(paper, finished, prompt, live);
        setMinSize(MIN_SIDE, MIN_SIDE);
        setPadding(new Insets(0));

        live.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        live.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        live.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        model.strokeCountProperty().addListener((obs, old, now) -> {
            if (now.intValue() < old.intValue()) {
                redraw();
            }
        });
        model.replacedProperty().addListener((obs, old, now) -> redraw());
        model.pictureProperty().addListener((obs, old, now) -> {
            pictureImage = now == null ? null : inkImage(now);
            redraw();
        });
        pictureImage = model.pictureProperty().get() == null ? null : inkImage(model.pictureProperty().get());
    }

    /** Canvas pixels per drawing unit. */
    private double scale() {
        return side / Drawing.SIDE;
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        live.requestFocus();
        model.beginStroke(e.getX() / scale(), e.getY() / scale());
        drawLive();
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (model.currentStroke() != null && model.extendStroke(e.getX() / scale(), e.getY() / scale())) {
            drawLive();
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        Stroke done = model.currentStroke();
        if (done == null) {
            return;
        }
        model.endStroke();
        live.getGraphicsContext2D().clearRect(0, 0, side, side);
        draw(finished.getGraphicsContext2D(), done);
        e.consume();
    }

    private void drawLive() {
        GraphicsContext g = live.getGraphicsContext2D();
        g.clearRect(0, 0, side, side);
        Stroke current = model.currentStroke();
        if (current != null) {
            draw(g, current);
        }
    }

    /** Draws every stroke again, e.g. after a resize or an Undo. */
    private void redraw() {
        GraphicsContext g = finished.getGraphicsContext2D();
        g.clearRect(0, 0, side, side);
        if (pictureImage != null) {
            // Smoothed when enlarged, so a 28x28 digit looks like ink rather than tiles.
            g.setImageSmoothing(true);
            g.drawImage(pictureImage, 0, 0, side, side);
        }
        Stroke current = model.currentStroke();
        for (Stroke s : model.strokes()) {
            if (s != current) {
                draw(g, s);
            }
        }
        drawLive();
    }

    /** {@code picture}'s ink (1 = ink) as the pen's colour, its paper transparent so the paper shows. */
    private static Image inkImage(GrayImage picture) {
        WritableImage image = new WritableImage(picture.width(), picture.height());
        PixelWriter out = image.getPixelWriter();
        for (int y = 0; y < picture.height(); y++) {
            for (int x = 0; x < picture.width(); x++) {
                out.setColor(x, y, new Color(INK.getRed(), INK.getGreen(), INK.getBlue(), picture.value(x, y)));
            }
        }
        return image;
    }

    /** The stroke's smoothed path with a round pen, exactly as the network's raster draws it. */
    private void draw(GraphicsContext g, Stroke stroke) {
        double k = scale();
        float[] path = stroke.path();
        double width = stroke.width() * k;
        g.setFill(INK);
        g.setStroke(INK);
        if (path.length == 2) {
            g.fillOval(path[0] * k - width / 2, path[1] * k - width / 2, width, width);
            return;
        }
        g.setLineWidth(width);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.beginPath();
        g.moveTo(path[0] * k, path[1] * k);
        for (int i = 2; i < path.length; i += 2) {
            g.lineTo(path[i] * k, path[i + 1] * k);
        }
        g.stroke();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        // Whole pixels, so the paper's edge and the strokes stay sharp.
        double now = Math.floor(Math.max(MIN_SIDE, Math.min(w, h)));
        double x = in.getLeft() + Math.floor((w - now) / 2);
        double y = in.getTop() + Math.floor((h - now) / 2);
        for (Canvas c : new Canvas[] {finished, live}) {
            c.relocate(x, y);
        }
        prompt.resizeRelocate(x, y, now, now);
        paper.resizeRelocate(x, y, now, now);
        if (now != side) {
            side = now;
            for (Canvas c : new Canvas[] {finished, live}) {
                c.setWidth(now);
                c.setHeight(now);
            }
            redraw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return MIN_SIDE + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return MIN_SIDE + snappedTopInset() + snappedBottomInset();
    }
}
