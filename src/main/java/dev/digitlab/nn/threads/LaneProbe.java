package dev.digitlab.nn.threads;

import dev.digitlab.nn.BatchTrainer;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.optim.OptimizerConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The timing run of the lane calibration, started in a child JVM with the chosen native thread
 * count: trains the {@code cnn} preset (the conv network learners train) on generated batches
 * with each candidate lane count, first on the machine as it is, then with one core kept busy by
 * another thread (as another program or the app's own UI would), and prints one JSON line,
 * {@code {"lane_step_us":{"1":16000.0,"2":9100.0},"loaded_lane_step_us":{"1":16500.0,"2":15800.0}}}.
 *
 * <p>The counts take turns in short rounds, so that a moment of other load or the JIT's late work
 * falls on all of them alike; each figure is the median step of its count.
 *
 * <p>Usage: {@code java -cp <class path> dev.digitlab.nn.threads.LaneProbe 1,2}
 */
public final class LaneProbe {

    private static final int BATCH = 64;
    private static final int WARMUP = 12;
    private static final int ROUNDS = 8;
    private static final int STEPS_PER_ROUND = 4;

    private LaneProbe() {
    }

    public static void main(String[] args) {
        List<Integer> lanes = Arrays.stream(args[0].split(",")).map(String::trim).map(Integer::valueOf).toList();
        Map<Integer, BatchTrainer> trainers = new LinkedHashMap<>();
        for (int count : lanes) {
            trainers.put(count, new BatchTrainer(Network.create(ModelSpec.preset("cnn"), 1, DataType.FLOAT, count),
                    OptimizerConfig.adam()));
        }
        Batch batch = Batch.generated(trainers.values().iterator().next().network());
        for (BatchTrainer trainer : trainers.values()) {
            for (int i = 0; i < WARMUP; i++) {
                batch.step(trainer);
            }
        }
        String idle = json(medianStepMicros(trainers, batch));
        Thread busy = new Thread(ThreadProbe::spin, "probe-load");
        busy.setDaemon(true);
        busy.start();
        String loaded = json(medianStepMicros(trainers, batch));
        System.out.println("{\"lane_step_us\":" + idle + ",\"loaded_lane_step_us\":" + loaded + "}");
    }

    /** The median microseconds of a step, by lane count, the counts taking turns. */
    static Map<Integer, Double> medianStepMicros(Map<Integer, BatchTrainer> trainers, Batch batch) {
        Map<Integer, List<Double>> micros = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<Integer, BatchTrainer> e : trainers.entrySet()) {
                List<Double> times = micros.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                for (int i = 0; i < STEPS_PER_ROUND; i++) {
                    long start = System.nanoTime();
                    batch.step(e.getValue());
                    times.add((System.nanoTime() - start) / 1e3);
                }
            }
        }
        Map<Integer, Double> medians = new LinkedHashMap<>();
        micros.forEach((count, times) -> {
            double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            medians.put(count, Math.round(sorted[sorted.length / 2] * 10) / 10.0);
        });
        return medians;
    }

    private static String json(Map<Integer, Double> micros) {
        StringBuilder s = new StringBuilder("{");
        micros.forEach((count, us) -> s.append(s.length() > 1 ? "," : "").append('"').append(count).append("\":").append(us));
        return s.append('}').toString();
    }

    /** A generated MNIST-like batch of 64: a fifth of the pixels inked (both probes train on it). */
    record Batch(float[] images, int[] labels) {

        static Batch generated(Network network) {
            SplittableRandom random = new SplittableRandom(7);
            float[] images = new float[BATCH * network.inputs()];
            for (int i = 0; i < images.length; i++) {
                images[i] = random.nextDouble() < 0.2 ? (float) random.nextDouble() : 0f;
            }
            int[] labels = new int[BATCH];
            for (int i = 0; i < BATCH; i++) {
                labels[i] = random.nextInt(network.classes());
            }
            return new Batch(images, labels);
        }

        void step(BatchTrainer trainer) {
            trainer.step(images, labels, BATCH);
        }
    }
}
