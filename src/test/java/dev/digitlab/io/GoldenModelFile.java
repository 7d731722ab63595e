package dev.digitlab.io;

import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.MnistFolder;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.optim.OptimizerConfig;
import dev.digitlab.train.Evaluator;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.Trainer;
import dev.digitlab.train.TrainingConfig;
import dev.digitlab.train.TrainingResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * Made the golden model file {@code src/test/resources/dev/digitlab/io/golden-784-16-10.json}
 * once (a 784-16-10 network trained for 2 epochs on the first 2,000 MNIST images), and printed
 * the probabilities {@link GoldenModelTest} expects. Kept to show how the file was made; running
 * it again makes a new file, and the test's literals would have to be replaced with its output.
 * Not a test: run it with the test class path, the project folder as working directory and the
 * MNIST folder as its argument.
 */
final class GoldenModelFile {

    static final Path FILE = Path.of("src/test/resources/dev/digitlab/io/golden-784-16-10.json");

    private GoldenModelFile() {
    }

    public static void main(String[] args) {
        MnistDataset all = new MnistFolder(Path.of(args[0])).load();
        MnistDataset few = new MnistDataset(all.name(), all.checksum(), all.train().slice(0, 2000),
                all.test().slice(0, 1000));
        TrainingConfig config = new TrainingConfig(2, 32, 0.2, 7, OptimizerConfig.adam());
        Network network = Network.create(ModelSpec.parse("784 -> 16 relu -> 10 softmax"), 7);
        TrainingResult result = Trainer.fit(network, few, config, null);
        double accuracy = Evaluator.evaluate(network, few.test()).accuracy();
        TrainedModel model = new TrainedModel("golden", network, config, few.name(), few.checksum(),
                result.history(), accuracy, Instant.parse("2025-06-01T12:00:00Z"));
        new ModelWriter("golden").save(model, FILE);

        TrainedModel loaded = new ModelReader().load(FILE);
        for (float[] image : GoldenModelTest.inputs()) {
            float[] p = loaded.network().probabilities(image);
            StringBuilder literal = new StringBuilder("{");
            for (int i = 0; i < p.length; i++) {
                literal.append(i == 0 ? "" : ", ").append(p[i]).append('f');
            }
            System.out.println(literal.append("},"));
        }
        System.out.println("dense_1/b " + Arrays.toString(loaded.network().parameterValues("dense_1/b")));
        System.out.println("test accuracy " + accuracy);
    }
}
