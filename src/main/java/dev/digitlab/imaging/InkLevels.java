package dev.digitlab.imaging;

import java.util.Arrays;

/**
 * The two levels that make a picture's ink: the background (what the border mostly is) and the
 * strongest ink (the pixel farthest from it). Mapping background to 0 and strongest ink to 1 turns
 * dark-on-light and light-on-dark pictures, grey paper and a grey pen alike into MNIST's ink-high
 * [0,1].
 *
 * @param background the border's median value
 * @param fullInk the value that maps to ink 1
 */
public record InkLevels(float background, float fullInk) {

    /** Finds the levels of {@code picture} from its border and its darkest and lightest values. */
    public static InkLevels detect(GrayImage picture) {
        float background = borderMedian(picture);
        float min = picture.darkest();
        float max = picture.lightest();
        // The ink is whichever extreme lies farther from the background; a tie (a blank picture)
        // reads as dark ink, the drawing canvas's case.
        float fullInk = background - min >= max - background ? min : max;
        return new InkLevels(background, fullInk);
    }

    /** True for dark ink on light paper, the drawing canvas's polarity; false for MNIST's. */
    public boolean darkInkOnLight() {
        return fullInk <= background;
    }

    /** How far the strongest ink lies from the background, 0 (blank) to 1. */
    public float contrast() {
        return Math.abs(fullInk - background);
    }

    /** The ink-high value of raw value {@code v}, clamped to [0,1]; 0 on a blank picture. */
    public float ink(float v) {
        if (fullInk == background) {
            return 0f;
        }
        return clamp((v - background) / (fullInk - background));
    }

    /** The raw value a pixel must pass (away from the background) to have more than {@code ink}. */
    float rawLevel(float ink) {
        return background + ink * (fullInk - background);
    }

    /** The ink-high values of {@code region} of {@code picture}, row-major, a new array. */
    float[] ink(GrayImage picture, InkBox region) {
        float[] src = picture.pixels();
        float[] out = new float[region.width() * region.height()];
        if (fullInk == background) {
            return out;
        }
        float scale = 1f / (fullInk - background);
        int i = 0;
        for (int y = region.top(); y < region.bottom(); y++) {
            int row = y * picture.width();
            for (int x = region.left(); x < region.right(); x++) {
                out[i++] = clamp((src[row + x] - background) * scale);
            }
        }
        return out;
    }

    private static float clamp(float v) {
        // Written so that -0 and NaN both come out as +0.
        return v > 0f ? Math.min(v, 1f) : 0f;
    }

    /** The median of the border pixels: robust to strokes that run off the edge. */
    private static float borderMedian(GrayImage picture) {
        int w = picture.width();
        int h = picture.height();
        float[] src = picture.pixels();
        if (w <= 2 || h <= 2) {
            float[] all = src.clone();
            Arrays.sort(all);
            return all[all.length / 2];
        }
        float[] border = new float[2 * w + 2 * (h - 2)];
        int n = 0;
        for (int x = 0; x < w; x++) {
            border[n++] = src[x];
            border[n++] = src[(h - 1) * w + x];
        }
        for (int y = 1; y < h - 1; y++) {
            border[n++] = src[y * w];
            border[n++] = src[y * w + w - 1];
        }
        Arrays.sort(border);
        return border[n / 2];
    }
}
