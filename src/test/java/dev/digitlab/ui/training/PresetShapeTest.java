package dev.digitlab.ui.training;

import dev.digitlab.ui.training.Preset;
import dev.digitlab.ui.training.PresetShapeTest;
import dev.digitlab.ui.training.TrainingForm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.digitlab.nn.Network;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PresetShapeTest {

    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyPresetBuildsANetworkThatGivesTenProbabilitiesPerImage(Preset preset) {
        TrainingForm form = new TrainingForm();
        form.presetProperty().set(preset);
        Network network = Network.create(form.spec(784, 10), 42);
        int count = 5;
        float[] images = new float[count * 784];
        Random random = new Random(7);
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextFloat();
        }

        float[][] p = network.predict(images, count);

        assertEquals(count, p.length);
        for (float[] row : p) {
            assertEquals(10, row.length);
            double sum = 0;
            for (float v : row) {
                assertEquals(true, v >= 0 && v <= 1, preset + ": " + v);
                sum += v;
            }
            assertEquals(1, sum, 1e-4, preset.name());
        }
    }
}
