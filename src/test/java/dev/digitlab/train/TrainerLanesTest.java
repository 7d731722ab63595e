package dev.digitlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.MnistDataset;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.Parameter;
import dev.digitlab.nn.optim.OptimizerConfig;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Training with the conv and dense layers split into two lanes (two threads): the same model as one
 * lane up to the order of the conv kernel gradients' sums, the same bits run after run, and no lane
 * thread left running or waiting once a run ends or is stopped.
 */
class TrainerLanesTest {

    private static final ModelSpec CNN = ModelSpec.parse("16 -> conv 3x3x8 relu same -> maxpool 2 -> 24 relu -> 10 softmax");
    /** Its second layer's products are large enough to be split (47 x 4096 x 128). */
    private static final ModelSpec MLP = ModelSpec.parse("16 -> 4096 relu -> 128 relu -> 10 softmax");
    /** Odd-sized batches: 47 examples, and 1 at the end of each epoch (800 training images). */
    private static final MnistDataset DATA = SyntheticDigits.dataset(1000, 200);

    private static TrainingConfig config(int epochs) {
        return new TrainingConfig(epochs, 47, 0.2, 5, OptimizerConfig.adam(0.01, 0));
    }

    private static Network trained(ModelSpec spec, int lanes) {
        Network model = Network.create(spec, 9, DataType.FLOAT, lanes);
        Trainer.fit(model, DATA, config(2), null);
        return model;
    }

    @Test
    void aConvNetworkInTwoLanesLearnsWhatItLearnsInOne() {
        Network one = trained(CNN, 1);
        Network two = trained(CNN, 2);
        assertEquals(2, two.lanes());
        for (Parameter p : one.parameters()) {
            float[] a = one.parameterValues(p.name());
            float[] b = two.parameterValues(p.name());
            for (int i = 0; i < a.length; i++) {
                // 36 Adam steps from sums added in another order: the last bits drift apart, no more.
                assertEquals(a[i], b[i], 1e-3 * (1 + Math.abs(a[i])), p.name() + "[" + i + "]");
            }
        }
        double accuracyOne = Evaluator.evaluate(one, DATA.test()).accuracy();
        assertEquals(accuracyOne, Evaluator.evaluate(two, DATA.test()).accuracy(), 0.02);
        assertTrue(accuracyOne > 0.5, "the network learnt (chance is 0.1): " + accuracyOne);
    }

    @Test
    void aRunInTwoLanesGivesTheSameBitsEveryTime() {
        Network a = trained(CNN, 2);
        Network b = trained(CNN, 2);
        assertSameParameters(a, b);
    }

    @Test
    void denseLayersInTwoLanesComputeExactlyWhatTheyComputeInOne() {
        Network one = trained(MLP, 1);
        Network two = trained(MLP, 2);
        assertSameParameters(one, two);
    }

    /** Every parameter of {@code a} equals {@code b}'s to the bit. */
    private static void assertSameParameters(Network a, Network b) {
        for (Parameter p : a.parameters()) {
            assertArrayEquals(a.parameterValues(p.name()), b.parameterValues(p.name()), p.name());
        }
    }

    @Test
    void noLaneThreadIsLeftAfterAStoppedRun() throws Exception {
        AtomicInteger batches = new AtomicInteger();
        TrainingResult result = Trainer.fit(Network.create(CNN, 3, DataType.FLOAT, 2), DATA, config(3),
                new TrainingListener() {
                    @Override
                    public void onBatch(BatchProgress progress) {
                        batches.incrementAndGet();
                    }

                    @Override
                    public boolean isCancelled() {
                        return batches.get() >= 5;
                    }
                });
        assertTrue(result.cancelled());
        assertTrue(laneThreadsEndWithin(5_000), "lane threads still alive: " + laneThreads());
    }

    @Test
    void anInterruptedRunStopsAndLeavesNoLaneThread() throws Exception {
        AtomicReference<TrainingResult> result = new AtomicReference<>();
        AtomicInteger batches = new AtomicInteger();
        Thread training = new Thread(() -> result.set(Trainer.fit(Network.create(CNN, 4, DataType.FLOAT, 2), DATA,
                config(50), new TrainingListener() {
                    @Override
                    public void onBatch(BatchProgress progress) {
                        batches.incrementAndGet();
                    }

                    @Override
                    public boolean isCancelled() {
                        // As a cancelled UI task: the interrupt must survive the hand-offs to the lanes.
                        return Thread.currentThread().isInterrupted();
                    }
                })), "training");
        training.start();
        while (batches.get() < 3 && training.isAlive()) {
            Thread.sleep(1);
        }
        training.interrupt();
        training.join(10_000);
        assertEquals(false, training.isAlive(), "the run stopped");
        assertTrue(result.get().cancelled(), "stopped by the interrupt, not finished");
        assertTrue(laneThreadsEndWithin(5_000), "lane threads still alive: " + laneThreads());
    }

    private static boolean laneThreadsEndWithin(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!laneThreads().isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        return laneThreads().isEmpty();
    }

    private static List<Thread> laneThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("digitlab-lane-") && t.isAlive()).toList();
    }
}
