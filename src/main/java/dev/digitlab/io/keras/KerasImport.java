package dev.digitlab.io.keras;

import java.util.ArrayList;
import java.util.List;

/**
 * The weights of a {@link KerasPlan}'s dense and conv layers in DigitLab's layout, read from the
 * file and with the Rescaling and BatchNormalization layers folded in. A conv kernel keeps Keras's
 * {@code [kh][kw][in][out]} order, which DigitLab uses too; a dense layer right after a flattened
 * multi-channel image gets its kernel rows reordered from Keras's {@code (row, column, channel)} to
 * DigitLab's {@code (channel, row, column)}, so it meets each value where Keras's did.
 */
final class KerasImport {

    private static final List<String> KERNEL_BIAS = List.of("kernel", "bias");
    private static final List<String> KERNEL = List.of("kernel");

    private KerasImport() {
    }

    /** The values of every parameter, in the order {@code nn.Network} lists them (W then b, layer by layer). */
    static List<float[]> weights(KerasPlan plan, KerasWeights file) {
        List<float[]> out = new ArrayList<>();
        for (Weighted w : plan.weighted) {
            double[][] kb = read(w, file);
            double[] kernel = kb[0];
            double[] bias = kb[1];
            int units = bias.length;
            if (w.inputRescaling != null) {
                // DigitLab feeds pixel / 255; the model's Rescaling expected the raw 0-255 pixel.
                double scale = w.inputRescaling.number("scale", 1) * 255;
                double offset = w.inputRescaling.number("offset", 0);
                new Affine(new double[] {scale}, new double[] {offset}).foldIntoInput(kernel, bias, units, r -> 0);
            }
            if (w.inputBatchNorm != null) {
                Affine bn = batchNorm(plan, w.inputBatchNorm, file);
                bn.foldIntoInput(kernel, bias, units, r -> r);
            }
            for (KerasLayer layer : w.outputBatchNorms) {
                batchNorm(plan, layer, file).foldIntoOutput(kernel, bias, units);
            }
            if (w.flattenedImage != null) {
                kernel = channelsFirstRows(kernel, units, w.flattenedImage);
            }
            out.add(floats(kernel));
            out.add(floats(bias));
        }
        return out;
    }

    private static double[][] read(Weighted w, KerasWeights file) {
        boolean useBias = w.layer.flag("use_bias", true);
        List<String> roles = useBias ? KERNEL_BIAS : KERNEL;
        int units;
        int[] kernelShape;
        if (w.conv) {
            long[] k = w.layer.integers("kernel_size");
            units = (int) w.layer.integer("filters", 0);
            kernelShape = new int[] {(int) k[0], (int) k[1], (int) w.inputShape[2], units};
        } else {
            units = (int) w.layer.integer("units", 0);
            kernelShape = new int[] {(int) KerasShapes.size(w.inputShape), units};
        }
        double[] kernel = doubles(file.read(w.layer, roles, "kernel", kernelShape));
        double[] bias = useBias ? doubles(file.read(w.layer, roles, "bias", units)) : new double[units];
        return new double[][] {kernel, bias};
    }

    private static Affine batchNorm(KerasPlan plan, KerasLayer layer, KerasWeights file) {
        boolean scale = layer.flag("scale", true);
        boolean center = layer.flag("center", true);
        List<String> roles = new ArrayList<>();
        if (scale) {
            roles.add("gamma");
        }
        if (center) {
            roles.add("beta");
        }
        roles.add("moving_mean");
        roles.add("moving_variance");
        int channels = plan.batchNormChannels.get(layer);
        float[] mean = file.read(layer, roles, "moving_mean", channels);
        float[] variance = file.read(layer, roles, "moving_variance", channels);
        double epsilon = layer.number("epsilon", 1e-3);
        for (float v : variance) {
            if (!(v + epsilon > 0)) {
                throw new KerasFormatException(layer.describe() + " has a negative moving variance");
            }
        }
        return Affine.batchNorm(scale ? file.read(layer, roles, "gamma", channels) : null,
                center ? file.read(layer, roles, "beta", channels) : null, mean, variance, epsilon);
    }

    /** Reorders a dense kernel's rows from a channels-last flatten to DigitLab's channels-first one. */
    static double[] channelsFirstRows(double[] kernel, int units, long[] image) {
        int h = (int) image[0];
        int w = (int) image[1];
        int c = (int) image[2];
        double[] out = new double[kernel.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    int keras = (y * w + x) * c + ch;
                    int digitlab = (ch * h + y) * w + x;
                    System.arraycopy(kernel, keras * units, out, digitlab * units, units);
                }
            }
        }
        return out;
    }

    private static double[] doubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
