package dev.digitlab.io.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What DigitLab makes of a Keras model_config, from the config alone. */
class KerasPlanTest {

    private static String sequential(String input, String... layers) {
        return "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": [{\"class_name\": \"InputLayer\","
                + " \"config\": {\"batch_shape\": [null, " + input + "], \"name\": \"in\"}}, "
                + String.join(", ", layers) + "]}}";
    }

    private static String layer(String className, String name, String config) {
        return "{\"class_name\": \"" + className + "\", \"config\": {\"name\": \"" + name + "\""
                + (config.isEmpty() ? "" : ", " + config) + "}}";
    }

    private static String dense(String name, int units, String activation) {
        return layer("Dense", name, "\"units\": " + units + ", \"activation\": \"" + activation + "\"");
    }

    private static String plan(String json) {
        return KerasPlan.of(KerasConfig.parse(json), 50_000_000).spec().toString();
    }

    @Test
    void aModelThatEndsInLogitsGetsTheSoftmaxAndSaysSo() {
        KerasPlan plan = KerasPlan.of(KerasConfig.parse(sequential("784", dense("a", 32, "relu"), dense("b", 10, "linear"))),
                1000000);
        assertEquals("784 -> 32 relu -> 10 softmax", plan.spec().toString());
        assertTrue(plan.addedSoftmax);
    }

    @Test
    void activationLayersMoveIntoTheLayerBeforeThemAcrossPoolingAndFlatten() {
        assertEquals("784 -> conv 3x3x2 elu -> maxpool 2 -> flatten -> 16 leaky_relu -> 10 softmax", plan(sequential(
                "28, 28, 1",
                layer("Conv2D", "c", "\"filters\": 2, \"kernel_size\": [3, 3], \"activation\": \"linear\""),
                layer("MaxPooling2D", "p", "\"pool_size\": [2, 2]"),
                layer("ELU", "e", "\"alpha\": 1.0"),
                layer("Flatten", "f", ""),
                dense("d", 16, "linear"), layer("LeakyReLU", "l", "\"negative_slope\": 0.2"),
                dense("o", 10, "linear"), layer("Softmax", "s", ""))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "784|{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 10, \"activation\": \"swish\"}}"
                + "|layer 1 (Dense 'd') uses the activation 'swish'",
        "28, 28, 1|{\"class_name\": \"Conv2D\", \"config\": {\"name\": \"c\", \"filters\": 4, \"kernel_size\": [3, 3],"
                + " \"strides\": [2, 2]}}|layer 1 (Conv2D 'c') uses a Conv2D with strides",
        "28, 28, 3|{\"class_name\": \"Flatten\", \"config\": {\"name\": \"f\"}}|takes images of 3 channels",
        "28, 28|{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 10, \"activation\": \"softmax\"}}"
                + "|a Dense layer on a (28, 28) input",
        "784|{\"class_name\": \"LeakyReLU\", \"config\": {\"name\": \"l\"}}|LeakyReLU slope of 0.3",
        "784|{\"class_name\": \"GlobalAveragePooling2D\", \"config\": {\"name\": \"g\"}}"
                + "|layer 1 (GlobalAveragePooling2D 'g') is a layer type DigitLab cannot compute",
    })
    void whatDigitLabCannotComputeIsNamedWithItsPosition(String input, String layerJson, String says) {
        KerasFormatException e = assertThrows(KerasFormatException.class,
                () -> plan(sequential(input, layerJson, dense("out", 10, "softmax"))));
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }

    @Test
    void aFunctionalModelThatBranchesIsRefused() {
        String json = "{\"class_name\": \"Functional\", \"config\": {\"name\": \"m\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"name\": \"in\", \"config\": {\"name\": \"in\", \"batch_shape\": [null, 784]}, \"inbound_nodes\": []},"
                + "{\"class_name\": \"Dense\", \"name\": \"a\", \"config\": {\"name\": \"a\", \"units\": 8}, \"inbound_nodes\": [[[\"in\", 0, 0, {}]]]},"
                + "{\"class_name\": \"Dense\", \"name\": \"b\", \"config\": {\"name\": \"b\", \"units\": 8}, \"inbound_nodes\": [[[\"in\", 0, 0, {}]]]},"
                + "{\"class_name\": \"Add\", \"name\": \"s\", \"config\": {\"name\": \"s\"}, \"inbound_nodes\": [[[\"a\", 0, 0, {}], [\"b\", 0, 0, {}]]]}"
                + "]}}";
        KerasFormatException e = assertThrows(KerasFormatException.class, () -> plan(json));
        assertTrue(e.getMessage().contains("branches after layer 'in'"), e.getMessage());
    }
}
