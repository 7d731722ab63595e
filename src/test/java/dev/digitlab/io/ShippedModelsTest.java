package dev.digitlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.imaging.Preprocessing;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The shipped models are on the class path (copied there by the build), and the best one is the default. */
class ShippedModelsTest {

    private static final String MNIST_TRAIN_SHA256 = "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609";

    @Test
    void theTutorialModelIsTheTutorialsNetworkTrainedOnMnist() {
        TrainedModel model = new ShippedModels().load(ShippedModels.TUTORIAL);

        assertEquals("mnist-mlp", model.name());
        assertEquals(ModelSpec.preset("tutorial"), model.network().spec());
        assertEquals(TrainingConfig.tutorial(), model.config());
        assertEquals("MNIST", model.datasetName());
        assertEquals(MNIST_TRAIN_SHA256, model.datasetChecksum());
        assertEquals(10, model.history().size());
        assertTrue(model.testAccuracy() >= 0.97, "test accuracy " + model.testAccuracy());
    }

    @Test
    void theCnnIsTheCnnPresetPast99PercentWithinFiveEpochsAndSaysItLearntFromPenDigits() {
        TrainedModel model = new ShippedModels().load(ShippedModels.CNN);

        assertEquals("mnist-cnn", model.name());
        assertEquals("MNIST + pen digits: 7,494 drawings by 30 writers of pendigits-orig.tra, 4 copies, augmented",
                model.datasetName());
        assertEquals(ModelSpec.preset("cnn"), model.network().spec());
        assertEquals(MNIST_TRAIN_SHA256, model.datasetChecksum());
        assertTrue(model.history().size() <= 5, model.history().size() + " epochs");
        assertTrue(model.testAccuracy() >= 0.991, "test accuracy " + model.testAccuracy());
    }

    @Test
    void theDefaultIsTheMostAccurateShippedModel() {
        ShippedModels shipped = new ShippedModels();
        ShippedModels.Shipped mostAccurate = ShippedModels.ALL.get(0);
        for (ShippedModels.Shipped model : ShippedModels.ALL) {
            if (shipped.header(model).testAccuracy() > shipped.header(mostAccurate).testAccuracy()) {
                mostAccurate = model;
            }
        }
        assertEquals(mostAccurate, ShippedModels.BEST);
        assertEquals(ShippedModels.BEST.name(), shipped.load().name());
    }

    @Test
    void shippedHeadersReadWithoutTheWeights() {
        ModelHeader header = new ShippedModels().header(ShippedModels.TUTORIAL);

        assertEquals(ModelSpec.preset("tutorial"), header.spec());
        assertEquals(101_770, header.parameterCount());
        assertEquals(Preprocessing.MNIST, header.preprocessing());
        assertEquals(225_546, new ShippedModels().header(ShippedModels.CNN).parameterCount());
    }

    @Test
    void aMissingShippedModelIsNamedInOneSentence() {
        ModelFileException e = org.junit.jupiter.api.Assertions.assertThrows(ModelFileException.class,
                () -> new ShippedModels().load(new ShippedModels.Shipped("mnist-none")));
        assertTrue(e.getMessage().startsWith("the shipped model models/mnist-none.json is missing from this build"),
                e.getMessage());
    }
}
