package dev.digitlab.nn;

import java.util.Arrays;

/**
 * A named block of trainable values, e.g. {@code dense_0/W} with shape {@code [784, 128]}.
 *
 * @param name  the layer's name, a slash, and the parameter's name
 * @param shape the dimensions, row-major
 */
public record Parameter(String name, int[] shape) {

    public Parameter {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The number of values: the product of the dimensions. */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameter p && p.name.equals(name) && Arrays.equals(p.shape, shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
