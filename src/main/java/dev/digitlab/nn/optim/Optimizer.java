package dev.digitlab.nn.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Updates a flat parameter vector from a flat gradient vector, one step per batch. */
public interface Optimizer {

    /**
     * Moves {@code params} against {@code grads}; {@code grads} may be overwritten.
     * Both are [1, N] with the same layout.
     */
    void step(INDArray params, INDArray grads);

    /** Steps taken so far. */
    long iterations();

    /** The optimizer {@code config} describes, for {@code size} parameters of the network's type. */
    static Optimizer create(OptimizerConfig config, long size, org.nd4j.linalg.api.buffer.DataType type) {
        return switch (config.name()) {
            case OptimizerConfig.ADAM -> new Adam(config, size, type);
            case OptimizerConfig.SGD -> new Sgd(config, size, type);
            default -> throw new IllegalArgumentException("unknown optimizer '" + config.name() + "'");
        };
    }
}
