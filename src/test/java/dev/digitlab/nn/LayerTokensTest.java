package dev.digitlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LayerTokensTest {

    @Test
    void tokensReadAsImageLayersThenDenseSizes() {
        LayerTokens t = LayerTokens.parse(" CONV5x5x32 ,pool2, conv3x3x64same, 256,128");
        assertEquals(List.of(LayerSpec.conv(5, 5, 32, "relu", "valid"), LayerSpec.maxPool(2),
                LayerSpec.conv(3, 3, 64, "relu", "same")), t.imageLayers());
        assertEquals(List.of(256, 128), t.hidden());
    }

    @Test
    void blankTextIsNoLayersAndGivesTheSoftmaxAlone() {
        LayerTokens t = LayerTokens.parse("  ");
        assertEquals(new LayerTokens(List.of(), List.of()), t);
        assertEquals("784 -> 10 softmax", t.spec(784, 0, 10).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tutorial", "deeper", "dropout", "cnn"})
    void everyPresetFormatsToTokensThatBuildItAgain(String name) {
        ModelSpec preset = ModelSpec.preset(name);
        double rate = preset.layers().stream().filter(l -> l.is(LayerType.DROPOUT))
                .mapToDouble(LayerSpec::rate).findFirst().orElse(0);
        assertEquals(preset, LayerTokens.parse(LayerTokens.format(preset)).spec(784, rate, 10));
    }

    @Test
    void theCnnPresetFormatsAsALearnerWouldTypeIt() {
        assertEquals("conv5x5x32, pool2, conv3x3x64, pool2, 128", LayerTokens.format(ModelSpec.preset("cnn")));
        assertEquals("256, 128", LayerTokens.format(ModelSpec.preset("dropout")));
    }

    @Test
    void samePaddingSurvivesTheRoundTrip() {
        String text = "conv3x3x8same, pool3, conv2x4x4, 64";
        assertEquals(text, LayerTokens.parse(text).toString());
    }

    @Test
    void withoutImageLayersTheSpecIsTheMultilayerPerceptron() {
        assertEquals(ModelSpec.mlp(784, new int[] {256, 128}, 0.2, 10),
                LayerTokens.parse("256, 128").spec(784, 0.2, 10));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|NOT_POSITIVE|the layer list needs positive sizes, not 0",
        "128,conv5x5x8|IMAGE_AFTER_DENSE|the layer list needs conv and pool layers before the dense ones, not 'conv5x5x8' after 128",
        "conv5x5|NOT_A_LAYER|the layer list takes dense sizes like 128, conv layers like conv5x5x32 and pool layers like pool2, not 'conv5x5'",
        "128 64|NOT_A_LAYER|the layer list takes dense sizes like 128, conv layers like conv5x5x32 and pool layers like pool2, not '128 64'",
        "pool99999999999|NUMBER_TOO_LARGE|the layer list has a number too large to use: 99999999999",
    })
    void aBadTokenIsNamedInOneSentence(String text, LayerTokens.Problem.Kind kind, String message) {
        LayerTokens.Problem e = assertThrows(LayerTokens.Problem.class, () -> LayerTokens.parse(text));
        assertEquals(kind, e.kind());
        assertEquals(message, e.getMessage());
        assertEquals(message.replace("the layer list", "--layers"), e.sentence("--layers"));
    }

    @Test
    void anEmptyTokenBetweenCommasIsNotALayer() {
        LayerTokens.Problem e = assertThrows(LayerTokens.Problem.class, () -> LayerTokens.parse("128,,64"));
        assertEquals(LayerTokens.Problem.Kind.NOT_A_LAYER, e.kind());
        assertEquals("", e.token());
        assertNull(e.after());
    }

    @Test
    void layersThatDoNotFitTheImageAreRefusedWhenTheSpecIsBuilt() {
        LayerTokens t = LayerTokens.parse("conv5x5x8, pool2, pool2, pool2, pool2, pool2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.spec(784, 0, 10));
        assertEquals("the max-pool layer 'maxpool 2' needs an image of at least 2x2, but its input is 1x1",
                e.getMessage());
    }
}
