package dev.digitlab.nn;

import dev.digitlab.nn.cpu.BufferCache;
import dev.digitlab.nn.cpu.NdBuffers;
import dev.digitlab.nn.optim.Optimizer;
import dev.digitlab.nn.optim.OptimizerConfig;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs training steps on one network: forward, fused softmax cross-entropy, backward and an
 * optimizer step per batch, into buffers kept from one batch to the next. Holds the optimizer's
 * state, so one trainer serves one training run.
 */
public final class BatchTrainer {

    private final Network network;
    private final Optimizer optimizer;
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    private final BufferCache inputs;
    private final BufferCache logitGradients;

    public BatchTrainer(Network network, OptimizerConfig config) {
        this.network = network;
        this.optimizer = Optimizer.create(config, network.parameterCount(), network.dataType());
        this.inputs = new BufferCache(network.dataType(), network.inputs());
        this.logitGradients = new BufferCache(network.dataType(), network.classes());
    }

    /** The outcome of one step: the batch's summed loss and how many it got right before the update. */
    public record StepResult(int count, double lossSum, int correct) {
        /** The mean loss over the batch. */
        public double loss() {
            return lossSum / count;
        }
    }

    /**
     * One training step on a batch.
     *
     * @param images {@code count * inputs} pixel values, one image after another
     * @param labels the class of each image
     * @param count  the batch size
     * @return the loss and accuracy of the batch; when the loss is not finite the weights are left
     *         as they were
     */
    public StepResult step(float[] images, int[] labels, int count) {
        synchronized (network) {
            INDArray x = inputs.get(count);
            NdBuffers.write(x, images, 0, count * network.inputs());
            INDArray logits = network.forward(x, true);
            INDArray gradient = logitGradients.get(count);
            SoftmaxCrossEntropy.Result r = loss.lossAndGradient(logits, labels, gradient);
            if (!Double.isFinite(r.lossSum())) {
                // Keep the last good weights: the caller reports the failure, the model stays usable.
                return new StepResult(count, r.lossSum(), r.correct());
            }
            network.backward(gradient);
            optimizer.step(network.flatParameters(), network.flatGradients());
            return new StepResult(count, r.lossSum(), r.correct());
        }
    }

    /** Steps taken so far. */
    public long iterations() {
        return optimizer.iterations();
    }

    /** The network being trained. */
    public Network network() {
        return network;
    }
}
