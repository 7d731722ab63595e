package dev.digitlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.nn.ModelSpec;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The shipped model is on the class path (copied there by the build) and is the tutorial's model. */
class ShippedModelsTest {

    @Test
    void shippedModelIsTheTutorialModelTrainedOnMnist() {
        TrainedModel model = new ShippedModels().load();

        assertEquals("mnist-mlp", model.name());
        assertEquals(ModelSpec.preset("tutorial"), model.network().spec());
        assertEquals(TrainingConfig.tutorial(), model.config());
        assertEquals("MNIST", model.datasetName());
        assertEquals("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", model.datasetChecksum());
        assertEquals(10, model.history().size());
        assertTrue(model.testAccuracy() >= 0.97, "test accuracy " + model.testAccuracy());
    }

    @Test
    void shippedHeaderReadsWithoutTheWeights() {
        ModelHeader header = new ShippedModels().header();

        assertEquals(ModelSpec.preset("tutorial"), header.spec());
        assertEquals(101_770, header.parameterCount());
        assertEquals(Preprocessing.MNIST, header.preprocessing());
    }
}
