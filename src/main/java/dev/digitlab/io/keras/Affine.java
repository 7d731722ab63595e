package dev.digitlab.io.keras;

/**
 * An element-wise {@code x * scale + shift} that a Rescaling or BatchNormalization layer applies
 * and DigitLab folds into a dense or conv layer's weights. Value {@code i} of a channels-last
 * tensor uses entry {@code i % period}: one entry for a Rescaling layer, one per channel (or per
 * feature) for a BatchNormalization layer. Arithmetic in double, so folding adds no rounding of
 * its own beyond the final float32.
 */
record Affine(double[] scale, double[] shift) {

    int period() {
        return scale.length;
    }

    boolean hasShift() {
        for (double t : shift) {
            if (t != 0) {
                return true;
            }
        }
        return false;
    }

    boolean allPositive() {
        for (double s : scale) {
            if (!(s > 0)) {
                return false;
            }
        }
        return true;
    }

    /** Whether it changes nothing. */
    boolean isIdentity() {
        for (double s : scale) {
            if (s != 1) {
                return false;
            }
        }
        return !hasShift();
    }

    /** The inference-time BatchNormalization {@code (x - mean) / sqrt(var + eps) * gamma + beta}. */
    static Affine batchNorm(float[] gamma, float[] beta, float[] mean, float[] variance, double epsilon) {
        int n = mean.length;
        double[] s = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = (gamma == null ? 1 : gamma[i]) / Math.sqrt(variance[i] + epsilon);
            t[i] = (beta == null ? 0 : beta[i]) - mean[i] * s[i];
        }
        return new Affine(s, t);
    }

    /**
     * Folds this affine applied to a layer's input into the layer: {@code kernel} is
     * {@code [rows][units]} row-major, and row {@code r} meets input channel
     * {@code channelOfRow(r)}; changes {@code kernel} and {@code bias} in place.
     */
    void foldIntoInput(double[] kernel, double[] bias, int units, java.util.function.IntUnaryOperator channelOfRow) {
        int rows = kernel.length / units;
        for (int r = 0; r < rows; r++) {
            int c = channelOfRow.applyAsInt(r) % period();
            double s = scale[c];
            double t = shift[c];
            for (int u = 0; u < units; u++) {
                double k = kernel[r * units + u];
                bias[u] += t * k;
                kernel[r * units + u] = k * s;
            }
        }
    }

    /** Folds this affine applied to a layer's output (one entry per unit) into the layer, in place. */
    void foldIntoOutput(double[] kernel, double[] bias, int units) {
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] *= scale[i % units % period()];
        }
        for (int u = 0; u < units; u++) {
            bias[u] = bias[u] * scale[u % period()] + shift[u % period()];
        }
    }
}
