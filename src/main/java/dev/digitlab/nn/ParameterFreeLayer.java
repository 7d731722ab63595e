package dev.digitlab.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A layer with nothing to train (dropout, pooling, flatten): the parameter half of {@link Layer} is empty. */
interface ParameterFreeLayer extends Layer {

    @Override
    default List<Parameter> parameters() {
        return List.of();
    }

    @Override
    default void bind(INDArray parameters, INDArray gradients) {
        // nothing to bind
    }

    @Override
    default void initialize(SplittableRandom random) {
        // nothing to initialise
    }

    @Override
    default INDArray parameter(String localName) {
        throw new IllegalArgumentException(name() + " has no parameter '" + localName + "'");
    }
}
