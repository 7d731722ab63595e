package dev.digitlab.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.TestData;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.optim.OptimizerConfig;
import org.junit.jupiter.api.Test;

/** The tutorial model and the CNN on the real digits, briefly: they must learn them, not just run. */
class RealMnistTest {

    @Test
    void twoEpochsOnSixThousandDigitsPassNinetyPercent() throws Exception {
        MnistDataset full = TestData.mnist();
        MnistDataset data = new MnistDataset(full.name(), full.checksum(), full.train().slice(0, 6000),
                full.test().slice(0, 1000));
        Network model = Network.create(ModelSpec.preset("tutorial"), 42);
        // Batch 32 (Keras's default), not the tutorial's 64: 150 Adam steps leave the model at 89-91%
        // (PyTorch too, over five seeds), too close to the line; 300 steps reach ~93%.
        TrainingConfig config = new TrainingConfig(2, 32, 0.2, 42, OptimizerConfig.adam());
        TrainingResult result = Trainer.fit(model, data, config, null);
        double val = result.history().get(1).valAccuracy();
        assertTrue(val > 0.90, "validation accuracy " + val);
    }

    @Test
    void theCnnPresetPassesNinetyFivePercentAfterTwoEpochsOnSixThousandDigits() throws Exception {
        MnistDataset full = TestData.mnist();
        MnistDataset data = new MnistDataset(full.name(), full.checksum(), full.train().slice(0, 6000),
                full.test().slice(0, 1000));
        Network model = Network.create(ModelSpec.preset("cnn"), 42);
        // 600 steps of batch 16. The slice's validation fifth (images 4800-5999) is a hard one: a
        // single conv layer of 8 or 16 filters, with or without a hidden layer, stayed at 91-95% over
        // seeds here, in PyTorch as in DigitLab. The preset reached 95.8% with seed 42 and 96.1-96.9%
        // with seeds 5-9 (batch 32 left seed 42 at 94.8%).
        TrainingConfig config = new TrainingConfig(2, 16, 0.2, 42, OptimizerConfig.adam());
        TrainingResult result = Trainer.fit(model, data, config, null);
        double val = result.history().get(1).valAccuracy();
        assertTrue(val > 0.95, "validation accuracy " + val);
    }
}
