package dev.digitlab.train;

import dev.digitlab.data.PenDigit;
import dev.digitlab.data.UnipenReader;
import dev.digitlab.imaging.strokes.TabletDigits;
import dev.digitlab.imaging.Preprocessing;
import dev.digitlab.base.Mnist;
import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.MnistFolder;
import dev.digitlab.imaging.strokes.DrawingReader;
import dev.digitlab.imaging.strokes.Reading;
import dev.digitlab.io.ModelReader;
import dev.digitlab.nn.Network;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measurement behind {@link FineTuneConfig#standard()}: for each writer of the pendigits
 * development set, the model is taught 3 drawings of each digit (the writer's first three) and
 * reads the writer's other drawings; also MNIST's test accuracy after teaching (every
 * {@code mnistEvery}-th writer) and the time per teach. A measurement, not a test.
 * Run: {@code ./mvnw -q test-compile && java -Xmx2g -cp target/classes:target/test-classes:$(cat cp.txt)
 * dev.digitlab.train.TeachExperiment models/mnist-cnn.json ../shared/data/mnist
 * ../shared/data/pendigits/pendigits-orig.tra [steps lr ownPerBatch degrees scale shift] [writers] [mnistEvery] [wholeEvery]}
 */
public final class TeachExperiment {

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Network base = new ModelReader().load(Path.of(args[0])).network();
        MnistDataset mnist = new MnistFolder(Path.of(args[1])).load();
        List<PenDigit> digits = UnipenReader.read(Path.of(args[2]));
        FineTuneConfig config = FineTuneConfig.standard();
        if (args.length > 8) {
            config = new FineTuneConfig(Integer.parseInt(args[3]), 64, Integer.parseInt(args[5]),
                    Double.parseDouble(args[4]), new Jitter(Double.parseDouble(args[6]), Double.parseDouble(args[7]),
                    Double.parseDouble(args[8])), 42);
        }
        int writerLimit = args.length > 9 ? Integer.parseInt(args[9]) : 30;
        int mnistEvery = args.length > 10 ? Integer.parseInt(args[10]) : 6;
        int wholeEvery = args.length > 11 ? Integer.parseInt(args[11]) : mnistEvery;
        System.out.println("config " + config);
        DrawingReader reader = new DrawingReader();
        Map<Integer, List<float[]>> inputs = new TreeMap<>();
        Map<Integer, List<Integer>> labels = new TreeMap<>();
        for (PenDigit d : digits) {
            Reading r = reader.read(TabletDigits.strokes(d), null, Preprocessing.MNIST);
            inputs.computeIfAbsent(d.writer(), w -> new ArrayList<>()).add(r.input().values());
            labels.computeIfAbsent(d.writer(), w -> new ArrayList<>()).add(d.label());
        }
        double baseMnist = Evaluator.evaluate(base, mnist.test()).accuracy();
        double sumBefore = 0;
        double sumAfter = 0;
        double sumDrop = 0;
        double maxDrop = 0;
        int mnistCount = 0;
        int writers = 0;
        List<Double> times = new ArrayList<>();
        List<Double> cpuTimes = new ArrayList<>();
        List<Double> wholeCpu = new ArrayList<>();
        // -Dteach.writers=21-30 measures only those writers: e.g. the ones a held-out base model never saw.
        String[] range = System.getProperty("teach.writers", "0-" + Integer.MAX_VALUE).split("-");
        for (int writer : inputs.keySet()) {
            if (writers >= writerLimit) {
                break;
            }
            if (writer < Integer.parseInt(range[0]) || writer > Integer.parseInt(range[1])) {
                continue;
            }
            List<float[]> in = inputs.get(writer);
            List<Integer> lab = labels.get(writer);
            int[] taken = new int[10];
            List<Integer> teach = new ArrayList<>();
            List<Integer> rest = new ArrayList<>();
            for (int i = 0; i < in.size(); i++) {
                if (taken[lab.get(i)]++ < 3) {
                    teach.add(i);
                } else {
                    rest.add(i);
                }
            }
            ImageSet own = set(in, lab, teach);
            ImageSet others = set(in, lab, rest);
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            Network taught = FineTuner.tune(base, own, mnist.train(), config, null);
            times.add((System.nanoTime() - t0) / 1e9);
            cpuTimes.add((CPU.getCurrentThreadCpuTime() - c0) / 1e9);
            double before = Evaluator.evaluate(base, others).accuracy();
            double after = Evaluator.evaluate(taught, others).accuracy();
            sumBefore += before;
            sumAfter += after;
            String drop = "";
            if (writers % mnistEvery == 0) {
                double m = Evaluator.evaluate(taught, mnist.test()).accuracy();
                sumDrop += baseMnist - m;
                mnistCount++;
                drop = String.format(" mnist %.4f", m);
                maxDrop = Math.max(maxDrop, baseMnist - m);
            }
            if (writers % wholeEvery == 0) {
                // The whole of Teach as the app runs it: the kept model, the 3-fold check, MNIST's test set.
                long c1 = CPU.getCurrentThreadCpuTime();
                Teacher.Outcome o = new Teacher(config).teach(base, own, mnist.train(), mnist.test(), 0.9916, null);
                wholeCpu.add((CPU.getCurrentThreadCpuTime() - c1) / 1e9);
                drop += String.format(" (whole teach: fair %.4f, %.2f s CPU)", o.ownAfter(),
                        wholeCpu.get(wholeCpu.size() - 1));
            }
            writers++;
            System.out.printf("writer %2d: %d taught, %d others, before %.4f after %.4f (%.2f s, %.2f s CPU)%s%n",
                    writer, own.size(), others.size(), before, after, times.get(times.size() - 1),
                    cpuTimes.get(cpuTimes.size() - 1), drop);
            System.out.flush();
        }
        times.sort(null);
        cpuTimes.sort(null);
        wholeCpu.sort(null);
        System.out.printf("median CPU: fine-tune %.2f s, whole teach with checks %.2f s%n",
                cpuTimes.get(cpuTimes.size() / 2), wholeCpu.isEmpty() ? Double.NaN : wholeCpu.get(wholeCpu.size() / 2));
        System.out.printf("mean over %d writers: before %.4f after %.4f; MNIST %.4f, mean drop %.4f over %d;"
                        + " median teach %.2f s%n", writers, sumBefore / writers, sumAfter / writers, baseMnist,
                sumDrop / Math.max(1, mnistCount), mnistCount, times.get(times.size() / 2));
        System.out.printf("largest MNIST drop %.4f%n", maxDrop);
    }

    private static ImageSet set(List<float[]> in, List<Integer> lab, List<Integer> chosen) {
        float[] pixels = new float[chosen.size() * 784];
        byte[] labels = new byte[chosen.size()];
        for (int j = 0; j < chosen.size(); j++) {
            System.arraycopy(in.get(chosen.get(j)), 0, pixels, j * 784, 784);
            labels[j] = (byte) (int) lab.get(chosen.get(j));
        }
        return new ImageSet(pixels, labels, 28, 28);
    }
}
