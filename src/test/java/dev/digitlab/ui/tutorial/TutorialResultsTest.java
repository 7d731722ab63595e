package dev.digitlab.ui.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.optim.OptimizerConfig;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the steps show, computed without the window. */
class TutorialResultsTest {

    private static TrainedModel model(String spec, TrainingConfig config) {
        return new TrainedModel("m", Network.create(ModelSpec.parse(spec), 1), config, null, null, List.of(),
                Double.NaN, Instant.EPOCH);
    }

    @Test
    void theTutorialsNetworkCounts101770WeightsLayerByLayer() {
        StepResults.Layers layers = StepResults.Layers.of(ModelSpec.preset("tutorial"));
        assertEquals(List.of(new StepResults.LayerRow("Dense(128, relu)", 784, 128, 100_480),
                new StepResults.LayerRow("Dense(10, softmax)", 128, 10, 1_290)), layers.rows());
        assertEquals(101_770, layers.total());
    }

    @Test
    void aCnnsConvLayersCountTheirKernelsAndTheRowsAddUpToTheTotal() {
        ModelSpec cnn = ModelSpec.preset("cnn");
        StepResults.Layers layers = StepResults.Layers.of(cnn);
        StepResults.LayerRow first = layers.rows().get(0);
        assertEquals("Conv2D(32, 5\u00d75, relu)", first.layer());
        assertEquals(25, first.inputs(), "a 5x5 kernel on one channel");
        assertEquals(25 * 32 + 32, first.count());
        assertEquals(cnn.parameterCount(), layers.rows().stream().mapToLong(StepResults.LayerRow::count).sum());
    }

    @Test
    void oneHotPutsTheOneInTheLabelsPlace() {
        assertEquals("[0 0 0 0 0 1 0 0 0 0]", StepActions.oneHot(5));
        assertEquals("[1 0 0 0 0 0 0 0 0 0]", StepActions.oneHot(0));
    }

    @Test
    void aRunCountsAsAnImprovementWhenItsNetworkOrItsDecayDiffersFromTheTutorials() {
        String tutorial = "784 -> 128 relu -> 10 softmax";
        assertFalse(ReportedResults.improved(model(tutorial, TrainingConfig.tutorial())));
        assertTrue(ReportedResults.improved(model("784 -> 256 relu -> 128 relu -> 10 softmax",
                TrainingConfig.tutorial())));
        assertTrue(ReportedResults.improved(model(tutorial,
                new TrainingConfig(10, 64, 0.2, 42, OptimizerConfig.adam(0.001, 1e-4)))));
    }
}
