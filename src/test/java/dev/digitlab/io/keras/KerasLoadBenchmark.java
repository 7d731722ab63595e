package dev.digitlab.io.keras;

import dev.digitlab.io.ModelReader;
import dev.digitlab.io.ModelWriter;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.train.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures how long opening a Keras {@code .h5} takes warm, beside opening the same model as
 * DigitLab's JSON, in alternating pairs in one JVM (the machine is noisy). Not a test; run with the
 * test class path: {@code java -cp target/test-classes:target/classes:<deps>
 * dev.digitlab.io.keras.KerasLoadBenchmark [FILE.h5 ...]}. Without files it writes a ~2 MB model
 * ({@code 784 -> 600 relu -> 10 softmax}) with {@link KerasWriter} and opens that.
 */
final class KerasLoadBenchmark {

    private static final int RUNS = 21;

    private KerasLoadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("keras-bench");
        List<Path> files = args.length > 0 ? Arrays.stream(args).map(Path::of).toList() : List.of(twoMegabytes(dir));
        for (Path file : files) {
            Path json = dir.resolve("same.json");
            TrainedModel model = new KerasReader().load(file);
            new ModelWriter("bench").save(model, json);
            double[] keras = new double[RUNS];
            double[] digitlab = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                keras[i] = time(() -> new KerasReader().load(file));
                digitlab[i] = time(() -> new ModelReader().load(json));
            }
            Arrays.sort(keras);
            Arrays.sort(digitlab);
            System.out.printf(Locale.ROOT, "%s (%,d bytes, %s): warm open median %.1f ms (min %.1f, max %.1f); "
                            + "the same model as DigitLab JSON (%,d bytes): median %.1f ms; %d alternating pairs%n",
                    file.getFileName(), Files.size(file), model.network().spec(), keras[RUNS / 2], keras[0],
                    keras[RUNS - 1], Files.size(json), digitlab[RUNS / 2], RUNS);
        }
    }

    private static Path twoMegabytes(Path dir) {
        Path file = dir.resolve("two-megabytes.h5");
        new KerasWriter().write(Network.create(ModelSpec.parse("784 -> 600 relu -> 10 softmax"), 1), file);
        return file;
    }

    private static double time(Runnable r) {
        long s = System.nanoTime();
        r.run();
        return (System.nanoTime() - s) / 1e6;
    }
}
