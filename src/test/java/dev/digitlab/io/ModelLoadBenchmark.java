package dev.digitlab.io;

import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures how long loading the shipped model takes: the first load in this (fresh) JVM, which
 * includes starting ND4J, then the median of further loads. Not a test (timings are not asserted);
 * run it with the test class path:
 * {@code java -cp target/test-classes:target/classes:<deps> dev.digitlab.io.ModelLoadBenchmark [FILE]}.
 * Without FILE it loads the best shipped model from the class path, as the app does. {@code --nd4j-only}
 * times only starting ND4J with an empty network, {@code --header-only} only the first header read,
 * each in its own fresh JVM, to split the first load's time.
 *
 * <p>The app's JVM maps a class-data archive ({@code app.ClassDataArchive}); to measure as it runs,
 * put this class in a jar beside {@code target/digitlab.jar} (the JVM archives jars only), dump an
 * archive once and map it:
 * <pre>
 * (cd target/test-classes &amp;&amp; jar cf /tmp/bench.jar dev/digitlab/io/ModelLoadBenchmark*.class)
 * java -XX:ArchiveClassesAtExit=/tmp/app.jsa -cp target/digitlab.jar:/tmp/bench.jar dev.digitlab.io.ModelLoadBenchmark
 * java -XX:SharedArchiveFile=/tmp/app.jsa -cp target/digitlab.jar:/tmp/bench.jar dev.digitlab.io.ModelLoadBenchmark
 * </pre>
 */
final class ModelLoadBenchmark {

    private static final int RUNS = 15;

    private ModelLoadBenchmark() {
    }

    public static void main(String[] args) {
        Path file = args.length > 0 && !args[0].startsWith("--") ? Path.of(args[0]) : null;
        if (Arrays.asList(args).contains("--nd4j-only")) {
            // What the first load costs for ND4J alone: starting it and building an empty network.
            long start = System.nanoTime();
            Network.create(ModelSpec.preset("tutorial"), 42);
            System.out.printf(Locale.ROOT, "first empty network (fresh JVM, starts ND4J): %.0f ms%n",
                    (System.nanoTime() - start) / 1e6);
            return;
        }
        if (Arrays.asList(args).contains("--header-only")) {
            long start = System.nanoTime();
            new ShippedModels().header();
            System.out.printf(Locale.ROOT, "first header read (fresh JVM, no ND4J): %.0f ms%n",
                    (System.nanoTime() - start) / 1e6);
            return;
        }
        long start = System.nanoTime();
        load(file);
        double first = (System.nanoTime() - start) / 1e6;

        double[] warm = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long s = System.nanoTime();
            load(file);
            warm[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(warm);
        double[] header = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long s = System.nanoTime();
            if (file == null) {
                new ShippedModels().header();
            } else {
                new ModelReader().readHeader(file);
            }
            header[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(header);
        double[] create = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long s = System.nanoTime();
            Network.create(ModelSpec.preset("tutorial"), 42);
            create[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(create);
        System.out.printf(Locale.ROOT, "first load (fresh JVM, starts ND4J): %.0f ms%n", first);
        System.out.printf(Locale.ROOT, "warm load: median %.1f ms, min %.1f, max %.1f (%d runs)%n",
                warm[RUNS / 2], warm[0], warm[RUNS - 1], RUNS);
        System.out.printf(Locale.ROOT, "  of which header only: median %.1f ms; empty network: median %.1f ms%n",
                header[RUNS / 2], create[RUNS / 2]);
    }

    private static void load(Path file) {
        if (file == null) {
            new ShippedModels().load();
        } else {
            new ModelReader().load(file);
        }
    }
}
