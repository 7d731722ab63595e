package dev.digitlab.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The optimizers against hand computations of Keras's update rules on a 2x2 problem. */
class OptimizerTest {

    /** Gradients of a 2x2 weight matrix at four steps; small values, so epsilon's placement matters. */
    private static final double[][] GRADIENTS = {
        {0.5, -0.02, 1e-4, 3.0},
        {0.4, 0.01, -2e-4, 2.5},
        {-0.1, 0.03, 1e-4, -1.0},
        {0.2, -0.05, 0.0, 0.5},
    };
    private static final double[] START = {1.0, -0.5, 0.25, 2.0};

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1})
    void adamMovesAsKerasComputesIt(double decay) {
        OptimizerConfig config = new OptimizerConfig("adam", 0.01, decay, 0.9, 0.999, 1e-3, 0);
        double[] expected = START.clone();
        double[] m = new double[4];
        double[] v = new double[4];
        double[] actual = run(config, step -> {
            int t = step + 1;
            double lr = 0.01 / (1 + decay * step);
            double lrT = lr * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
            for (int i = 0; i < 4; i++) {
                double g = GRADIENTS[step][i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                // Keras: epsilon added to sqrt(v), not to the bias-corrected sqrt(v_hat)
                expected[i] -= lrT * m[i] / (Math.sqrt(v[i]) + 1e-3);
            }
        });
        assertArrayEquals(expected, actual, 1e-12);
    }

    @Test
    void adamInFloatMatchesAdamInDouble() {
        OptimizerConfig config = OptimizerConfig.adam(0.01, 0.1);
        Optimizer single = Optimizer.create(config, 4, DataType.FLOAT);
        Optimizer twice = Optimizer.create(config, 4, DataType.DOUBLE);
        INDArray ps = Nd4j.create(START, new long[] {1, 4}, DataType.DOUBLE).castTo(DataType.FLOAT);
        INDArray pd = Nd4j.create(START, new long[] {1, 4}, DataType.DOUBLE);
        for (double[] g : GRADIENTS) {
            single.step(ps, Nd4j.create(g, new long[] {1, 4}, DataType.DOUBLE).castTo(DataType.FLOAT));
            twice.step(pd, Nd4j.create(g, new long[] {1, 4}, DataType.DOUBLE));
        }
        assertArrayEquals(pd.data().asDouble(), ps.castTo(DataType.DOUBLE).data().asDouble(), 1e-6);
    }

    /**
     * float32 Adam works block by block: over two whole blocks and a part of a third, in a view that
     * starts inside its buffer, every value moves as in double, each with its own moments.
     */
    @Test
    void adamInFloatMatchesAdamInDoubleAcrossBlocks() {
        int size = 2 * Adam.BLOCK + 37;
        OptimizerConfig config = OptimizerConfig.adam(0.01, 0.0);
        Optimizer single = Optimizer.create(config, size, DataType.FLOAT);
        Optimizer twice = Optimizer.create(config, size, DataType.DOUBLE);
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        double[] start = random.doubles(size, -1, 1).toArray();
        INDArray buffer = Nd4j.create(DataType.FLOAT, 1, size + 5);
        INDArray ps = buffer.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(5, size + 5)).reshape(1, size);
        ps.assign(Nd4j.create(start, new long[] {1, size}, DataType.DOUBLE).castTo(DataType.FLOAT));
        INDArray pd = Nd4j.create(start, new long[] {1, size}, DataType.DOUBLE);
        for (int step = 0; step < 3; step++) {
            // Each value its own gradient, different at each step, so moments mixed up between blocks show.
            double[] g = random.doubles(size, -2, 2).toArray();
            single.step(ps, Nd4j.create(g, new long[] {1, size}, DataType.DOUBLE).castTo(DataType.FLOAT));
            twice.step(pd, Nd4j.create(g, new long[] {1, size}, DataType.DOUBLE));
        }
        assertArrayEquals(pd.data().asDouble(), ps.castTo(DataType.DOUBLE).data().asDouble(), 1e-5);
        assertEquals(0.0, buffer.getDouble(0, 4), "the values before the view are left alone");
    }

    @Test
    void sgdWithMomentumMovesAsKerasComputesIt() {
        OptimizerConfig config = OptimizerConfig.sgd(0.1, 0.9).withDecay(0.05);
        double[] expected = START.clone();
        double[] velocity = new double[4];
        double[] actual = run(config, step -> {
            double lr = 0.1 / (1 + 0.05 * step);
            for (int i = 0; i < 4; i++) {
                velocity[i] = 0.9 * velocity[i] - lr * GRADIENTS[step][i];
                expected[i] += velocity[i];
            }
        });
        assertArrayEquals(expected, actual, 1e-12);
    }

    @Test
    void plainSgdStepsAgainstTheGradient() {
        double[] expected = START.clone();
        double[] actual = run(OptimizerConfig.sgd(0.5, 0), step -> {
            for (int i = 0; i < 4; i++) {
                expected[i] -= 0.5 * GRADIENTS[step][i];
            }
        });
        assertArrayEquals(expected, actual, 1e-12);
    }

    @Test
    void kerasDefaultsAreTheDefaults() {
        OptimizerConfig adam = OptimizerConfig.adam();
        assertEquals(0.001, adam.learningRate());
        assertEquals(0.9, adam.beta1());
        assertEquals(0.999, adam.beta2());
        assertEquals(1e-7, adam.epsilon());
        assertEquals(0.01, OptimizerConfig.defaults("sgd").learningRate());
    }

    @Test
    void badSettingsAreRefusedWithAReason() {
        assertEquals("the learning rate must be a positive number, not 0.0",
                assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.adam(0, 0)).getMessage());
        assertEquals("unknown optimizer 'rmsprop' (known: adam, sgd)",
                assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.defaults("rmsprop")).getMessage());
    }

    /** Runs the optimizer over {@link #GRADIENTS}, calling {@code hand} after each step with its index. */
    private static double[] run(OptimizerConfig config, java.util.function.IntConsumer hand) {
        Optimizer optimizer = Optimizer.create(config, 4, DataType.DOUBLE);
        INDArray params = Nd4j.create(START, new long[] {1, 4}, DataType.DOUBLE);
        for (int step = 0; step < GRADIENTS.length; step++) {
            INDArray grads = Nd4j.create(GRADIENTS[step], new long[] {1, 4}, DataType.DOUBLE);
            optimizer.step(params, grads);
            hand.accept(step);
        }
        assertEquals(GRADIENTS.length, optimizer.iterations());
        return params.data().asDouble();
    }
}
