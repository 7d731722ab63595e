package dev.digitlab.nn;

/**
 * The sizes of one convolution with stride 1: input {@code channels x height x width}, a
 * {@code kernelHeight x kernelWidth} kernel, {@code padTop}/{@code padLeft} zeros before the first
 * row and column (and as many as "same" needs after the last), output
 * {@code outHeight x outWidth} per filter.
 */
record ConvGeometry(int channels, int height, int width, int kernelHeight, int kernelWidth, int padTop, int padLeft,
                    int outHeight, int outWidth) {

    /** The geometry of {@code spec} (a conv layer) on an input image {@code [channels, height, width]}. */
    static ConvGeometry of(LayerSpec spec, int[] image) {
        int kh = spec.kernelHeight();
        int kw = spec.kernelWidth();
        if (LayerSpec.SAME.equals(spec.padding())) {
            // Keras/TensorFlow "same": the odd zero of an even kernel goes after the image.
            return new ConvGeometry(image[0], image[1], image[2], kh, kw, (kh - 1) / 2, (kw - 1) / 2, image[1], image[2]);
        }
        return new ConvGeometry(image[0], image[1], image[2], kh, kw, 0, 0, image[1] - kh + 1, image[2] - kw + 1);
    }

    /**
     * One example's output shape, {@code [filters, outHeight, outWidth]}, of conv layer {@code spec}
     * on {@code image}; refuses kernels larger than the image and layers too large to index.
     */
    static int[] outputShape(LayerSpec spec, int[] image) {
        if (spec.kernelHeight() > image[1] || spec.kernelWidth() > image[2]) {
            throw new IllegalArgumentException("the conv layer '" + spec + "' needs an image of at least "
                    + spec.kernelHeight() + "x" + spec.kernelWidth() + ", but its input is " + image[1] + "x" + image[2]);
        }
        ConvGeometry g = of(spec, image);
        int[] out = {spec.filters(), g.outHeight(), g.outWidth()};
        long patch = g.patchSize();
        // Also bounds the column matrix of one example, (patch + 1) x positions values.
        if (Shapes.size(out) > Shapes.MAX_VALUES || patch * spec.filters() > Shapes.MAX_VALUES
                || (patch + 1) * g.positions() > Shapes.MAX_VALUES) {
            throw new IllegalArgumentException("the conv layer '" + spec + "' is too large for its "
                    + image[0] + "x" + image[1] + "x" + image[2] + " input");
        }
        return out;
    }

    /** Rows of the column matrix: one per kernel weight of one filter. */
    int patchSize() {
        return kernelHeight * kernelWidth * channels;
    }

    /** Output positions per filter. */
    int positions() {
        return outHeight * outWidth;
    }

    int imageSize() {
        return channels * height * width;
    }

    /** The first output column whose input column {@code ox + kx - padLeft} lies inside the image. */
    int firstColumn(int kx) {
        return Math.max(0, padLeft - kx);
    }

    /** One past the last output column whose input column lies inside the image. */
    int endColumn(int kx) {
        return Math.min(outWidth, width + padLeft - kx);
    }
}
