package dev.digitlab.imaging.strokes;

/**
 * The Draw tab's pen, one fact for the canvas, the command line and the tests: its default width
 * and the range a user may choose, in drawing units ({@value Drawing#SIDE} across the canvas).
 */
public final class Pen {

    /**
     * The default width: a digit drawn across about two thirds of the canvas then has, after
     * preprocessing, MNIST's median stroke width (about 2.3 of 28 pixels, 2.0 to 2.8 for the
     * middle half of the test digits).
     */
    public static final double DEFAULT_WIDTH = 24;
    /** The thinnest pen the Draw tab offers. */
    public static final double MIN_WIDTH = 6;
    /** The thickest pen the Draw tab offers. */
    public static final double MAX_WIDTH = 48;

    private Pen() {
    }
}
