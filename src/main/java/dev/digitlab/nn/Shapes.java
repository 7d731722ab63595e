package dev.digitlab.nn;

/** One example's shape: {@code [values]} when flat, {@code [channels, height, width]} when an image. */
final class Shapes {

    /** Output values per example above which a layer is refused: int indexing must hold a batch of them. */
    static final long MAX_VALUES = 1L << 24;

    private Shapes() {
    }

    /** The input as {@code [channels, height, width]}: a flat input must be a square, one channel. */
    static int[] image(int[] input) {
        if (input.length == 3) {
            return input;
        }
        int side = (int) Math.round(Math.sqrt(input[0]));
        if (side * side != input[0]) {
            throw new IllegalArgumentException("a conv or max-pool layer needs a square image, but "
                    + input[0] + " inputs are not a square number");
        }
        return new int[] {1, side, side};
    }

    /** The number of values of a shape. */
    static long size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
