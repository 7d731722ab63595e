package dev.digitlab.ui.training;

import dev.digitlab.ui.training.Preset;
import dev.digitlab.ui.training.TrainingForm;
import dev.digitlab.ui.training.TrainingFormTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.optim.OptimizerConfig;
import dev.digitlab.train.TrainingConfig;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

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
    void denseLayersAreSizesSeparatedByCommasOrNone() {
        form.layers().textProperty().set("256, 128");
        assertEquals("784 -> 256 relu -> 128 relu -> 10 softmax", form.spec(784, 10).toString());
        form.layers().textProperty().set("");
        assertEquals("784 -> 10 softmax", form.spec(784, 10).toString());
        for (String bad : new String[] {"0", "128,,64", "128 64", "5000", "1,2,3,4,5,6,7,8,9", "-5"}) {
            form.layers().textProperty().set(bad);
            assertFalse(form.validProperty().get(), bad);
            assertNotNull(form.layers().errorProperty().get(), bad);
        }
    }

    @Test
    void withoutConvLayersTheSpecIsTheMultilayerPerceptronOfBefore() {
        form.layers().textProperty().set("256, 128");
        form.dropout().textProperty().set("0.2");
        assertEquals(ModelSpec.mlp(784, new int[] {256, 128}, 0.2, 10), form.spec(784, 10));
        assertEquals("mlp-256-128", form.modelName());
    }

    @Test
    void convAndPoolLayersComeBeforeTheDenseOnes() {
        form.layers().textProperty().set("conv3x3x8same, pool2, 64");
        assertEquals("784 -> conv 3x3x8 relu same -> maxpool 2 -> flatten -> 64 relu -> 10 softmax",
                form.spec(784, 10).toString());
        assertEquals("cnn-8-64", form.modelName());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "conv5x5|“conv5x5” is not a layer: enter dense sizes like 128, conv layers like conv5x5x32 and pool layers "
                + "like pool2, separated by commas, or leave it empty.",
        "128 64|“128 64” is not a layer: enter dense sizes like 128, conv layers like conv5x5x32 and pool layers "
                + "like pool2, separated by commas, or leave it empty.",
        "128, pool2|Put the conv and pool layers before the dense ones: “pool2” comes after 128.",
        "0|A dense layer takes 1 to 4096 neurons, a conv layer 1 to 256 filters.",
        "5000|A dense layer takes 1 to 4096 neurons, a conv layer 1 to 256 filters.",
        "conv3x3x300|A dense layer takes 1 to 4096 neurons, a conv layer 1 to 256 filters.",
        "1,2,3,4,5,6,7,8,9|Use at most 8 dense layers and at most 8 conv and pool layers.",
        "conv5x5x8, pool2, pool2, pool2, pool2, pool2|These layers do not work on a 28×28 image: the max-pool layer "
                + "'maxpool 2' needs an image of at least 2x2, but its input is 1x1.",
        "conv29x5x8|These layers do not work on a 28×28 image: the conv layer 'conv 29x5x8 relu' needs an image of "
                + "at least 29x5, but its input is 28x28.",
        "pool1, 128|These layers do not work on a 28×28 image: a max-pool layer needs a window of at least 2, not 1.",
    })
    void badLayersAreRefusedWithTheReason(String text, String reason) {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            form.layers().textProperty().set(text);
            assertFalse(form.validProperty().get(), text);
            assertEquals(reason, form.layers().errorProperty().get());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void layersTooLargeToOpenAgainAreAFieldErrorWithTheLimit() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            form.layers().textProperty().set("4096, 4096, 4096, 4096");
            assertFalse(form.validProperty().get());
            assertEquals("These layers make 53,600,266 parameters; DigitLab opens models of at most 50,000,000, "
                    + "so use smaller layers.", form.layers().errorProperty().get());
            form.layers().textProperty().set("4096, 4096");
            assertTrue(form.validProperty().get());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aLayerErrorShownBeforeALanguageSwitchIsWrittenAgainInTheNewLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            form.layers().textProperty().set("128, pool2");
            assertEquals("Put the conv and pool layers before the dense ones: “pool2” comes after 128.",
                    form.layers().errorProperty().get());
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            form.languageChanged();
            assertEquals("请把卷积层和池化层放在全连接层之前：“pool2”出现在 128 之后。", form.layers().errorProperty().get());
            assertFalse(form.validProperty().get());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void layerErrorsAreTranslated() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            TrainingForm chinese = new TrainingForm();
            chinese.layers().textProperty().set("128, conv3x3x8");
            assertEquals("请把卷积层和池化层放在全连接层之前：“conv3x3x8”出现在 128 之后。",
                    chinese.layers().errorProperty().get());
            chinese.layers().textProperty().set("conv5x5x8, pool2, pool2, pool2, pool2, pool2");
            assertTrue(chinese.layers().errorProperty().get().startsWith("这些层无法用于 28×28 的图像：the max-pool layer"),
                    chinese.layers().errorProperty().get());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void dropoutFollowsEveryHiddenLayerAndMustBeBelowOne() {
        form.layers().textProperty().set("64,32");
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
        assertEquals("256, 128", form.layers().textProperty().get());
        assertEquals(10, form.config().epochs());
        form.presetProperty().set(Preset.DROPOUT);
        assertEquals("0.2", form.dropout().textProperty().get());
        assertEquals("784 -> 256 relu -> dropout 0.2 -> 128 relu -> dropout 0.2 -> 10 softmax",
                form.spec(784, 10).toString());
    }

    @Test
    void theCnnPresetFillsItsLayersAndDropoutAndBuildsThePresetSpec() {
        form.presetProperty().set(Preset.CNN);
        assertEquals("conv5x5x32, pool2, conv3x3x64, pool2, 128", form.layers().textProperty().get());
        assertEquals("0.3", form.dropout().textProperty().get());
        assertTrue(form.validProperty().get());
        assertEquals(ModelSpec.preset("cnn"), form.spec(784, 10));
        assertEquals("cnn-32-64-128", form.modelName());
        form.presetProperty().set(Preset.TUTORIAL);
        assertEquals("128", form.layers().textProperty().get());
        assertEquals("0", form.dropout().textProperty().get());
        assertEquals("mlp-128", form.modelName());
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyPresetBuildsItsOwnSpec(Preset preset) {
        form.presetProperty().set(preset);
        assertEquals(preset.spec(), form.spec(784, 10));
    }
}
