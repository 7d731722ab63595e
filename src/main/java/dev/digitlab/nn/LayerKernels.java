package dev.digitlab.nn;

import dev.digitlab.nn.cpu.HostArrays;
import java.util.Arrays;

/**
 * The loops of the layers, on Java work arrays (see {@link HostArrays}): im2col and col2im around
 * the convolution's matrix products, the activations (with a transpose from the product's layout
 * to the layer's) and their derivatives, max pooling, and a dense layer's bias and bias gradient.
 * Each activation and its derivative is written here once, for conv and dense layers alike.
 *
 * <p>Each loop exists for {@code float[]} (training) and {@code double[]} (gradient checks) with
 * the same body; the {@code Object} entry points dispatch once per call. The loops are shaped for
 * the JIT: no branch on the data in an inner loop (mispredicted, they cost 10-30x), activations
 * chosen once per row rather than per value, element-wise work at equal indices so it vectorises.
 *
 * <p>Layouts: images are {@code [example][channel][row][column]}. The column matrix of {@code m}
 * examples is {@code [patchSize + 1][m * positions]}: its row {@code (ky * kernelWidth + kx) *
 * channels + c} holds, for every example and output position, the input value that kernel weight
 * meets, and its last row is all ones (for the bias). With the kernel as Keras stores it, {@code
 * [kh][kw][channels][filters]}, seen as a {@code [patchSize][filters]} matrix and followed by the
 * bias row, the layer's product is {@code [kernel; bias]^T x columns} ({@code [filters][m *
 * positions]}). Each row of the column matrix is built from runs of {@code outWidth} consecutive
 * input values, which is why images are channels-first here.
 *
 * <p>Why one long class: these are the hot kernels of every training step, kept side by side
 * in their float and double twins so that a change to one loop is made to its twin in the same
 * screen; splitting them by operation would scatter the twins.
 */
final class LayerKernels {

    private LayerKernels() {
    }

    // ---- im2col / col2im ------------------------------------------------------------------

    /** Fills the column matrix of {@code m} images (see the class comment); padding reads as 0. */
    static void im2col(Object images, Object columns, int m, ConvGeometry g) {
        if (images instanceof float[] f) {
            im2col(f, (float[]) columns, m, g);
        } else {
            im2col((double[]) images, (double[]) columns, m, g);
        }
    }

    /**
     * Adds each value of the column-matrix gradient of {@code m} images ({@code [patchSize][m *
     * positions]}, no bias row) to the image value it was read from; the images start at value
     * {@code offset} of {@code images}.
     */
    static void col2im(Object columns, Object images, int offset, int m, ConvGeometry g) {
        if (images instanceof float[] f) {
            col2im((float[]) columns, f, offset, m, g);
        } else {
            col2im((double[]) columns, (double[]) images, offset, m, g);
        }
    }

    private static void im2col(float[] images, float[] columns, int m, ConvGeometry g) {
        int positions = g.positions();
        int row = m * positions;
        Arrays.fill(columns, g.patchSize() * row, (g.patchSize() + 1) * row, 1f);
        int plane = g.height() * g.width();
        int outWidth = g.outWidth();
        for (int ky = 0; ky < g.kernelHeight(); ky++) {
            for (int kx = 0; kx < g.kernelWidth(); kx++) {
                int x0 = g.firstColumn(kx);
                int x1 = g.endColumn(kx);
                for (int c = 0; c < g.channels(); c++) {
                    int rowStart = ((ky * g.kernelWidth() + kx) * g.channels() + c) * row;
                    for (int e = 0; e < m; e++) {
                        int source = e * g.imageSize() + c * plane + kx - g.padLeft();
                        int target = rowStart + e * positions;
                        for (int oy = 0; oy < g.outHeight(); oy++, target += outWidth) {
                            int iy = oy + ky - g.padTop();
                            if (iy < 0 || iy >= g.height()) {
                                Arrays.fill(columns, target, target + outWidth, 0f);
                                continue;
                            }
                            if (x0 > 0) {
                                Arrays.fill(columns, target, target + x0, 0f);
                            }
                            System.arraycopy(images, source + iy * g.width() + x0, columns, target + x0, x1 - x0);
                            if (x1 < outWidth) {
                                Arrays.fill(columns, target + x1, target + outWidth, 0f);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void im2col(double[] images, double[] columns, int m, ConvGeometry g) {
        int positions = g.positions();
        int row = m * positions;
        Arrays.fill(columns, g.patchSize() * row, (g.patchSize() + 1) * row, 1.0);
        int plane = g.height() * g.width();
        int outWidth = g.outWidth();
        for (int ky = 0; ky < g.kernelHeight(); ky++) {
            for (int kx = 0; kx < g.kernelWidth(); kx++) {
                int x0 = g.firstColumn(kx);
                int x1 = g.endColumn(kx);
                for (int c = 0; c < g.channels(); c++) {
                    int rowStart = ((ky * g.kernelWidth() + kx) * g.channels() + c) * row;
                    for (int e = 0; e < m; e++) {
                        int source = e * g.imageSize() + c * plane + kx - g.padLeft();
                        int target = rowStart + e * positions;
                        for (int oy = 0; oy < g.outHeight(); oy++, target += outWidth) {
                            int iy = oy + ky - g.padTop();
                            if (iy < 0 || iy >= g.height()) {
                                Arrays.fill(columns, target, target + outWidth, 0.0);
                                continue;
                            }
                            if (x0 > 0) {
                                Arrays.fill(columns, target, target + x0, 0.0);
                            }
                            System.arraycopy(images, source + iy * g.width() + x0, columns, target + x0, x1 - x0);
                            if (x1 < outWidth) {
                                Arrays.fill(columns, target + x1, target + outWidth, 0.0);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void col2im(float[] columns, float[] images, int offset, int m, ConvGeometry g) {
        int positions = g.positions();
        int row = m * positions;
        int plane = g.height() * g.width();
        int outWidth = g.outWidth();
        for (int ky = 0; ky < g.kernelHeight(); ky++) {
            for (int kx = 0; kx < g.kernelWidth(); kx++) {
                int x0 = g.firstColumn(kx);
                int x1 = g.endColumn(kx);
                for (int c = 0; c < g.channels(); c++) {
                    int rowStart = ((ky * g.kernelWidth() + kx) * g.channels() + c) * row;
                    for (int e = 0; e < m; e++) {
                        int image = offset + e * g.imageSize() + c * plane + kx - g.padLeft();
                        int column = rowStart + e * positions;
                        for (int oy = 0; oy < g.outHeight(); oy++, column += outWidth) {
                            int iy = oy + ky - g.padTop();
                            if (iy < 0 || iy >= g.height()) {
                                continue;
                            }
                            int target = image + iy * g.width();
                            for (int ox = x0; ox < x1; ox++) {
                                images[target + ox] += columns[column + ox];
                            }
                        }
                    }
                }
            }
        }
    }

    private static void col2im(double[] columns, double[] images, int offset, int m, ConvGeometry g) {
        int positions = g.positions();
        int row = m * positions;
        int plane = g.height() * g.width();
        int outWidth = g.outWidth();
        for (int ky = 0; ky < g.kernelHeight(); ky++) {
            for (int kx = 0; kx < g.kernelWidth(); kx++) {
                int x0 = g.firstColumn(kx);
                int x1 = g.endColumn(kx);
                for (int c = 0; c < g.channels(); c++) {
                    int rowStart = ((ky * g.kernelWidth() + kx) * g.channels() + c) * row;
                    for (int e = 0; e < m; e++) {
                        int image = offset + e * g.imageSize() + c * plane + kx - g.padLeft();
                        int column = rowStart + e * positions;
                        for (int oy = 0; oy < g.outHeight(); oy++, column += outWidth) {
                            int iy = oy + ky - g.padTop();
                            if (iy < 0 || iy >= g.height()) {
                                continue;
                            }
                            int target = image + iy * g.width();
                            for (int ox = x0; ox < x1; ox++) {
                                images[target + ox] += columns[column + ox];
                            }
                        }
                    }
                }
            }
        }
    }

    // ---- activation ---------------------------------------------------------------------------

    /**
     * Applies the activation to the product {@code [filters][m * positions]} of examples {@code
     * first .. first + m - 1} (the bias is already in it: see {@link Conv2D}) and writes the result
     * into those examples' rows of {@code outputs} ({@code [example][filter][position]}).
     *
     * <p>Written as a block copy per row, then the activation in place: a loop that reads one array
     * at one offset and writes another at a different offset is not vectorised by C2 (the arrays
     * might be the same), and ran 3-4x slower.
     */
    static void activate(Object product, Object outputs, int first, int m, int filters, int positions,
                         Activation activation) {
        int row = m * positions;
        int exampleSize = filters * positions;
        for (int f = 0; f < filters; f++) {
            for (int e = 0; e < m; e++) {
                int t = (first + e) * exampleSize + f * positions;
                System.arraycopy(product, f * row + e * positions, outputs, t, positions);
                if (outputs instanceof float[] out) {
                    activate(out, t, t + positions, activation);
                } else {
                    activate((double[]) outputs, t, t + positions, activation);
                }
            }
        }
    }

    /**
     * The reverse of {@link #activate}: multiplies the gradient of examples {@code first .. first
     * + m - 1} in {@code outputGradient} ({@code [example][filter][position]}, changed in place) by
     * the activation's derivative, computed from the {@code outputs} it produced, and copies it
     * into {@code product} in the product's layout {@code [filters][m * positions]}.
     */
    static void derive(Object outputGradient, Object outputs, Object product, int first, int m, int filters,
                       int positions, Activation activation) {
        int exampleSize = filters * positions;
        if (outputGradient instanceof float[] g) {
            derive(g, (float[]) outputs, first * exampleSize, (first + m) * exampleSize, activation);
        } else {
            derive((double[]) outputGradient, (double[]) outputs, first * exampleSize, (first + m) * exampleSize,
                    activation);
        }
        int row = m * positions;
        for (int f = 0; f < filters; f++) {
            for (int e = 0; e < m; e++) {
                System.arraycopy(outputGradient, (first + e) * exampleSize + f * positions, product, f * row + e * positions,
                        positions);
            }
        }
    }

    /** Adds {@code row} ({@code units} values) to each of the {@code n} rows of {@code values}, in place. */
    static void addToRows(Object values, Object row, int n, int units) {
        if (values instanceof float[] v) {
            float[] b = (float[]) row;
            for (int r = 0; r < n; r++) {
                int base = r * units;
                for (int j = 0; j < units; j++) {
                    v[base + j] += b[j];
                }
            }
        } else {
            double[] v = (double[]) values;
            double[] b = (double[]) row;
            for (int r = 0; r < n; r++) {
                int base = r * units;
                for (int j = 0; j < units; j++) {
                    v[base + j] += b[j];
                }
            }
        }
    }

    /** Writes the sums of the {@code n} rows of {@code values} ({@code units} values each) into {@code sums}. */
    static void sumRows(Object values, Object sums, int n, int units) {
        HostArrays.zero(sums, units);
        if (values instanceof float[] v) {
            float[] s = (float[]) sums;
            for (int r = 0; r < n; r++) {
                int base = r * units;
                for (int j = 0; j < units; j++) {
                    s[j] += v[base + j];
                }
            }
        } else {
            double[] v = (double[]) values;
            double[] s = (double[]) sums;
            for (int r = 0; r < n; r++) {
                int base = r * units;
                for (int j = 0; j < units; j++) {
                    s[j] += v[base + j];
                }
            }
        }
    }

    /** Applies the activation in place to values {@code from .. to - 1}. */
    static void activate(Object values, int from, int to, Activation activation) {
        if (values instanceof float[] f) {
            activate(f, from, to, activation);
        } else {
            activate((double[]) values, from, to, activation);
        }
    }

    /**
     * Multiplies the gradient values {@code from .. to - 1} in place by the activation's
     * derivative, computed from the outputs it produced.
     */
    static void derive(Object gradient, Object outputs, int from, int to, Activation activation) {
        if (gradient instanceof float[] g) {
            derive(g, (float[]) outputs, from, to, activation);
        } else {
            derive((double[]) gradient, (double[]) outputs, from, to, activation);
        }
    }

    /**
     * Copies {@code [filters][m][run]} (the layout of a product, or of its pooling) into examples
     * {@code first .. first + m - 1} of {@code target}, {@code [example][filter][run]}.
     */
    static void transpose(Object source, Object target, int first, int m, int filters, int run) {
        for (int f = 0; f < filters; f++) {
            for (int e = 0; e < m; e++) {
                System.arraycopy(source, (f * m + e) * run, target, ((first + e) * filters + f) * run, run);
            }
        }
    }

    /**
     * The backward pass of pooling a product: for each pooled value of examples {@code first ..
     * first + m - 1}, taken from {@code outputGradient} ({@code [example][filter][pooled]}), adds
     * it at the product index its {@code argmax} entry names ({@code argmax} from {@code
     * argmaxOffset} on, in the order {@link #maxPool} wrote it: {@code [filter][example][pooled]}).
     * {@code product} must start zeroed.
     */
    static void unpool(Object outputGradient, int[] argmax, int argmaxOffset, Object product, int first, int m,
                       int filters, int pooled) {
        int a = argmaxOffset;
        if (product instanceof float[] target) {
            float[] g = (float[]) outputGradient;
            for (int f = 0; f < filters; f++) {
                for (int e = 0; e < m; e++) {
                    int s = ((first + e) * filters + f) * pooled;
                    for (int q = 0; q < pooled; q++) {
                        target[argmax[a++]] += g[s + q];
                    }
                }
            }
        } else {
            double[] target = (double[]) product;
            double[] g = (double[]) outputGradient;
            for (int f = 0; f < filters; f++) {
                for (int e = 0; e < m; e++) {
                    int s = ((first + e) * filters + f) * pooled;
                    for (int q = 0; q < pooled; q++) {
                        target[argmax[a++]] += g[s + q];
                    }
                }
            }
        }
    }

    private static void activate(float[] a, int from, int to, Activation activation) {
        switch (activation) {
            case ELU -> {
                for (int i = from; i < to; i++) {
                    a[i] = a[i] > 0 ? a[i] : (float) Math.expm1(a[i]);
                }
            }
            case LEAKY_RELU -> {
                for (int i = from; i < to; i++) {
                    a[i] = Math.max(a[i], 0.2f * a[i]);
                }
            }
            case RELU -> {
                for (int i = from; i < to; i++) {
                    a[i] = Math.max(a[i], 0f);
                }
            }
            case TANH -> {
                for (int i = from; i < to; i++) {
                    a[i] = (float) Math.tanh(a[i]);
                }
            }
            case SIGMOID -> {
                for (int i = from; i < to; i++) {
                    a[i] = (float) (1 / (1 + Math.exp(-a[i])));
                }
            }
            case LINEAR -> {
                // the product as it is
            }
            default -> throw new IllegalArgumentException(activation + " is applied by the loss, not here");
        }
    }

    private static void activate(double[] a, int from, int to, Activation activation) {
        switch (activation) {
            case ELU -> {
                for (int i = from; i < to; i++) {
                    a[i] = a[i] > 0 ? a[i] : Math.expm1(a[i]);
                }
            }
            case LEAKY_RELU -> {
                for (int i = from; i < to; i++) {
                    a[i] = Math.max(a[i], 0.2 * a[i]);
                }
            }
            case RELU -> {
                for (int i = from; i < to; i++) {
                    a[i] = Math.max(a[i], 0.0);
                }
            }
            case TANH -> {
                for (int i = from; i < to; i++) {
                    a[i] = Math.tanh(a[i]);
                }
            }
            case SIGMOID -> {
                for (int i = from; i < to; i++) {
                    a[i] = 1 / (1 + Math.exp(-a[i]));
                }
            }
            case LINEAR -> {
                // the product as it is
            }
            default -> throw new IllegalArgumentException(activation + " is applied by the loss, not here");
        }
    }

    /**
     * ReLU's derivative is 1 where the output is positive and 0 where it is 0. Written as {@code
     * a > 0 ? g : 0} the JIT compiles a branch that the random signs mispredict half the time
     * (5.5 ms for a 64-image batch of the first conv layer, against 0.17 ms for this); {@code
     * min(a * 2^126 * 2^24, 1)} is the same 0 or 1 for every non-negative float, denormals included
     * (the smallest, 2^-149, becomes 2), with no branch, and keeps a NaN a NaN.
     */
    private static void derive(float[] g, float[] a, int from, int to, Activation activation) {
        switch (activation) {
            case ELU -> {
                for (int i = from; i < to; i++) {
                    g[i] *= a[i] > 0 ? 1f : a[i] + 1f;
                }
            }
            case LEAKY_RELU -> {
                for (int i = from; i < to; i++) {
                    g[i] *= a[i] > 0 ? 1f : 0.2f;
                }
            }
            case RELU -> {
                for (int i = from; i < to; i++) {
                    g[i] *= Math.min(a[i] * 0x1p126f * 0x1p24f, 1f);
                }
            }
            case TANH -> {
                for (int i = from; i < to; i++) {
                    g[i] *= 1 - a[i] * a[i];
                }
            }
            case SIGMOID -> {
                for (int i = from; i < to; i++) {
                    g[i] *= a[i] * (1 - a[i]);
                }
            }
            case LINEAR -> {
                // derivative 1
            }
            default -> throw new IllegalArgumentException(activation + " is applied by the loss, not here");
        }
    }

    /** As the float version; {@code 2^1023 * 2^52} takes the smallest double, 2^-1074, to 2. */
    private static void derive(double[] g, double[] a, int from, int to, Activation activation) {
        switch (activation) {
            case ELU -> {
                for (int i = from; i < to; i++) {
                    g[i] *= a[i] > 0 ? 1.0 : a[i] + 1.0;
                }
            }
            case LEAKY_RELU -> {
                for (int i = from; i < to; i++) {
                    g[i] *= a[i] > 0 ? 1.0 : 0.2;
                }
            }
            case RELU -> {
                for (int i = from; i < to; i++) {
                    g[i] *= Math.min(a[i] * 0x1p1023 * 0x1p52, 1.0);
                }
            }
            case TANH -> {
                for (int i = from; i < to; i++) {
                    g[i] *= 1 - a[i] * a[i];
                }
            }
            case SIGMOID -> {
                for (int i = from; i < to; i++) {
                    g[i] *= a[i] * (1 - a[i]);
                }
            }
            case LINEAR -> {
                // derivative 1
            }
            default -> throw new IllegalArgumentException(activation + " is applied by the loss, not here");
        }
    }

    // ---- max pooling ------------------------------------------------------------------------

    /**
     * Max pooling of {@code planes} planes of {@code height x width} with {@code size x size}
     * windows moved by {@code size}; {@code argmax} receives, for each output, the index in
     * {@code input} of the value it took (the first of equal ones).
     */
    static void maxPool(Object input, Object output, int[] argmax, int planes, int height, int width, int size) {
        maxPool(input, output, argmax, 0, planes, height, width, size);
    }

    /** As {@link #maxPool(Object, Object, int[], int, int, int, int)}, writing {@code argmax} from {@code argmaxOffset} on. */
    static void maxPool(Object input, Object output, int[] argmax, int argmaxOffset, int planes, int height, int width,
                        int size) {
        if (input instanceof float[] f) {
            if (size == 2) {
                maxPool2(f, (float[]) output, argmax, argmaxOffset, planes, height, width);
            } else {
                maxPool(f, (float[]) output, argmax, argmaxOffset, planes, height, width, size);
            }
        } else {
            if (size == 2) {
                maxPool2((double[]) input, (double[]) output, argmax, argmaxOffset, planes, height, width);
            } else {
                maxPool((double[]) input, (double[]) output, argmax, argmaxOffset, planes, height, width, size);
            }
        }
    }

    /**
     * 2x2 pooling, the common case, written so that the JIT compiles each comparison to a
     * conditional move: the general loop's branches, mispredicted on real activations, made it
     * 10x slower (10 ms against 0.9 ms for a 64-image batch of 32x24x24).
     */
    private static void maxPool2(float[] input, float[] output, int[] argmax, int argmaxOffset, int planes, int height,
                                 int width) {
        int outHeight = height / 2;
        int outWidth = width / 2;
        int o = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * height * width;
            for (int py = 0; py < outHeight; py++) {
                int top = base + 2 * py * width;
                int bottom = top + width;
                for (int px = 0; px < outWidth; px++, o++) {
                    int i = top + 2 * px;
                    int j = bottom + 2 * px;
                    float a = input[i];
                    float b = input[i + 1];
                    float c = input[j];
                    float d = input[j + 1];
                    int upper = b > a ? i + 1 : i;
                    float upperMax = Math.max(a, b);
                    int lower = d > c ? j + 1 : j;
                    float lowerMax = Math.max(c, d);
                    argmax[argmaxOffset + o] = lowerMax > upperMax ? lower : upper;
                    output[o] = Math.max(upperMax, lowerMax);
                }
            }
        }
    }

    private static void maxPool2(double[] input, double[] output, int[] argmax, int argmaxOffset, int planes, int height,
                                 int width) {
        int outHeight = height / 2;
        int outWidth = width / 2;
        int o = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * height * width;
            for (int py = 0; py < outHeight; py++) {
                int top = base + 2 * py * width;
                int bottom = top + width;
                for (int px = 0; px < outWidth; px++, o++) {
                    int i = top + 2 * px;
                    int j = bottom + 2 * px;
                    double a = input[i];
                    double b = input[i + 1];
                    double c = input[j];
                    double d = input[j + 1];
                    int upper = b > a ? i + 1 : i;
                    double upperMax = Math.max(a, b);
                    int lower = d > c ? j + 1 : j;
                    double lowerMax = Math.max(c, d);
                    argmax[argmaxOffset + o] = lowerMax > upperMax ? lower : upper;
                    output[o] = Math.max(upperMax, lowerMax);
                }
            }
        }
    }

    /** Adds each output's gradient to the input it was taken from; {@code inputGradient} must start zeroed. */
    static void unpool(Object outputGradient, int[] argmax, Object inputGradient, int count) {
        if (outputGradient instanceof float[] g) {
            float[] target = (float[]) inputGradient;
            for (int o = 0; o < count; o++) {
                target[argmax[o]] += g[o];
            }
        } else {
            double[] g = (double[]) outputGradient;
            double[] target = (double[]) inputGradient;
            for (int o = 0; o < count; o++) {
                target[argmax[o]] += g[o];
            }
        }
    }

    private static void maxPool(float[] input, float[] output, int[] argmax, int argmaxOffset, int planes, int height,
                                int width, int size) {
        int outHeight = height / size;
        int outWidth = width / size;
        int o = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * height * width;
            for (int py = 0; py < outHeight; py++) {
                for (int px = 0; px < outWidth; px++, o++) {
                    int start = base + py * size * width + px * size;
                    int best = start;
                    float max = input[start];
                    for (int dy = 0; dy < size; dy++) {
                        int r = start + dy * width;
                        for (int dx = 0; dx < size; dx++) {
                            if (input[r + dx] > max) {
                                max = input[r + dx];
                                best = r + dx;
                            }
                        }
                    }
                    output[o] = max;
                    argmax[argmaxOffset + o] = best;
                }
            }
        }
    }

    private static void maxPool(double[] input, double[] output, int[] argmax, int argmaxOffset, int planes, int height,
                                int width, int size) {
        int outHeight = height / size;
        int outWidth = width / size;
        int o = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * height * width;
            for (int py = 0; py < outHeight; py++) {
                for (int px = 0; px < outWidth; px++, o++) {
                    int start = base + py * size * width + px * size;
                    int best = start;
                    double max = input[start];
                    for (int dy = 0; dy < size; dy++) {
                        int r = start + dy * width;
                        for (int dx = 0; dx < size; dx++) {
                            if (input[r + dx] > max) {
                                max = input[r + dx];
                                best = r + dx;
                            }
                        }
                    }
                    output[o] = max;
                    argmax[argmaxOffset + o] = best;
                }
            }
        }
    }
}
