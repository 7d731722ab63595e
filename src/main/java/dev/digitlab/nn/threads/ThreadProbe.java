package dev.digitlab.nn.threads;

import dev.digitlab.nn.BatchTrainer;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.optim.OptimizerConfig;
import java.util.Arrays;

/**
 * The timing run of a thread calibration, started in a child JVM whose {@code OMP_NUM_THREADS}
 * is the count under test: trains the tutorial model on generated MNIST-like batches (a fifth of
 * the pixels inked) and prints one JSON line, {@code {"threads":1,"step_us":431.2,"steps":300}},
 * with the median time of a training step after a warm-up.
 *
 * <p>With {@code --loaded}, a busy Java thread runs meanwhile, as another program or the app's own
 * UI would: on a 2-core machine a second native thread was ~20% faster on an idle machine but
 * about twice as slow as one thread as soon as anything else ran, so the calibration looks at both.
 *
 * <p>Usage: {@code java -cp <class path> dev.digitlab.nn.ThreadProbe [steps] [--loaded]}
 */
public final class ThreadProbe {

    private static final int WARMUP = 100;

    private ThreadProbe() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        boolean loaded = args.length > 1 && args[1].equals("--loaded");
        if (loaded) {
            Thread busy = new Thread(ThreadProbe::spin, "probe-load");
            busy.setDaemon(true);
            busy.start();
        }
        System.out.println("{\"threads\":" + NativeThreads.current() + ",\"step_us\":" + medianStepMicros(steps)
                + ",\"steps\":" + steps + "}");
    }

    private static volatile double sink;

    /** Keeps one core busy until the JVM exits. */
    static void spin() {
        double x = 1;
        while (true) {
            for (int i = 0; i < 1_000_000; i++) {
                x = Math.sqrt(x + i);
            }
            sink = x;
        }
    }

    /** The median microseconds of one training step of the tutorial model, over {@code steps} steps. */
    static double medianStepMicros(int steps) {
        Network network = Network.create(ModelSpec.preset("tutorial"), 1);
        BatchTrainer trainer = new BatchTrainer(network, OptimizerConfig.adam());
        LaneProbe.Batch batch = LaneProbe.Batch.generated(network);
        for (int i = 0; i < WARMUP; i++) {
            batch.step(trainer);
        }
        double[] micros = new double[steps];
        for (int i = 0; i < steps; i++) {
            long start = System.nanoTime();
            batch.step(trainer);
            micros[i] = (System.nanoTime() - start) / 1e3;
        }
        Arrays.sort(micros);
        return Math.round(micros[steps / 2] * 10) / 10.0;
    }
}
