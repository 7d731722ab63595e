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
        assertEquals("unknown preset 'huge' (known: tutorial, deeper, dropout)", e.getMessage());
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
    })
    void badSpecsGiveOneClearSentence(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSpec.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void specSurvivesAJsonRoundTrip() {
        Gson gson = new Gson();
        ModelSpec spec = ModelSpec.preset("dropout");
        String json = gson.toJson(spec);
        assertEquals(spec, gson.fromJson(json, ModelSpec.class));
        assertTrue(json.contains("\"type\":\"dense\""), json);
    }
}
