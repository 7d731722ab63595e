package dev.digitlab.data;

import java.util.Arrays;
import java.util.List;

/**
 * A set of labelled grayscale images held as float32 in [0,1] (pixel/255), row-major, one image
 * after another. Immutable: the arrays are never handed out for writing.
 */
public final class ImageSet {

    private final float[] pixels;
    private final byte[] labels;
    private final int rows;
    private final int cols;

    /**
     * @param pixels {@code labels.length * rows * cols} values in [0,1]; taken, not copied
     * @param labels one class 0-9 per image; taken, not copied
     */
    public ImageSet(float[] pixels, byte[] labels, int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + rows + "x" + cols);
        }
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels do not match "
                    + pixels.length + " pixels of " + rows + "x" + cols + " images");
        }
        this.pixels = pixels;
        this.labels = labels;
        this.rows = rows;
        this.cols = cols;
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Pixels in one image, {@code rows * cols}. */
    public int imageSize() {
        return rows * cols;
    }

    /** The class (0-9) of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** Copies image {@code i} into {@code dst} at {@code offset}. */
    public void copyImage(int i, float[] dst, int offset) {
        System.arraycopy(pixels, i * imageSize(), dst, offset, imageSize());
    }

    /** A copy of image {@code i}. */
    public float[] image(int i) {
        float[] out = new float[imageSize()];
        copyImage(i, out, 0);
        return out;
    }

    /** The images {@code from} (inclusive) to {@code to} (exclusive) as a new set. */
    public ImageSet slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of " + size());
        }
        return new ImageSet(Arrays.copyOfRange(pixels, from * imageSize(), to * imageSize()),
                Arrays.copyOfRange(labels, from, to), rows, cols);
    }

    /** How many images there are of each class 0-9. */
    public int[] classCounts() {
        int[] counts = new int[10];
        for (byte label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * One set of all {@code sets}' images in order, e.g. a training set with other images added.
     *
     * @throws IllegalArgumentException when the images are not all the same size
     */
    public static ImageSet concat(List<ImageSet> sets) {
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("nothing to join");
        }
        ImageSet first = sets.get(0);
        int total = 0;
        for (ImageSet set : sets) {
            if (set.rows != first.rows || set.cols != first.cols) {
                throw new IllegalArgumentException("images of " + set.rows + "x" + set.cols
                        + " cannot join images of " + first.rows + "x" + first.cols);
            }
            total += set.size();
        }
        float[] pixels = new float[total * first.imageSize()];
        byte[] labels = new byte[total];
        int at = 0;
        for (ImageSet set : sets) {
            System.arraycopy(set.pixels, 0, pixels, at * first.imageSize(), set.pixels.length);
            System.arraycopy(set.labels, 0, labels, at, set.labels.length);
            at += set.size();
        }
        return new ImageSet(pixels, labels, first.rows, first.cols);
    }
}
