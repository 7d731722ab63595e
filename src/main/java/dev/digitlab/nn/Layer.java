package dev.digitlab.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One step of a network, with its backward pass beside its forward pass.
 *
 * <p>Life cycle: the network creates the layer from its {@link LayerSpec}, then {@link #bind}s it to
 * its slice of the network's flat parameter and gradient vectors (one flat vector, so that an
 * optimizer updates every parameter with a few whole-vector operations), then calls
 * {@link #initialize} once. After that each training step calls {@link #forward} with
 * {@code training = true} and then {@link #backward} with the gradient of the loss.
 *
 * <p>Batches are INDArrays whose first dimension is the example; each layer declares the shape of
 * one example's output, so layers that work on images (convolution, pooling, flatten) fit in
 * beside the dense ones. Layers own their output buffers and reuse them from one batch of the same
 * size to the next: an output is valid until the layer's next forward pass.
 */
public interface Layer {

    /** The name that prefixes the layer's parameters, e.g. {@code dense_0}. */
    String name();

    /** The spec the layer was made from. */
    LayerSpec spec();

    /** The shape of one example's output, e.g. {@code [128]}. */
    int[] outputShape();

    /** The trainable parameters, in the order they lie in the flat vector. */
    List<Parameter> parameters();

    /** The number of trainable values. */
    default long parameterCount() {
        long n = 0;
        for (Parameter p : parameters()) {
            n += p.size();
        }
        return n;
    }

    /**
     * Points the layer at its slice of the network's flat vectors.
     *
     * @param parameters a contiguous view of {@link #parameterCount()} values
     * @param gradients  a view of the same size where {@link #backward} writes the gradients
     */
    void bind(INDArray parameters, INDArray gradients);

    /** Sets the initial parameter values, drawing from {@code random}. */
    void initialize(java.util.SplittableRandom random);

    /** The layer's view of the parameter named {@code localName} (e.g. "W"). */
    INDArray parameter(String localName);

    /**
     * Computes the output for a batch.
     *
     * @param input    {@code [batch, ...]} as produced by the previous layer
     * @param training whether this is a training step (dropout is active only then)
     * @return {@code [batch, outputShape...]}; valid until the next forward pass of this layer
     */
    INDArray forward(INDArray input, boolean training);

    /**
     * Back-propagates the gradient of the loss through the layer of the last forward pass, writing
     * the parameter gradients into the bound gradient view.
     *
     * @param outputGradient the gradient with respect to this layer's last output; may be overwritten
     * @param needInputGradient false for the first layer, whose input gradient nobody needs
     * @return the gradient with respect to the layer's last input, or {@code null} when not needed
     */
    INDArray backward(INDArray outputGradient, boolean needInputGradient);
}
