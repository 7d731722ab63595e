package dev.digitlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.nn.OptimizerConfig;
import dev.digitlab.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class TrainingFormTest {

    private final TrainingForm form = new TrainingForm();

    @Test
    void aNewFormHoldsTheTutorialSetup() {
        assertEquals(Preset.TUTORIAL, form.presetProperty().get());
        assertEquals("784 -> 128 relu -> 10 softmax", form.spec(784, 10).toString());
        assertEquals(TrainingConfig.tutorial(), form.config());
        assertTrue(form.validProperty().get());
    }

    @Test
    void epochsThatAreNotAWholeNumberAreRefusedWithTheReason() {
        form.epochs().textProperty().set("abc");
        assertFalse(form.validProperty().get());
        assertEquals("Enter a whole number from 1 to 1000, e.g. 10.", form.epochs().errorProperty().get());
        assertNull(form.epochs().valueProperty().get());
        form.epochs().textProperty().set(" 12 ");
        assertTrue(form.validProperty().get());
        assertEquals(12, form.config().epochs());
        form.epochs().textProperty().set("1001");
        assertFalse(form.validProperty().get());
    }

    @Test
    void theLearningRateMustBeAPositiveNumber() {
        for (String bad : new String[] {"-1", "0", "abc", "", "NaN", "Infinity"}) {
            form.learningRate().textProperty().set(bad);
            assertEquals("Enter a number greater than 0, e.g. 0.001.", form.learningRate().errorProperty().get(), bad);
        }
        form.learningRate().textProperty().set("1e-3");
        assertEquals(0.001, form.config().optimizer().learningRate());
    }

    @Test
    void hiddenLayersAreSizesSeparatedByCommasOrNone() {
        form.hiddenLayers().textProperty().set("256, 128");
        assertEquals("784 -> 256 relu -> 128 relu -> 10 softmax", form.spec(784, 10).toString());
        form.hiddenLayers().textProperty().set("");
        assertEquals("784 -> 10 softmax", form.spec(784, 10).toString());
        for (String bad : new String[] {"0", "128,,64", "128 64", "5000", "1,2,3,4,5,6,7,8,9", "-5"}) {
            form.hiddenLayers().textProperty().set(bad);
            assertFalse(form.validProperty().get(), bad);
        }
        assertTrue(form.hiddenLayers().errorProperty().get().startsWith("Enter whole numbers from 1 to 4096"));
    }

    @Test
    void dropoutFollowsEveryHiddenLayerAndMustBeBelowOne() {
        form.hiddenLayers().textProperty().set("64,32");
        form.dropout().textProperty().set("0.5");
        assertEquals("784 -> 64 relu -> dropout 0.5 -> 32 relu -> dropout 0.5 -> 10 softmax",
                form.spec(784, 10).toString());
        form.dropout().textProperty().set("1");
        assertFalse(form.validProperty().get());
    }

    @Test
    void choosingSgdSwitchesTheUsualLearningRateButKeepsAChosenOne() {
        form.optimizerProperty().set("sgd");
        assertEquals("0.01", form.learningRate().textProperty().get());
        form.optimizerProperty().set("adam");
        assertEquals("0.001", form.learningRate().textProperty().get());
        form.learningRate().textProperty().set("0.005");
        form.optimizerProperty().set("sgd");
        assertEquals("0.005", form.learningRate().textProperty().get());
    }

    @Test
    void theConfigCarriesEveryField() {
        form.optimizerProperty().set("sgd");
        form.learningRate().textProperty().set("0.05");
        form.decay().textProperty().set("0.0001");
        form.batchSize().textProperty().set("128");
        form.epochs().textProperty().set("3");
        form.validationSplit().textProperty().set("0.1");
        form.seed().textProperty().set("-7");
        TrainingConfig c = form.config();
        assertEquals(new TrainingConfig(3, 128, 0.1, -7, OptimizerConfig.sgd(0.05, 0).withDecay(0.0001)), c);
    }

    @Test
    void aPresetFillsEveryField() {
        form.epochs().textProperty().set("abc");
        form.presetProperty().set(Preset.DEEPER);
        assertTrue(form.validProperty().get());
        assertArrayEquals(new int[] {256, 128}, form.hiddenLayers().value());
        assertEquals(10, form.config().epochs());
        form.presetProperty().set(Preset.DROPOUT);
        assertEquals("0.2", form.dropout().textProperty().get());
        assertEquals("784 -> 256 relu -> dropout 0.2 -> 128 relu -> dropout 0.2 -> 10 softmax",
                form.spec(784, 10).toString());
    }

    @Test
    void theWeightCountIsEveryWeightAndBiasOfTheDenseLayers() {
        assertEquals(101_770, TrainingForm.weightCount(form.spec(784, 10)));
        form.presetProperty().set(Preset.DROPOUT);
        assertEquals(784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10, TrainingForm.weightCount(form.spec(784, 10)));
    }
}
