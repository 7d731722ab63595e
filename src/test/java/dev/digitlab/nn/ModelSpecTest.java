package dev.digitlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelSpecTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "784 -> 128 relu -> 10 softmax",
        "784 -> 256 relu -> dropout 0.2 -> 128 relu -> 10 softmax",
        "4 -> 3 tanh -> 2 sigmoid -> 5 linear -> 3 softmax",
        "784 -> conv 5x5x32 relu -> maxpool 2 -> flatten -> 128 relu -> 10 softmax",
        "784 -> conv 3x3x8 tanh same -> maxpool 3 -> conv 2x4x4 linear -> dropout 0.25 -> 10 softmax",
        "100 -> 64 relu -> conv 3x3x2 sigmoid -> flatten -> 2 softmax",
    })
    void textFormReadsBackToTheSameSpec(String text) {
        ModelSpec spec = ModelSpec.parse(text);
        assertEquals(text, spec.toString());
        assertEquals(spec, ModelSpec.parse(spec.toString()));
    }

    @Test
    void parsingToleratesSpacingAndCase() {
        ModelSpec spec = ModelSpec.parse("  784->128 ReLU ->   DROPOUT 0.50->10 Softmax ");
        assertEquals("784 -> 128 relu -> dropout 0.5 -> 10 softmax", spec.toString());
    }

    @Test
    void convLayersParseWithValidPaddingLeftOutAndAnyCase() {
        ModelSpec spec = ModelSpec.parse("784 -> CONV 5X5X32 ReLU valid -> MaxPool 2 -> conv 3x3x8 relu SAME -> Flatten -> 10 softmax");
        assertEquals("784 -> conv 5x5x32 relu -> maxpool 2 -> conv 3x3x8 relu same -> flatten -> 10 softmax", spec.toString());
        assertEquals(List.of(LayerSpec.conv(5, 5, 32, "relu", "valid"), LayerSpec.maxPool(2),
                LayerSpec.conv(3, 3, 8, "relu", "same"), LayerSpec.flatten(), LayerSpec.dense(10, "softmax")), spec.layers());
    }

    @Test
    void shapesFollowTheLayersChannelsFirst() {
        ModelSpec spec = ModelSpec.parse("784 -> conv 5x5x32 relu -> maxpool 2 -> conv 3x3x64 relu same -> maxpool 2"
                + " -> dropout 0.2 -> 128 relu -> 10 softmax");
        List<String> shapes = spec.shapes().stream().map(java.util.Arrays::toString).toList();
        assertEquals(List.of("[32, 24, 24]", "[32, 12, 12]", "[64, 12, 12]", "[64, 6, 6]", "[64, 6, 6]", "[128]", "[10]"),
                shapes);
    }

    @Test
    void parsedSpecHoldsTheLayers() {
        ModelSpec spec = ModelSpec.parse("784 -> 256 relu -> dropout 0.2 -> 128 relu -> 10 softmax");
        assertEquals(784, spec.inputs());
        assertEquals(List.of(LayerSpec.dense(256, "relu"), LayerSpec.dropout(0.2), LayerSpec.dense(128, "relu"),
                LayerSpec.dense(10, "softmax")), spec.layers());
        assertEquals(10, spec.classes());
    }

    @Test
    void presetsNameTheTutorialArchitectures() {
        assertEquals("784 -> 128 relu -> 10 softmax", ModelSpec.preset("tutorial").toString());
        assertEquals("784 -> 256 relu -> 128 relu -> 10 softmax", ModelSpec.preset("deeper").toString());
        assertEquals("784 -> 256 relu -> dropout 0.2 -> 128 relu -> dropout 0.2 -> 10 softmax",
                ModelSpec.preset("dropout").toString());
        assertEquals("784 -> conv 5x5x32 relu -> maxpool 2 -> conv 3x3x64 relu -> maxpool 2 -> flatten -> 128 relu"
                + " -> dropout 0.3 -> 10 softmax", ModelSpec.preset("cnn").toString());
        for (String name : ModelSpec.PRESETS) {
            assertEquals(784, ModelSpec.preset(name).inputs());
        }
    }

    @Test
    void mlpBuildsHiddenLayersThenSoftmax() {
        assertEquals("784 -> 64 relu -> 32 relu -> 10 softmax",
                ModelSpec.mlp(784, new int[] {64, 32}, 0, 10).toString());
        assertEquals("784 -> 10 softmax", ModelSpec.mlp(784, new int[0], 0.5, 10).toString());
    }

    @Test
    void unknownPresetNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSpec.preset("huge"));
        assertEquals("unknown preset 'huge' (known: tutorial, deeper, dropout, cnn)", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "784 -> 128 relu|the last layer must be a softmax layer",
        "784|a model needs at least one layer",
        "abc -> 10 softmax|the input size 'abc'",
        "784 -> 12x relu -> 10 softmax|the number of units '12x'",
        "784 -> 128 swish -> 10 softmax|unknown activation 'swish'",
        "784 -> 10 softmax -> 10 softmax|softmax is only allowed on the last layer",
        "784 -> dropout 1.5 -> 10 softmax|a dropout rate must be in [0, 1)",
        "784 -> dropout x -> 10 softmax|the dropout rate 'x'",
        "784 -> -> 10 softmax|empty layer",
        "784 -> 0 relu -> 10 softmax|a dense layer needs a positive number of units",
        "784 -> 1 softmax|at least 2 classes",
        "784 -> 128 -> 10 softmax|write a dense layer as '<units> <activation>'",
        "784 -> conv 29x3x8 relu -> 10 softmax|the conv layer 'conv 29x3x8 relu' needs an image of at least 29x3, but its input is 28x28",
        "784 -> maxpool 2 -> conv 15x15x8 relu same -> 10 softmax|the conv layer 'conv 15x15x8 relu same' needs an image of at least 15x15, but its input is 14x14",
        "784 -> maxpool 30 -> 10 softmax|the max-pool layer 'maxpool 30' needs an image of at least 30x30, but its input is 28x28",
        "700 -> conv 3x3x8 relu -> 10 softmax|a conv or max-pool layer needs a square image, but 700 inputs are not a square number",
        "784 -> conv 5x5 relu -> 10 softmax|write a conv layer as 'conv <height>x<width>x<filters> <activation> [same]'",
        "784 -> conv 5x5x32 -> 10 softmax|write a conv layer as 'conv <height>x<width>x<filters> <activation> [same]'",
        "784 -> conv 5x5x32 relu full -> 10 softmax|a conv layer's padding must be 'valid' or 'same', not 'full'",
        "784 -> conv 5x5x32 softmax -> 10 softmax|a conv layer cannot use softmax",
        "784 -> conv 5x5x32 swish -> 10 softmax|unknown activation 'swish'",
        "784 -> conv 0x5x32 relu -> 10 softmax|a conv layer needs a positive kernel size and number of filters, not 0x5x32",
        "784 -> conv 5xax32 relu -> 10 softmax|the kernel width 'a'",
        "784 -> maxpool 1 -> 10 softmax|a max-pool layer needs a window of at least 2, not 1",
        "784 -> maxpool -> 10 softmax|write a max-pool layer as 'maxpool 2'",
        "784 -> flatten 2 -> 10 softmax|write a flatten layer as 'flatten'",
        "784 -> conv 5x5x32 relu -> maxpool 2|the last layer must be a softmax layer",
        "784 -> conv 5x5x100000000 relu -> 10 softmax|is too large for its 1x28x28 input",
        "10000 -> conv 50x50x1 relu same -> 2 softmax|the conv layer 'conv 50x50x1 relu same' is too large for its 1x100x100 input",
    })
    void badSpecsGiveOneClearSentence(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSpec.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dropout", "cnn"})
    void specSurvivesAJsonRoundTrip(String preset) {
        Gson gson = new Gson();
        ModelSpec spec = ModelSpec.preset(preset);
        String json = gson.toJson(spec);
        assertEquals(spec, gson.fromJson(json, ModelSpec.class));
        assertTrue(json.contains("\"type\":\"dense\""), json);
    }

    @Test
    void parametersAreNamedAndShapedWithoutBuildingANetwork() {
        ModelSpec spec = ModelSpec.parse("784 -> conv 5x5x32 relu -> maxpool 2 -> conv 3x3x64 relu -> 128 relu -> 10 softmax");
        assertEquals(List.of(new Parameter("conv2d_0/W", new int[] {5, 5, 1, 32}), new Parameter("conv2d_0/b", new int[] {32}),
                new Parameter("conv2d_1/W", new int[] {3, 3, 32, 64}), new Parameter("conv2d_1/b", new int[] {64}),
                new Parameter("dense_0/W", new int[] {6400, 128}), new Parameter("dense_0/b", new int[] {128}),
                new Parameter("dense_1/W", new int[] {128, 10}), new Parameter("dense_1/b", new int[] {10})),
                spec.parameters());
        assertEquals(832 + 18_496 + 819_328 + 1290, spec.parameterCount());
    }
}
