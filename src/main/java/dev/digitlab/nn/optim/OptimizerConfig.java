package dev.digitlab.nn.optim;

import java.util.Locale;

/**
 * How the weights move after each batch, with the defaults of Keras.
 *
 * @param name         "adam" or "sgd"
 * @param learningRate the step size (Keras: 0.001 for Adam, 0.01 for SGD)
 * @param decay        time-based decay: the rate at iteration t is {@code learningRate / (1 + decay * t)}
 * @param beta1        Adam's decay of the mean of the gradients (0.9)
 * @param beta2        Adam's decay of the mean of the squared gradients (0.999)
 * @param epsilon      Adam's guard against division by zero (1e-7, as Keras)
 * @param momentum     SGD's momentum (0 = plain SGD)
 */
public record OptimizerConfig(String name, double learningRate, double decay, double beta1, double beta2,
                              double epsilon, double momentum) {

    public static final String ADAM = "adam";
    public static final String SGD = "sgd";

    public OptimizerConfig {
        name = name == null ? null : name.toLowerCase(Locale.ROOT);
        if (!ADAM.equals(name) && !SGD.equals(name)) {
            throw new IllegalArgumentException("unknown optimizer '" + name + "' (known: adam, sgd)");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be a positive number, not " + learningRate);
        }
        if (!(decay >= 0) || Double.isInfinite(decay)) {
            throw new IllegalArgumentException("the learning-rate decay must be zero or positive, not " + decay);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam's beta1 and beta2 must be in [0, 1), not " + beta1 + " and " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("Adam's epsilon must be positive, not " + epsilon);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("the momentum must be in [0, 1), not " + momentum);
        }
    }

    /** Adam with Keras's defaults: lr 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7, no decay. */
    public static OptimizerConfig adam() {
        return adam(0.001, 0);
    }

    /** Adam with Keras's betas and epsilon. */
    public static OptimizerConfig adam(double learningRate, double decay) {
        return new OptimizerConfig(ADAM, learningRate, decay, 0.9, 0.999, 1e-7, 0);
    }

    /** Stochastic gradient descent with momentum (Keras's SGD, not Nesterov). */
    public static OptimizerConfig sgd(double learningRate, double momentum) {
        return new OptimizerConfig(SGD, learningRate, 0, 0.9, 0.999, 1e-7, momentum);
    }

    /** Adam or SGD with its Keras default learning rate (0.001 or 0.01). */
    public static OptimizerConfig defaults(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case ADAM -> adam();
            case SGD -> sgd(0.01, 0);
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "' (known: adam, sgd)");
        };
    }

    /** This config with another learning rate. */
    public OptimizerConfig withLearningRate(double lr) {
        return new OptimizerConfig(name, lr, decay, beta1, beta2, epsilon, momentum);
    }

    /** This config with another decay. */
    public OptimizerConfig withDecay(double d) {
        return new OptimizerConfig(name, learningRate, d, beta1, beta2, epsilon, momentum);
    }

    /** This config with another momentum. */
    public OptimizerConfig withMomentum(double m) {
        return new OptimizerConfig(name, learningRate, decay, beta1, beta2, epsilon, m);
    }

    /** The learning rate for the step after {@code iterations} earlier steps (Keras's time-based decay). */
    public double learningRateAt(long iterations) {
        return learningRate / (1 + decay * iterations);
    }
}
