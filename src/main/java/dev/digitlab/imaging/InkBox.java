package dev.digitlab.imaging;

import java.util.Optional;

/**
 * A rectangle of pixels, columns {@code left..right-1} and rows {@code top..bottom-1}: usually the
 * bounding box of a picture's ink.
 */
public record InkBox(int left, int top, int right, int bottom) {

    /** @throws IllegalArgumentException if the box is empty or inside out */
    public InkBox {
        if (left < 0 || top < 0 || right <= left || bottom <= top) {
            throw new IllegalArgumentException("not a box: columns " + left + ".." + right
                    + ", rows " + top + ".." + bottom);
        }
    }

    /** The whole of {@code picture}. */
    public static InkBox of(GrayImage picture) {
        return new InkBox(0, 0, picture.width(), picture.height());
    }

    /**
     * The smallest box holding every pixel whose ink (under {@code levels}) exceeds
     * {@code threshold}, or empty if there is none. The threshold keeps faint specks and the
     * anti-aliased fringe of strokes from stretching the box.
     */
    public static Optional<InkBox> find(GrayImage picture, InkLevels levels, float threshold) {
        if (levels.contrast() == 0f) {
            return Optional.empty();
        }
        // Compare raw values so the pass over a big canvas does no arithmetic per pixel.
        float raw = levels.rawLevel(threshold);
        boolean dark = levels.darkInkOnLight();
        float[] src = picture.pixels();
        int w = picture.width();
        int left = w;
        int right = -1;
        int top = -1;
        int bottom = -1;
        for (int y = 0; y < picture.height(); y++) {
            int row = y * w;
            int first = -1;
            int last = -1;
            for (int x = 0; x < w; x++) {
                float v = src[row + x];
                if (dark ? v < raw : v > raw) {
                    if (first < 0) {
                        first = x;
                    }
                    last = x;
                }
            }
            if (first >= 0) {
                if (top < 0) {
                    top = y;
                }
                bottom = y;
                left = Math.min(left, first);
                right = Math.max(right, last);
            }
        }
        return top < 0 ? Optional.empty() : Optional.of(new InkBox(left, top, right + 1, bottom + 1));
    }

    public int width() {
        return right - left;
    }

    public int height() {
        return bottom - top;
    }

    /** The longer of width and height: the side MNIST scales to 20 pixels. */
    public int longerSide() {
        return Math.max(width(), height());
    }
}
