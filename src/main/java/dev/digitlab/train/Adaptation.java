package dev.digitlab.train;

/**
 * How a model was adapted to a user's handwriting ("Teach the model", {@code digitlab adapt}).
 *
 * @param baseModel the name of the model it was fine-tuned from, e.g. {@code mnist-cnn}
 * @param drawings  how many of the user's drawings it learned from
 */
public record Adaptation(String baseModel, int drawings) {

    public Adaptation {
        if (drawings < 0) {
            throw new IllegalArgumentException("the number of drawings cannot be negative: " + drawings);
        }
    }

    /** The name an adapted model gets: its base's, "+ my handwriting". */
    public static String nameAfter(String baseModel) {
        return baseModel + " + my handwriting";
    }
}
