package dev.digitlab.ui.shared;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

/** Turns grayscale pixels into pictures as MNIST shows them: white ink on black. */
public final class DigitImages {

    private DigitImages() {
    }

    /** A {@code cols} x {@code rows} picture of {@code pixels} (row-major, 0 = background, 1 = ink). */
    public static WritableImage of(float[] pixels, int rows, int cols) {
        int[] argb = new int[rows * cols];
        for (int i = 0; i < argb.length; i++) {
            int v = Math.round(255 * Math.max(0, Math.min(1, pixels[i])));
            argb[i] = 0xFF000000 | v << 16 | v << 8 | v;
        }
        WritableImage image = new WritableImage(cols, rows);
        image.getPixelWriter().setPixels(0, 0, cols, rows, PixelFormat.getIntArgbInstance(), argb, 0, cols);
        return image;
    }

    /** The picture of a test image. */
    public static WritableImage of(TestImage image) {
        return of(image.pixels(), image.rows(), image.cols());
    }

    /** A view with id {@code id} that shows a digit {@code size} pixels square, its pixels sharp. */
    public static ImageView view(String id, double size) {
        ImageView image = new ImageView();
        image.setId(id);
        image.setFitWidth(size);
        image.setFitHeight(size);
        image.setSmooth(false);
        return image;
    }

    /** {@code image} in the dark digit frame, exactly {@code size} pixels square. */
    public static StackPane framed(ImageView image, double size) {
        StackPane frame = new StackPane(image);
        frame.getStyleClass().add("digit-frame");
        frame.setMinSize(size, size);
        frame.setMaxSize(size, size);
        return frame;
    }
}
