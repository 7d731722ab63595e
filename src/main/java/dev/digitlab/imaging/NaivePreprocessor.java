package dev.digitlab.imaging;

import java.util.Optional;

/**
 * The way many drawing apps feed a network, kept to show the learner why it fails: the whole
 * canvas, margins and all, is shrunk (area averaged, stretched to a square) to the field (28x28). A small or
 * off-centre digit comes out as a small off-centre smudge unlike anything in MNIST. Polarity and
 * "nothing drawn" are handled as in {@link MnistPreprocessor}, so the two differ only in framing.
 */
public final class NaivePreprocessor implements Preprocessor {

    private final int field;
    private final InkRules rules;
    private final AreaResampler resampler;

    /** A naive preprocessor into MNIST's field with the app's {@link InkRules#DEFAULT} rules. */
    public NaivePreprocessor() {
        this(Preprocessing.MNIST.field(), InkRules.DEFAULT);
    }

    /** A naive preprocessor into a {@code field}x{@code field} image that decides what is nothing drawn by {@code rules}. */
    public NaivePreprocessor(int field, InkRules rules) {
        this.field = field;
        this.rules = rules;
        this.resampler = new AreaResampler(field, field);
    }

    @Override
    public Optional<GrayImage> prepare(GrayImage picture) {
        return InkCrop.find(picture, rules).map(ink -> shrink(picture, ink.levels()));
    }

    private GrayImage shrink(GrayImage picture, InkLevels levels) {
        float[] whole = levels.ink(picture, InkBox.of(picture));
        float[] values = resampler.resample(whole, picture.width(), picture.height(),
                (double) field / picture.width(), (double) field / picture.height(), 0, 0);
        return new GrayImage(field, field, values);
    }
}
