package dev.digitlab.imaging;

import java.util.Optional;

/**
 * The way many drawing apps feed a network, kept to show the learner why it fails: the whole
 * canvas, margins and all, is shrunk (area averaged, stretched to a square) to 28x28. A small or
 * off-centre digit comes out as a small off-centre smudge unlike anything in MNIST. Polarity and
 * "nothing drawn" are handled as in {@link MnistPreprocessor}, so the two differ only in framing.
 */
public final class NaivePreprocessor implements Preprocessor {

    private final InkRules rules;
    private final AreaResampler resampler = new AreaResampler(FIELD, FIELD);

    /** A naive preprocessor with the app's {@link InkRules#DEFAULT} rules. */
    public NaivePreprocessor() {
        this(InkRules.DEFAULT);
    }

    /** A naive preprocessor that decides what is nothing drawn by {@code rules}. */
    public NaivePreprocessor(InkRules rules) {
        this.rules = rules;
    }

    @Override
    public Optional<GrayImage> prepare(GrayImage picture) {
        return InkCrop.find(picture, rules).map(ink -> shrink(picture, ink.levels()));
    }

    private GrayImage shrink(GrayImage picture, InkLevels levels) {
        float[] whole = levels.ink(picture, InkBox.of(picture));
        float[] field = resampler.resample(whole, picture.width(), picture.height(),
                (double) FIELD / picture.width(), (double) FIELD / picture.height(), 0, 0);
        return new GrayImage(FIELD, FIELD, field);
    }
}
