package dev.digitlab.imaging;

import dev.digitlab.base.Mnist;
import java.util.Set;

/**
 * How a drawn digit is turned into a model's input: the recipe a model file stores, so that a
 * drawing is prepared the way the model's training images were. MNIST's own recipe: the digit
 * scaled to fit a 20x20 box, then placed in a 28x28 field with its centre of mass in the middle.
 *
 * @param method   the name of the recipe; {@value #MNIST_METHOD} is the one there is
 * @param box      side of the box the digit's longer side is scaled to, in pixels
 * @param field    side of the input image, in pixels
 * @param centring how the box is placed in the field: {@value #CENTRE_OF_MASS} or {@value #BOX_CENTRE}
 */
public record Preprocessing(String method, int box, int field, String centring) {

    /** The method that scales the ink's bounding box into a box and places it in the field. */
    public static final String MNIST_METHOD = "mnist";
    /** Centring that puts the ink's centre of mass in the middle of the field (as MNIST did). */
    public static final String CENTRE_OF_MASS = "centre-of-mass";
    /** Centring that puts the middle of the ink's bounding box in the middle of the field. */
    public static final String BOX_CENTRE = "box-centre";
    // Before MNIST below: static fields are set in order, and its constructor checks against this.
    private static final Set<String> CENTRINGS = Set.of(CENTRE_OF_MASS, BOX_CENTRE);

    /** Side, in pixels, that MNIST scaled each digit's longer side to. */
    public static final int MNIST_BOX = 20;

    /** MNIST's recipe: a 20x20 box in a 28x28 field, centred by centre of mass. */
    public static final Preprocessing MNIST = new Preprocessing(MNIST_METHOD, MNIST_BOX, Mnist.SIDE, CENTRE_OF_MASS);

    /**
     * The recipe of a model whose file names none, such as an imported Keras file: the tutorial's
     * models were trained on MNIST as it comes, so drawings are prepared MNIST's way.
     */
    public static final Preprocessing DEFAULT = MNIST;

    public Preprocessing {
        if (!MNIST_METHOD.equals(method)) {
            throw new IllegalArgumentException("the preprocessing method '" + method + "' is unknown; DigitLab knows '"
                    + MNIST_METHOD + "'");
        }
        if (!CENTRINGS.contains(centring)) {
            throw new IllegalArgumentException("the preprocessing centring '" + centring + "' is unknown; DigitLab knows '"
                    + CENTRE_OF_MASS + "' and '" + BOX_CENTRE + "'");
        }
        if (field <= 0 || box <= 0 || box > field) {
            throw new IllegalArgumentException("the preprocessing box (" + box + ") must be positive and fit in the field ("
                    + field + ")");
        }
    }

    /** The number of values the recipe makes: a model that reads them has this many inputs. */
    public int inputs() {
        return field * field;
    }

    /** The preprocessor that follows this recipe. */
    public Preprocessor preprocessor() {
        return new MnistPreprocessor(this, InkRules.DEFAULT);
    }

    /** The naive way for contrast: the whole picture shrunk to this recipe's field. */
    public Preprocessor naive() {
        return new NaivePreprocessor(field, InkRules.DEFAULT);
    }
}
