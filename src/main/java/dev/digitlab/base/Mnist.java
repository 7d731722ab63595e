package dev.digitlab.base;

/** MNIST's shape, written down once: 28x28 gray images of the ten digits, 784 values each. */
public final class Mnist {

    /** Side of an MNIST image, in pixels. */
    public static final int SIDE = 28;
    /** Values per image, one per pixel: a network's inputs. */
    public static final int PIXELS = SIDE * SIDE;
    /** Classes: the digits 0 to 9. */
    public static final int CLASSES = 10;

    private Mnist() {
    }
}
