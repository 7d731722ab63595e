package dev.digitlab.io;

/**
 * How a drawn digit is turned into the network's input, stored with the model so that a drawing
 * is prepared the way the training images were. MNIST's own recipe: the digit scaled to fit a
 * 20x20 box, then placed in a 28x28 field with its centre of mass in the middle.
 *
 * @param method   the name of the recipe, e.g. {@code "mnist"}
 * @param box      side of the box the digit is scaled into, in pixels
 * @param field    side of the input image, in pixels
 * @param centring how the box is placed in the field, e.g. {@code "centre-of-mass"}
 */
public record Preprocessing(String method, int box, int field, String centring) {

    /** MNIST's recipe: 20x20 box, 28x28 field, centred by centre of mass. */
    public static final Preprocessing MNIST = new Preprocessing("mnist", 20, 28, "centre-of-mass");

    public Preprocessing {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("the preprocessing method must be named");
        }
        if (centring == null || centring.isBlank()) {
            throw new IllegalArgumentException("the preprocessing centring must be named");
        }
        if (field <= 0 || box <= 0 || box > field) {
            throw new IllegalArgumentException("the preprocessing box (" + box + ") must be positive and fit in the field ("
                    + field + ")");
        }
    }
}
