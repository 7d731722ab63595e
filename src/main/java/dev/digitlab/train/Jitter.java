package dev.digitlab.train;

import java.util.SplittableRandom;

/**
 * Small random affine changes of a square digit picture (a rotation, a change of size and a
 * shift), so that a few drawings of a user teach the model their shape rather than their exact
 * pixels. Each output pixel samples the input bilinearly at the inverse-transformed point; what
 * falls outside the picture is paper (0).
 *
 * @param maxDegrees rotation drawn uniformly from plus or minus this many degrees
 * @param maxScale   size factor drawn uniformly from 1 - maxScale to 1 + maxScale
 * @param maxShift   shift in pixels, drawn uniformly from plus or minus this, along each axis
 */
public record Jitter(double maxDegrees, double maxScale, double maxShift) {

    /** No change at all. */
    public static final Jitter NONE = new Jitter(0, 0, 0);

    public Jitter {
        if (maxDegrees < 0 || maxScale < 0 || maxScale >= 1 || maxShift < 0) {
            throw new IllegalArgumentException("jitter bounds must be non-negative (scale below 1): "
                    + maxDegrees + ", " + maxScale + ", " + maxShift);
        }
    }

    /**
     * Writes a jittered copy of the {@code side x side} picture at {@code src[from..]} into
     * {@code dst[to..]}.
     */
    public void apply(float[] src, int from, float[] dst, int to, int side, SplittableRandom random) {
        if (maxDegrees == 0 && maxScale == 0 && maxShift == 0) {
            System.arraycopy(src, from, dst, to, side * side);
            return;
        }
        double angle = Math.toRadians(uniform(random, maxDegrees));
        double scale = 1 + uniform(random, maxScale);
        double dx = uniform(random, maxShift);
        double dy = uniform(random, maxShift);
        // The inverse map: output pixel -> input point, about the picture's centre.
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        double c = (side - 1) / 2.0;
        for (int y = 0; y < side; y++) {
            double oy = y - c - dy;
            for (int x = 0; x < side; x++) {
                double ox = x - c - dx;
                double sx = cos * ox + sin * oy + c;
                double sy = -sin * ox + cos * oy + c;
                dst[to + y * side + x] = sample(src, from, side, sx, sy);
            }
        }
    }

    private static double uniform(SplittableRandom random, double bound) {
        return bound == 0 ? 0 : (random.nextDouble() * 2 - 1) * bound;
    }

    private static float sample(float[] src, int from, int side, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double top = (1 - fx) * at(src, from, side, x0, y0) + fx * at(src, from, side, x0 + 1, y0);
        double bottom = (1 - fx) * at(src, from, side, x0, y0 + 1) + fx * at(src, from, side, x0 + 1, y0 + 1);
        return (float) ((1 - fy) * top + fy * bottom);
    }

    private static float at(float[] src, int from, int side, int x, int y) {
        return x < 0 || y < 0 || x >= side || y >= side ? 0f : src[from + y * side + x];
    }
}
