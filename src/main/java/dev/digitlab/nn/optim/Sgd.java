package dev.digitlab.nn.optim;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Stochastic gradient descent with Keras's (non-Nesterov) momentum: {@code v = momentum * v - lr * g;
 * w += v}. Written here because ND4J's momentum updater is Nesterov's, which moves differently.
 */
final class Sgd implements Optimizer {

    private final OptimizerConfig config;
    private final INDArray velocity;
    private long iterations;

    Sgd(OptimizerConfig config, long size, DataType type) {
        this.config = config;
        this.velocity = config.momentum() > 0 ? Nd4j.create(type, 1, size) : null;
    }

    @Override
    public void step(INDArray params, INDArray grads) {
        double lr = config.learningRateAt(iterations);
        if (velocity == null) {
            params.subi(grads.muli(lr));
        } else {
            velocity.muli(config.momentum()).subi(grads.muli(lr));
            params.addi(velocity);
        }
        iterations++;
    }

    @Override
    public long iterations() {
        return iterations;
    }
}
