package dev.digitlab.ui.evaluate;

import dev.digitlab.ui.evaluate.FirstLayerWeights;
import dev.digitlab.ui.shared.Messages;

import dev.digitlab.nn.LayerType;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.Parameter;
import java.util.Arrays;

/**
 * The first layer's weights cut into small images, one per unit (a dense layer) or per filter (a
 * convolution), so a learner sees which strokes each one responds to. A dense layer on 28x28
 * inputs with 128 units gives 128 tiles of 28x28: tile u holds the weights from every pixel to
 * unit u. A convolution's filters give one tile per filter, of the kernel's size.
 *
 * <p>Convolution weights are read in either of the two usual layouts, told apart by where the
 * single input channel is: {@code [filters, 1, height, width]} (DL4J's) or
 * {@code [height, width, 1, filters]} (Keras's and SameDiff's). Anything else (a first layer with
 * several input channels, an unknown kind of layer) is not drawn: {@link #problem()} then says why.
 *
 * <p>Colour scales come from {@link #globalScale()} or {@link #scale(int)}: the 99th percentile of
 * the absolute values rather than the maximum, so that a handful of extreme weights do not fade all
 * the others to white.
 */
public final class FirstLayerWeights {

    /** The share of weights at or below the scale; the rest saturate. */
    static final double SCALE_PERCENTILE = 0.99;

    private final String layer;
    private final int count;
    private final int rows;
    private final int cols;
    private final float[] values;
    private final String problem;
    private float globalScale = Float.NaN;
    private float[] tileScales;

    private FirstLayerWeights(String layer, int count, int rows, int cols, float[] values, String problem) {
        this.layer = layer;
        this.count = count;
        this.rows = rows;
        this.cols = cols;
        this.values = values;
        this.problem = problem;
    }

    /** The tiles of {@code network}'s first layer that has weights. */
    public static FirstLayerWeights of(Network network) {
        for (Parameter p : network.parameters()) {
            if (p.name().endsWith("/W")) {
                return of(p, network.parameterValues(p.name()));
            }
        }
        return unusable("", Messages.get("weights.none"));
    }

    /**
     * The tiles of a first layer's weight parameter.
     *
     * @param weights its name (e.g. {@code dense_0/W} or {@code conv2d_0/W}) and shape
     * @param values  its values, row-major
     */
    public static FirstLayerWeights of(Parameter weights, float[] values) {
        String layer = weights.name().substring(0, Math.max(weights.name().indexOf('/'), 0));
        int[] shape = weights.shape();
        if (values.length != weights.size()) {
            throw new IllegalArgumentException("parameter " + weights + " needs " + weights.size() + " values, got "
                    + values.length);
        }
        LayerType kind = LayerType.ofParameter(weights.name()).orElse(null);
        if (kind == LayerType.DENSE && shape.length == 2) {
            return dense(layer, shape[0], shape[1], values);
        }
        if (kind == LayerType.CONV2D && shape.length == 4) {
            return conv(layer, weights, values);
        }
        return unusable(layer, Messages.format("weights.unknown", weights.toString()));
    }

    private static FirstLayerWeights dense(String layer, int inputs, int units, float[] w) {
        int side = (int) Math.round(Math.sqrt(inputs));
        if (side * side != inputs) {
            return unusable(layer, Messages.format("weights.notSquare", inputs));
        }
        // W is [inputs, units]: the weight from pixel p to unit u sits at p * units + u.
        float[] tiles = new float[units * inputs];
        for (int p = 0; p < inputs; p++) {
            for (int u = 0; u < units; u++) {
                tiles[u * inputs + p] = w[p * units + u];
            }
        }
        return new FirstLayerWeights(layer, units, side, side, tiles, null);
    }

    private static FirstLayerWeights conv(String layer, Parameter weights, float[] w) {
        int[] s = weights.shape();
        if (s[1] == 1) {
            // [filters, 1, height, width]: each filter's kernel is already contiguous.
            return new FirstLayerWeights(layer, s[0], s[2], s[3], w.clone(), null);
        }
        if (s[2] == 1) {
            // [height, width, 1, filters]: the filters are interleaved, the last index.
            int filters = s[3];
            int size = s[0] * s[1];
            float[] tiles = new float[filters * size];
            for (int i = 0; i < size; i++) {
                for (int f = 0; f < filters; f++) {
                    tiles[f * size + i] = w[i * filters + f];
                }
            }
            return new FirstLayerWeights(layer, filters, s[0], s[1], tiles, null);
        }
        return unusable(layer, Messages.format("weights.channels", weights.toString()));
    }

    private static FirstLayerWeights unusable(String layer, String problem) {
        return new FirstLayerWeights(layer, 0, 0, 0, new float[0], problem);
    }

    /** The layer the weights belong to, e.g. {@code dense_0}. */
    public String layer() {
        return layer;
    }

    /** Whether the tiles are a convolution's filters rather than a dense layer's units. */
    public boolean convolution() {
        return layer.startsWith("conv");
    }

    /** Whether there are tiles to draw; else {@link #problem()} says why not. */
    public boolean drawable() {
        return problem == null;
    }

    /** Why the weights cannot be drawn, one sentence for the user; null when they can. */
    public String problem() {
        return problem;
    }

    /** Number of tiles: units or filters. */
    public int count() {
        return count;
    }

    /** Height of a tile. */
    public int rows() {
        return rows;
    }

    /** Width of a tile. */
    public int cols() {
        return cols;
    }

    /** The weight at row {@code r}, column {@code c} of tile {@code tile}. */
    public float value(int tile, int r, int c) {
        return values[(tile * rows + r) * cols + c];
    }

    /** One scale for all tiles: the 99th percentile of every absolute weight. */
    public synchronized float globalScale() {
        if (Float.isNaN(globalScale)) {
            globalScale = percentile(values, 0, values.length);
        }
        return globalScale;
    }

    /** The scale of tile {@code tile} alone: the 99th percentile of its absolute weights. */
    public synchronized float scale(int tile) {
        if (tileScales == null) {
            tileScales = new float[count];
            int size = rows * cols;
            for (int t = 0; t < count; t++) {
                tileScales[t] = percentile(values, t * size, (t + 1) * size);
            }
        }
        return tileScales[tile];
    }

    private static float percentile(float[] v, int from, int to) {
        if (to <= from) {
            return 0;
        }
        float[] abs = new float[to - from];
        for (int i = from; i < to; i++) {
            abs[i - from] = Math.abs(v[i]);
        }
        Arrays.sort(abs);
        return abs[(int) Math.min(abs.length - 1, Math.ceil(SCALE_PERCENTILE * abs.length) - 1)];
    }
}
