package dev.digitlab.nn;

import dev.digitlab.nn.cpu.NdBuffers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every analytic gradient against central finite differences of the loss, in double precision:
 * the oracle that says forward and backward agree (micrograd's way of testing).
 */
class GradientCheckTest {

    private static final double STEP = 1e-6;
    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest
    @ValueSource(strings = {
        "7 -> 5 relu -> 3 softmax",
        "7 -> 6 relu -> dropout 0.4 -> 5 relu -> 4 softmax",
        "7 -> 5 tanh -> 4 sigmoid -> 3 linear -> 3 softmax",
        "7 -> 3 softmax",
        "7 -> 6 elu -> 5 leaky_relu -> 3 softmax",
        "36 -> conv 3x3x2 elu -> conv 2x2x2 leaky_relu same -> maxpool 2 -> 3 softmax",
        "36 -> conv 3x3x2 tanh -> 3 softmax",
        "25 -> conv 3x3x2 relu same -> conv 2x2x3 linear same -> flatten -> 3 softmax",
        "36 -> conv 3x3x2 relu -> maxpool 2 -> flatten -> 4 relu -> 3 softmax",
        "49 -> maxpool 2 -> 3 softmax",
        "16 -> 25 tanh -> conv 3x3x2 sigmoid same -> maxpool 2 -> 3 softmax",
        "64 -> conv 3x3x3 relu same -> maxpool 2 -> conv 2x3x2 tanh -> dropout 0.3 -> flatten -> 3 softmax",
    })
    void analyticGradientsMatchFiniteDifferences(String text) {
        checkGradients(Network.create(ModelSpec.parse(text), 7, DataType.DOUBLE, 1));
    }

    /** The conv layers split the batch of 5 into lanes of 2 and 3 examples, or of 1, 2 and 2. */
    @ParameterizedTest
    @ValueSource(strings = {
        "36 -> conv 3x3x2 elu -> conv 2x2x2 leaky_relu same -> maxpool 2 -> 3 softmax",
        "25 -> conv 3x3x2 relu same -> conv 2x2x3 linear same -> flatten -> 3 softmax",
        "64 -> conv 3x3x3 relu same -> maxpool 2 -> conv 2x3x2 tanh -> dropout 0.3 -> flatten -> 3 softmax",
    })
    void analyticGradientsMatchFiniteDifferencesInLanes(String text) {
        checkGradients(Network.create(ModelSpec.parse(text), 7, DataType.DOUBLE, 2));
        checkGradients(Network.create(ModelSpec.parse(text), 7, DataType.DOUBLE, 3));
    }

    private static void checkGradients(Network network) {
        int batch = 5;
        SplittableRandom random = new SplittableRandom(3);
        double[] x = new double[batch * network.inputs()];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() * 2 - 1;
        }
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(network.classes());
        }
        INDArray input = Nd4j.create(DataType.DOUBLE, batch, network.inputs());
        NdBuffers.write(input, x);

        // Dropout draws its mask on the first pass and keeps it, so every pass sees the same function.
        network.layers().stream().filter(l -> l instanceof Dropout).forEach(l -> ((Dropout) l).freezeMask(true));
        loss(network, input, labels, true);
        INDArray params = network.flatParameters();
        double[] analytic = network.flatGradients().dup().data().asDouble();

        int checked = 0;
        double worst = 0;
        for (int i = 0; i < params.length(); i++) {
            double original = params.getDouble(0, i);
            params.putScalar(0, i, original + STEP);
            double plus = loss(network, input, labels, false);
            params.putScalar(0, i, original - STEP);
            double minus = loss(network, input, labels, false);
            params.putScalar(0, i, original);
            double numeric = (plus - minus) / (2 * STEP);
            double scale = Math.max(Math.max(Math.abs(numeric), Math.abs(analytic[i])), 1e-4);
            double error = Math.abs(numeric - analytic[i]) / scale;
            worst = Math.max(worst, error);
            assertTrue(error < TOLERANCE, "parameter " + i + ": analytic " + analytic[i] + ", numeric " + numeric);
            checked++;
        }
        assertEquals(network.parameterCount(), checked);
        assertTrue(worst < TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "30 -> 20 relu -> dropout 0.3 -> 16 tanh -> 10 softmax",
        "64 -> conv 3x3x4 relu same -> maxpool 2 -> conv 2x2x3 sigmoid -> dropout 0.3 -> 12 relu -> 10 softmax",
        "64 -> conv 3x3x4 elu -> maxpool 2 -> 12 leaky_relu -> 10 softmax",
    })
    void floatGradientsAgreeWithTheCheckedDoubleOnes(String text) {
        ModelSpec spec = ModelSpec.parse(text);
        Network single = Network.create(spec, 5, DataType.FLOAT);
        Network twice = Network.create(spec, 5, DataType.DOUBLE);
        int batch = 9;
        int inputs = spec.inputs();
        SplittableRandom random = new SplittableRandom(8);
        double[] x = new double[batch * inputs];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
        }
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(10);
        }
        INDArray inputSingle = Nd4j.create(DataType.FLOAT, batch, inputs);
        INDArray inputDouble = Nd4j.create(DataType.DOUBLE, batch, inputs);
        NdBuffers.write(inputSingle, x);
        NdBuffers.write(inputDouble, x);
        double lossSingle = loss(single, inputSingle, labels, true);
        double lossDouble = loss(twice, inputDouble, labels, true);
        assertEquals(lossDouble, lossSingle, 1e-5);
        double[] gs = single.flatGradients().castTo(DataType.DOUBLE).data().asDouble();
        double[] gd = twice.flatGradients().data().asDouble();
        for (int i = 0; i < gd.length; i++) {
            assertEquals(gd[i], gs[i], 1e-5 + 1e-3 * Math.abs(gd[i]), "gradient " + i);
        }
    }

    @Test
    void dropoutMaskZeroesAboutTheRateAndScalesTheRest() {
        Network network = Network.create(ModelSpec.parse("200 -> dropout 0.25 -> 2 softmax"), 1, DataType.DOUBLE);
        Layer dropout = network.layers().get(0);
        INDArray ones = Nd4j.ones(DataType.DOUBLE, 50, 200);
        double[] out = dropout.forward(ones, true).dup().data().asDouble();
        int zeros = 0;
        for (double v : out) {
            if (v == 0) {
                zeros++;
            } else {
                assertEquals(1 / 0.75, v, 1e-12);
            }
        }
        assertEquals(0.25, zeros / (double) out.length, 0.02);
        assertEquals(ones, dropout.forward(ones, false), "dropout is off when predicting");
    }

    /** Mean loss; with {@code backward} also fills the network's gradients. */
    private static double loss(Network network, INDArray input, int[] labels, boolean backward) {
        INDArray logits = network.forward(input, true);
        INDArray gradient = Nd4j.create(logits.dataType(), logits.size(0), logits.size(1));
        SoftmaxCrossEntropy.Result r = new SoftmaxCrossEntropy().lossAndGradient(logits, labels, gradient);
        if (backward) {
            network.backward(gradient);
        }
        return r.lossSum() / labels.length;
    }
}
