package dev.digitlab.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.schedule.InverseSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Adam, as Keras computes it, on ND4J's own {@link AdamUpdater} (one native op for the moments and
 * the update, then one subtraction).
 *
 * <p>Epsilon: ND4J's updater, like Keras, computes {@code lr * sqrt(1 - beta2^t) / (1 - beta1^t)
 * * m / (sqrt(v) + epsilon)}, i.e. epsilon is added to {@code sqrt(v)} before bias correction (the
 * paper and PyTorch add it to {@code sqrt(v_hat)}); the tests check this against a hand
 * computation. Keras's time-based decay {@code lr / (1 + decay * t)} is ND4J's
 * {@link InverseSchedule} with power 1.
 */
final class Adam implements Optimizer {

    private final AdamUpdater updater;
    private long iterations;

    Adam(OptimizerConfig config, long size, DataType type) {
        org.nd4j.linalg.learning.config.Adam adam = new org.nd4j.linalg.learning.config.Adam(
                new InverseSchedule(ScheduleType.ITERATION, config.learningRate(), config.decay(), 1.0));
        adam.setBeta1(config.beta1());
        adam.setBeta2(config.beta2());
        adam.setEpsilon(config.epsilon());
        // State: [1, 2N], m then v, as ND4J's updater expects.
        INDArray state = Nd4j.create(type, 1, 2 * size);
        updater = (AdamUpdater) adam.instantiate(state, true);
    }

    @Override
    public void step(INDArray params, INDArray grads) {
        updater.applyUpdater(grads, (int) iterations, 0);
        params.subi(grads);
        iterations++;
    }

    @Override
    public long iterations() {
        return iterations;
    }
}
