package dev.digitlab.imaging;

import java.util.Optional;

/**
 * The ink of a picture cut to its bounding box: ink-high values in [0,1] whatever the picture's
 * polarity, with their centre of mass. Finding one is the common first half of every
 * {@link Preprocessor}; not finding one means nothing is drawn.
 *
 * @param levels the picture's background and full-ink levels
 * @param box where the ink lies in the picture
 * @param values the box's ink, {@code box.width() x box.height()}, row-major; shared, not copied,
 *     so read it and leave it alone
 * @param centre the centre of mass of {@code values}, in box coordinates
 */
public record InkCrop(InkLevels levels, InkBox box, float[] values, CenterOfMass centre) {

    /** The ink in {@code picture}, or empty when the picture holds too little ink under {@code rules}. */
    public static Optional<InkCrop> find(GrayImage picture, InkRules rules) {
        InkLevels levels = InkLevels.detect(picture);
        if (levels.contrast() < rules.minContrast()) {
            return Optional.empty();
        }
        Optional<InkBox> found = InkBox.find(picture, levels, rules.pixelThreshold());
        if (found.isEmpty() || found.get().longerSide() < rules.minExtent()) {
            return Optional.empty();
        }
        InkBox box = found.get();
        float[] values = levels.ink(picture, box);
        CenterOfMass centre = CenterOfMass.of(values, box.width(), box.height());
        // Zero mass has no centre, even when the rules would allow it.
        if (centre.mass() <= 0 || centre.mass() < rules.minMass()) {
            return Optional.empty();
        }
        return Optional.of(new InkCrop(levels, box, values, centre));
    }
}
