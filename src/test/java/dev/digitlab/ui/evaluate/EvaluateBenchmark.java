package dev.digitlab.ui.evaluate;

import dev.digitlab.ui.evaluate.EvaluateBenchmark;

import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.MnistFolder;
import dev.digitlab.io.ShippedModels;
import dev.digitlab.train.ClassMetrics;
import dev.digitlab.train.Evaluation;
import dev.digitlab.train.Predictions;
import dev.digitlab.train.TrainedModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures the background half of the Evaluate button: the shipped model over the 10,000 MNIST
 * test images (probabilities, predictions, loss), then the confusion matrix and per-digit figures.
 * Not a test (timings are not asserted); run it with the test class path and OMP_NUM_THREADS=1:
 * {@code java -cp target/test-classes:target/classes:<deps> dev.digitlab.ui.EvaluateBenchmark MNIST_FOLDER}.
 * The FX-thread half (filling the views) is logged by the app itself on every evaluation.
 */
final class EvaluateBenchmark {

    private static final int RUNS = 15;

    private EvaluateBenchmark() {
    }

    public static void main(String[] args) {
        MnistDataset mnist = new MnistFolder(Path.of(args[0])).load();
        TrainedModel model = new ShippedModels().load();
        double[] evaluate = new double[RUNS];
        double[] figures = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            Predictions p = Predictions.of(model.network(), mnist.test());
            long mid = System.nanoTime();
            Evaluation e = p.evaluation();
            ClassMetrics.of(e.confusion());
            p.indices(5, 3);
            long end = System.nanoTime();
            evaluate[run] = (mid - start) / 1e6;
            figures[run] = (end - mid) / 1e6;
            if (run == 0) {
                System.out.printf(Locale.ROOT, "accuracy %.4f, loss %.4f%n", e.accuracy(), e.loss());
            }
        }
        System.out.printf(Locale.ROOT, "first run: predictions %.0f ms, figures %.1f ms%n", evaluate[0], figures[0]);
        Arrays.sort(evaluate, 1, RUNS);
        Arrays.sort(figures, 1, RUNS);
        System.out.printf(Locale.ROOT, "median of %d further runs: predictions %.0f ms (min %.0f, max %.0f), figures %.1f ms%n",
                RUNS - 1, evaluate[RUNS / 2], evaluate[1], evaluate[RUNS - 1], figures[RUNS / 2]);
    }
}
