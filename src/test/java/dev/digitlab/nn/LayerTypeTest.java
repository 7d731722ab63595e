package dev.digitlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LayerTypeTest {

    /** One layer of each kind, as a spec a learner could type. */
    private static final ModelSpec EVERY_KIND = ModelSpec.parse(
            "784 -> conv 3x3x4 relu same -> maxpool 2 -> dropout 0.25 -> flatten -> 16 relu -> 10 softmax");

    @ParameterizedTest
    @EnumSource(LayerType.class)
    void everyKindIsWrittenAndReadBackInTheTextForm(LayerType kind) {
        LayerSpec layer = EVERY_KIND.layers().stream().filter(l -> l.is(kind)).findFirst().orElseThrow();
        ModelSpec again = ModelSpec.parse(EVERY_KIND.toString());
        assertEquals(EVERY_KIND, again);
        assertEquals(kind, layer.kind());
        assertEquals(kind, LayerType.of(kind.id()));
    }

    @Test
    void theParametersOfEveryKindAreNamedAfterItAndFoundBackByName() {
        List<Parameter> parameters = EVERY_KIND.parameters();
        assertEquals(List.of("conv2d_0/W", "conv2d_0/b", "dense_0/W", "dense_0/b", "dense_1/W", "dense_1/b"),
                parameters.stream().map(Parameter::name).toList());
        for (Parameter p : parameters) {
            assertTrue(LayerType.ofParameter(p.name()).isPresent(), p.name());
        }
        assertEquals(Optional.of(LayerType.CONV2D), LayerType.ofParameter("conv2d_12/W"));
        assertEquals(Optional.empty(), LayerType.ofParameter("lstm_0/W"));
        assertEquals(Optional.empty(), LayerType.ofParameter("W"));
    }

    @Test
    void theNetworkBuildsEveryKindWithTheParametersTheSpecPromises() {
        Network network = Network.create(EVERY_KIND, 1);
        assertEquals(EVERY_KIND.parameters(), network.parameters());
        assertEquals(EVERY_KIND.parameterCount(), network.parameterCount());
    }

    @Test
    void anUnknownKindIsRefusedNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerType.of("lstm"));
        assertEquals("unknown layer type 'lstm' (known: dense, dropout, conv2d, maxpool2d, flatten)", e.getMessage());
    }
}
