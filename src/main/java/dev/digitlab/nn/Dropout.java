package dev.digitlab.nn;

import dev.digitlab.nn.cpu.BufferCache;
import dev.digitlab.nn.cpu.HostCopy;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inverted dropout: while training, each input is zeroed with probability {@code rate} and the
 * rest are scaled by {@code 1 / (1 - rate)}, so nothing changes at prediction time, when the layer
 * passes its input through. The masks come from the network's seed and a count of training
 * batches, so a seeded run draws the same masks every time.
 */
final class Dropout implements ParameterFreeLayer {

    private final String name;
    private final LayerSpec spec;
    private final int[] shape;
    private final int size;
    private final double rate;
    private final long seed;
    private final BufferCache outputs;

    private final HostCopy host = new HostCopy();
    private long batches;
    private boolean frozen;
    /** Whether the last forward pass applied {@link #mask} (training) or passed its input through. */
    private boolean masked;
    private int maskRows;
    private double[] mask = new double[0];
    private double[] values = new double[0];

    Dropout(String name, LayerSpec spec, int[] shape, org.nd4j.linalg.api.buffer.DataType type, long seed) {
        this.name = name;
        this.spec = spec;
        this.shape = shape.clone();
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        this.size = n;
        this.rate = spec.rate();
        this.seed = seed;
        this.outputs = new BufferCache(type, shape);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public int[] outputShape() {
        return shape.clone();
    }

    /** Keeps reusing the last mask (for gradient checks, which must see the same function each time). */
    void freezeMask(boolean freeze) {
        this.frozen = freeze;
    }

    @Override
    public INDArray forward(INDArray input, boolean training) {
        if (!training || rate == 0) {
            masked = false;
            return input;
        }
        int n = (int) input.size(0);
        int count = n * size;
        if (!frozen || !masked || mask.length < count || maskRows != n) {
            mask = HostCopy.ensure(mask, count);
            fillMask(count);
            maskRows = n;
        }
        values = HostCopy.ensure(values, count);
        host.read(input, values, count);
        for (int i = 0; i < count; i++) {
            values[i] *= mask[i];
        }
        INDArray out = outputs.get(n);
        host.write(out, values, count);
        masked = true;
        return out;
    }

    private void fillMask(int count) {
        // One stream per batch, derived from the seed and the batch count: repeatable and cheap to copy.
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + batches++);
        double keep = 1.0 / (1.0 - rate);
        for (int i = 0; i < count; i++) {
            mask[i] = random.nextDouble() < rate ? 0.0 : keep;
        }
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        if (!needInputGradient || !masked) {
            return needInputGradient ? outputGradient : null;
        }
        int count = (int) outputGradient.size(0) * size;
        values = HostCopy.ensure(values, count);
        host.read(outputGradient, values, count);
        for (int i = 0; i < count; i++) {
            values[i] *= mask[i];
        }
        host.write(outputGradient, values, count);
        return outputGradient;
    }
}
