package dev.digitlab.cli;

import com.google.gson.GsonBuilder;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.cpu.Lanes;
import dev.digitlab.nn.threads.NativeThreads;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.threads.ThreadCache;
import dev.digitlab.train.Augmenter;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.TrainingConfig;
import dev.digitlab.train.TrainingJob;
import dev.digitlab.train.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code digitlab bench}: trains a preset with the tutorial's settings and prints one JSON object
 * with the same keys as the PyTorch peer script, so the two can be read side by side.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training speed, accuracy and prediction latency; prints one JSON object.")
public final class BenchCommand implements Callable<Integer> {

    private static final int LATENCY_CALLS = 300;
    private static final int LATENCY_WARMUP = 50;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data = new DataOption();

    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "3", description = "Epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--calibrate",
            description = "Measure the fastest native thread count again (child JVMs, a few seconds) and cache it; "
                    + "without this option it is measured only when nothing is cached yet.")
    boolean calibrate;

    @Option(names = "--lanes", paramLabel = "N",
            description = "Split the conv layers' batches into N lanes that run at the same time, instead of the "
                    + "measured choice (to compare lane counts).")
    Integer lanes;

    @Option(names = "--augment", description = "Train with augmentation, as 'train --augment' does, to compare "
            + "epoch times with and without it.")
    boolean augment;

    @Option(names = "--profile", paramLabel = "FILE", arity = "0..1", fallbackValue = "digitlab-bench.jfr",
            description = "Record the run with Java Flight Recorder into FILE (default: ${FALLBACK-VALUE}) and print "
                    + "the methods where the time went to the error stream.")
    java.nio.file.Path profile;

    @Option(names = "--json", description = "Accepted for symmetry with the other commands; the output is always JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ModelSpec modelSpec;
        TrainingConfig config;
        try {
            modelSpec = model.spec();
            TrainingConfig t = TrainingConfig.tutorial();
            config = new TrainingConfig(epochs, batch, t.validationSplit(), seed, t.optimizer());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ThreadCache.Entry calibration = calibrate ? NativeThreads.calibrate()
                : NativeThreads.calibrateIfNeeded().orElseGet(() -> NativeThreads.cached().orElseThrow());
        if (lanes != null && (lanes < 1 || lanes > Lanes.MAX)) {
            throw new ParameterException(spec.commandLine(), "--lanes must be from 1 to " + Lanes.MAX + ", not " + lanes);
        }
        long t0 = System.nanoTime();
        MnistDataset dataset = data.load(new ConsoleProgress(spec.commandLine().getErr()));
        double loadSeconds = (System.nanoTime() - t0) / 1e9;

        EpochMarks marks = new EpochMarks(profile);
        TrainingJob job = lanes == null ? new TrainingJob(modelSpec, config, dataset, "bench")
                : TrainingJob.from(Network.create(modelSpec, seed, DataType.FLOAT, lanes), config, dataset, "bench");
        TrainingJob.Outcome outcome = job.augmented(augment ? Augmenter.standard() : null).run(marks).orElseThrow();
        if (marks.recording != null) {
            marks.recording.stop(spec.commandLine().getErr());
        }
        double[] latency = predictOneMillis(outcome.model().network(), dataset.test().image(0));
        int trainSize = dataset.split(config.validationSplit()).train().size();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("framework", "digitlab nd4j");
        m.put("threads", NativeThreads.current());
        m.put("lanes", outcome.model().network().lanes());
        m.put("thread_calibration", calibration(calibration));
        m.put("model", modelSpec.toString());
        m.put("batch", batch);
        m.put("epochs", epochs);
        m.put("load_s", round(loadSeconds, 3));
        putFigures(m, outcome, trainSize, latency);
        // What the training thread allocated in an epoch (its batches and the validation), the median
        // of the epochs after the first.
        m.put("allocated_mb_per_epoch", round(marks.medianEpochBytes() / 1e6, 2));
        spec.commandLine().getOut().println(new GsonBuilder().disableHtmlEscaping().create().toJson(m));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Marks the start and each epoch's end: the bytes the training thread has allocated by then
     * and, with {@code --profile}, the recording, which so starts after the data is loaded and split.
     */
    private static final class EpochMarks implements TrainingListener {
        private final java.nio.file.Path profileFile;
        private final List<Long> allocated = new ArrayList<>();
        private BenchProfile recording;

        EpochMarks(java.nio.file.Path profileFile) {
            this.profileFile = profileFile;
        }

        @Override
        public void onStart(int epochs, int batchesPerEpoch) {
            if (profileFile != null) {
                recording = BenchProfile.start(profileFile);
            }
            allocated.add(allocatedBytes());
        }

        @Override
        public void onEpoch(EpochResult result) {
            allocated.add(allocatedBytes());
        }

        /**
         * The median over the epochs after the first, or the first when it is the only one: the
         * first epoch also makes the buffers every later one reuses (the validation's larger
         * batches among them), which says nothing about the garbage a batch leaves.
         */
        long medianEpochBytes() {
            int epochs = Math.max(0, allocated.size() - 1);
            int first = epochs > 1 ? 1 : 0;
            long[] perEpoch = new long[epochs - first];
            for (int i = 0; i < perEpoch.length; i++) {
                perEpoch[i] = allocated.get(first + i + 1) - allocated.get(first + i);
            }
            Arrays.sort(perEpoch);
            return perEpoch.length == 0 ? 0 : perEpoch[perEpoch.length / 2];
        }

        /** Bytes this thread has allocated so far: the training runs on it. */
        private static long allocatedBytes() {
            return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                    .getCurrentThreadAllocatedBytes();
        }
    }

    private static Map<String, Object> calibration(ThreadCache.Entry calibration) {
        Map<String, Object> threads = new LinkedHashMap<>();
        threads.put("chosen", calibration.threads());
        threads.put("step_us", calibration.stepMicros());
        threads.put("step_us_loaded", calibration.loadedStepMicros());
        threads.put("lanes", calibration.lanes());
        threads.put("lane_step_us", calibration.laneStepMicros());
        threads.put("lane_step_us_loaded", calibration.loadedLaneStepMicros());
        threads.put("measured_at", calibration.measuredAt());
        return threads;
    }

    /** The run's speed and test figures, and the single-image latencies. */
    private static void putFigures(Map<String, Object> m, TrainingJob.Outcome outcome, int trainSize,
                                   double[] latency) {
        double[] epochSeconds = outcome.model().history().stream().mapToDouble(EpochResult::seconds).toArray();
        double median = Arrays.stream(epochSeconds).sorted().toArray()[epochSeconds.length / 2];
        m.put("median_epoch_s", round(median, 3));
        m.put("epoch_s", Arrays.stream(epochSeconds).map(s -> round(s, 3)).toArray());
        m.put("samples_per_s", round(trainSize / median, 1));
        m.put("test_loss", round(outcome.test().loss(), 4));
        m.put("test_accuracy", round(outcome.test().accuracy(), 4));
        m.put("predict_one_ms_median", round(latency[latency.length / 2], 3));
        m.put("predict_one_ms_p99", round(latency[(int) (latency.length * 0.99)], 3));
    }

    /** Single-image latencies in ms, sorted, after a warm-up: as the peer measures them. */
    private static double[] predictOneMillis(Network network, float[] image) {
        double[] ms = new double[LATENCY_CALLS - LATENCY_WARMUP];
        for (int i = 0; i < LATENCY_CALLS; i++) {
            long s = System.nanoTime();
            network.probabilities(image);
            long e = System.nanoTime();
            if (i >= LATENCY_WARMUP) {
                ms[i - LATENCY_WARMUP] = (e - s) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
