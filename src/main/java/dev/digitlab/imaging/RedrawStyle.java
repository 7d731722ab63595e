package dev.digitlab.imaging;

import java.util.random.RandomGenerator;

/**
 * How a person redraws a digit on a canvas: its size and place, the pen, the polarity.
 *
 * @param canvasWidth canvas width in pixels
 * @param canvasHeight canvas height in pixels
 * @param size the longer side of the drawn digit's ink, in canvas pixels
 * @param centreX where the centre of the digit's ink box goes, in canvas pixels
 * @param centreY where the centre of the digit's ink box goes, in canvas pixels
 * @param penChange canvas pixels added to (a thicker pen) or, when negative, taken from (a thinner
 *     pen) each side of every stroke
 * @param darkInkOnLight true for a drawing canvas (dark ink, white paper), false for MNIST's
 *     polarity
 */
public record RedrawStyle(int canvasWidth, int canvasHeight, double size, double centreX,
                          double centreY, double penChange, boolean darkInkOnLight) {

    /** @throws IllegalArgumentException if the canvas or the size is not positive */
    public RedrawStyle {
        if (canvasWidth <= 0 || canvasHeight <= 0) {
            throw new IllegalArgumentException("canvas size must be positive: " + canvasWidth + "x" + canvasHeight);
        }
        if (!(size > 0)) {
            throw new IllegalArgumentException("digit size must be positive: " + size);
        }
    }

    /**
     * A style as varied as people are: on a square canvas of {@code side} pixels, a digit from a
     * quarter to nine tenths of the canvas, anywhere it fits whole, drawn with a pen from a little
     * thinner to much thicker than MNIST's, in either polarity. Thinner pens are limited because
     * eroding MNIST's thinnest (1-2 px) strokes by more breaks them apart, which no person does.
     */
    public static RedrawStyle random(RandomGenerator random, int side) {
        double size = side * (0.25 + 0.65 * random.nextDouble());
        double slack = (side - size) / 2;
        double centreX = side / 2.0 + slack * (2 * random.nextDouble() - 1);
        double centreY = side / 2.0 + slack * (2 * random.nextDouble() - 1);
        // One MNIST pixel, in canvas pixels; MNIST strokes are about three of them wide.
        double mnistPixel = size / Preprocessing.MNIST_BOX;
        double penChange = mnistPixel * (-0.25 + random.nextDouble());
        return new RedrawStyle(side, side, size, centreX, centreY, penChange, random.nextBoolean());
    }
}
