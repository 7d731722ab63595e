package dev.digitlab.nn;

import dev.digitlab.nn.cpu.BufferCache;
import dev.digitlab.nn.cpu.Lanes;
import dev.digitlab.nn.cpu.NdBuffers;
import dev.digitlab.nn.cpu.NdStart;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A feed-forward network built from a {@link ModelSpec}, on ND4J: dense, dropout, conv, max-pool
 * and flatten layers. Inputs are flat rows ({@code 784} values for MNIST); image layers see them as
 * one square channel and pass on channels-first images ({@code [batch, channels, height, width]}),
 * and a dense layer that follows an image gets a flatten layer in front of it when the spec has
 * none.
 *
 * <p>All parameters live in one flat vector, and all gradients in another of the same layout;
 * each layer works on reshaped views of its slice. The optimizer can so update everything with a
 * few whole-vector operations, and {@link #copy()} is one copy.
 *
 * <p>Thread safety: every public method and every training step lock the network, so one UI thread
 * can predict while one training thread trains (the UI waits at most one training step). For a
 * picture that does not change under the UI while training goes on, hand it a {@link #copy()}.
 */
public final class Network implements Classifier {

    /** Rows per forward pass when predicting many images, at most. */
    private static final int PREDICT_CHUNK = 1000;
    /**
     * Values of the largest layer output per forward pass when predicting: 1 MB in float32. A conv
     * layer's output is its pooled image (4,608 values in the {@code cnn} preset), but its work
     * arrays hold the column matrix and the unpooled product too (about 33,000 values an image),
     * so the conv networks read 56 images at a time, whose work stays near the caches: the
     * {@code cnn} preset's 10,000 test images took 0.62-0.67 s in two lanes, against 0.84-0.98 s
     * 910 at a time (16 MB) and 0.84-0.93 s 227 at a time (4 MB); 32 and 64 at a time did as well
     * as 56, 16 worse. The tutorial MLP reads 334 at a time, as fast as 1,000 (23-26 ms).
     */
    private static final int PREDICT_VALUES = 1 << 18;

    private final ModelSpec spec;
    private final long seed;
    private final DataType type;
    /** How many lanes the conv layers split a batch into. */
    private final int lanes;
    private final List<Layer> layers;
    /** For each layer, the index of the spec layer it was made from (-1 for an implicit flatten). */
    private final int[] specIndices;
    private final List<Parameter> parameters;
    private final INDArray params;
    private final INDArray grads;
    private final BufferCache inputs;
    /** Rows per forward pass when predicting: fewer for networks with large image layers. */
    private final int predictChunk;
    private double[] logits = new double[0];

    private Network(ModelSpec spec, long seed, DataType type, int lanes) {
        // ND4J starts only where NdStart lets it (see there): never first on a thread of its own.
        NdStart.await();
        this.spec = spec;
        this.seed = seed;
        this.type = type;
        this.lanes = Lanes.check(lanes);
        List<Integer> specIndices = new ArrayList<>();
        this.layers = NetworkLayers.build(spec, seed, type, lanes, specIndices);
        this.specIndices = specIndices.stream().mapToInt(Integer::intValue).toArray();
        List<Parameter> all = new ArrayList<>();
        long total = 0;
        for (Layer layer : layers) {
            all.addAll(layer.parameters());
            total += layer.parameterCount();
        }
        this.parameters = Collections.unmodifiableList(all);
        this.params = Nd4j.create(type, 1, Math.max(total, 1));
        this.grads = Nd4j.create(type, 1, Math.max(total, 1));
        long offset = 0;
        for (Layer layer : layers) {
            long n = layer.parameterCount();
            if (n > 0) {
                layer.bind(params.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + n)),
                        grads.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + n)));
            }
            offset += n;
        }
        this.inputs = new BufferCache(type, spec.inputs());
        long largest = spec.inputs();
        for (Layer layer : layers) {
            largest = Math.max(largest, Shapes.size(layer.outputShape()));
        }
        this.predictChunk = (int) Math.max(1, Math.min(PREDICT_CHUNK, PREDICT_VALUES / largest));
    }

    /**
     * A new network with float32 values, initialised from {@code seed} (Glorot-uniform weights,
     * zero biases): the same spec and seed give the same weights.
     */
    public static Network create(ModelSpec spec, long seed) {
        return create(spec, seed, DataType.FLOAT);
    }

    /**
     * As {@link #create(ModelSpec, long)}, with values of {@code type} (DOUBLE for gradient checks)
     * and the conv layers in {@link Lanes#count()} lanes, this machine's measured choice.
     */
    public static Network create(ModelSpec spec, long seed, DataType type) {
        return create(spec, seed, type, Lanes.count());
    }

    /**
     * As {@link #create(ModelSpec, long, DataType)}, with the conv layers splitting each batch into
     * {@code lanes} lanes that run at the same time (see {@link Lanes}). The lane count changes the
     * order in which the kernel gradients are added up, so training results are the same for a
     * given seed and lane count.
     *
     * @throws IllegalArgumentException when {@code lanes} is not from 1 to {@link Lanes#MAX}
     */
    public static Network create(ModelSpec spec, long seed, DataType type, int lanes) {
        Network network = new Network(spec, seed, type, lanes);
        // One stream per layer of the spec, in order, whether the layer has parameters or not and
        // whether it runs as a layer of its own or inside another: the weights depend only on the
        // spec and the seed, not on how the network arranges the layers.
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[spec.layers().size()];
        for (int i = 0; i < streams.length; i++) {
            streams[i] = random.split();
        }
        for (int i = 0; i < network.layers.size(); i++) {
            if (network.specIndices[i] >= 0) {
                network.layers.get(i).initialize(streams[network.specIndices[i]]);
            }
        }
        return network;
    }

    /** The architecture this network was built from. */
    public ModelSpec spec() {
        return spec;
    }

    /** The seed the weights were initialised from. */
    public long seed() {
        return seed;
    }

    /** How many lanes the conv layers split a batch into. */
    public int lanes() {
        return lanes;
    }

    /** FLOAT normally; DOUBLE for gradient checks. */
    public DataType dataType() {
        return type;
    }

    /** Values per input example. */
    public int inputs() {
        return spec.inputs();
    }

    /** Number of classes (outputs). */
    public int classes() {
        return spec.classes();
    }

    /** All trainable parameters, layer by layer, W before b. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The total number of trainable values. */
    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        return n;
    }

    /** A copy of the values of the parameter named {@code name} (e.g. {@code "dense_0/W"}), row-major. */
    public synchronized float[] parameterValues(String name) {
        Parameter p = find(name);
        float[] values = new float[p.size()];
        NdBuffers.read(view(name), values, values.length);
        return values;
    }

    /**
     * Replaces the values of the parameter named {@code name}.
     *
     * @throws IllegalArgumentException when there is no such parameter or the count does not match
     */
    public synchronized void setParameterValues(String name, float[] values) {
        Parameter p = find(name);
        if (values.length != p.size()) {
            throw new IllegalArgumentException("parameter " + p + " needs " + p.size() + " values, got "
                    + values.length);
        }
        NdBuffers.write(view(name), values, 0, values.length);
    }

    private Parameter find(String name) {
        for (Parameter p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("the model has no parameter '" + name + "' (it has " + parameters + ")");
    }

    private INDArray view(String name) {
        int slash = name.indexOf('/');
        String layerName = name.substring(0, slash);
        for (Layer layer : layers) {
            if (layer.name().equals(layerName)) {
                return layer.parameter(name.substring(slash + 1));
            }
        }
        throw new IllegalArgumentException("the model has no layer '" + layerName + "'");
    }

    /** An independent network with the same spec and the same parameter values. */
    public synchronized Network copy() {
        Network copy = new Network(spec, seed, type, lanes);
        copy.params.assign(params);
        return copy;
    }

    @Override
    public synchronized float[] probabilities(float[] image) {
        if (image.length != inputs()) {
            throw new IllegalArgumentException("an image needs " + inputs() + " values, got " + image.length);
        }
        double[] logProbs = logProbabilitiesLocked(image, 0, 1);
        float[] p = new float[classes()];
        for (int c = 0; c < p.length; c++) {
            p[c] = (float) Math.exp(logProbs[c]);
        }
        return p;
    }

    /**
     * The class probabilities of {@code count} images.
     *
     * @param images {@code count * inputs()} values, one image after another
     * @return one row of {@link #classes()} probabilities per image
     */
    public synchronized float[][] predict(float[] images, int count) {
        double[] logProbs = logProbabilities(images, count);
        float[][] p = new float[count][classes()];
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < classes(); c++) {
                p[i][c] = (float) Math.exp(logProbs[i * classes() + c]);
            }
        }
        return p;
    }

    /**
     * The natural log of the class probabilities of {@code count} images, computed stably from
     * the logits (no log of a probability that rounded to 0).
     *
     * @return {@code count * classes()} values, row-major
     */
    public synchronized double[] logProbabilities(float[] images, int count) {
        if (count < 0 || (long) count * inputs() > images.length) {
            throw new IllegalArgumentException(count + " images need " + (long) count * inputs()
                    + " values, got " + images.length);
        }
        double[] out = new double[count * classes()];
        for (int from = 0; from < count; from += predictChunk) {
            int n = Math.min(predictChunk, count - from);
            double[] chunk = logProbabilitiesLocked(images, from, n);
            System.arraycopy(chunk, 0, out, from * classes(), n * classes());
        }
        return out;
    }

    private double[] logProbabilitiesLocked(float[] images, int from, int n) {
        INDArray x = inputs.get(n);
        NdBuffers.write(x, images, from * inputs(), n * inputs());
        INDArray z = forward(x, false);
        int size = n * classes();
        if (logits.length < size) {
            logits = new double[size];
        }
        NdBuffers.read(z, logits, size);
        SoftmaxCrossEntropy.logSoftmaxRows(logits, n, classes());
        return logits;
    }

    /** The logits of a batch; in training mode dropout is active. Caller holds the lock. */
    INDArray forward(INDArray x, boolean training) {
        INDArray a = x;
        for (Layer layer : layers) {
            a = layer.forward(a, training);
        }
        return a;
    }

    /** Back-propagates the gradient with respect to the logits of the last forward pass. */
    void backward(INDArray logitGradient) {
        INDArray g = logitGradient;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, i > 0);
        }
    }

    /** The flat parameter vector [1, N]; layers hold views of it. */
    INDArray flatParameters() {
        return params;
    }

    /** The flat gradient vector [1, N], written by {@link #backward}. */
    INDArray flatGradients() {
        return grads;
    }

    List<Layer> layers() {
        return layers;
    }
}
