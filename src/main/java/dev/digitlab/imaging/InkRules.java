package dev.digitlab.imaging;

/**
 * What counts as ink, and how much ink counts as a drawing rather than nothing.
 *
 * @param minContrast the strongest ink must differ from the background by at least this much (on
 *     the [0,1] scale), or the picture is blank paper
 * @param pixelThreshold a pixel belongs to the ink's bounding box only above this ink level, so
 *     faint specks and the anti-aliased fringe of strokes do not stretch the box
 * @param minExtent the box's longer side must be at least this many pixels: a speck of one or
 *     two pixels is not a digit
 * @param minMass the total ink in the box, in full-ink pixels, must be at least this much
 */
public record InkRules(float minContrast, float pixelThreshold, int minExtent, float minMass) {

    /** The rules the app uses; see the class's parameters for why each exists. */
    public static final InkRules DEFAULT = new InkRules(0.1f, 0.1f, 3, 2f);

    /** @throws IllegalArgumentException if a rule is out of range */
    public InkRules {
        if (!(minContrast > 0f && minContrast <= 1f)) {
            throw new IllegalArgumentException("minimum contrast must be in (0,1]: " + minContrast);
        }
        if (!(pixelThreshold >= 0f && pixelThreshold < 1f)) {
            throw new IllegalArgumentException("pixel threshold must be in [0,1): " + pixelThreshold);
        }
        if (minExtent < 1) {
            throw new IllegalArgumentException("minimum extent must be at least 1 pixel: " + minExtent);
        }
        if (!(minMass >= 0f)) {
            throw new IllegalArgumentException("minimum ink mass must not be negative: " + minMass);
        }
    }
}
