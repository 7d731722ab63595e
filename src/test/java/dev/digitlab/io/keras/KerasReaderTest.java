package dev.digitlab.io.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.io.ModelFileException;
import dev.digitlab.nn.Network;
import dev.digitlab.train.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KerasReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"mlp-keras2.h5", "mlp-keras3.2.h5", "cnn-keras3.3.h5", "cnn-keras2.h5", "cnn.keras",
        "cnn-no-names.keras"})
    void importedModelsGiveTheProbabilitiesKerasComputes(String name) throws IOException {
        TrainedModel model = new KerasReader().load(KerasFixtures.file(name));
        KerasFixtures.Expected expected = KerasFixtures.expected(name);
        Network network = model.network();
        for (int i = 0; i < expected.images().length; i++) {
            float[] p = network.probabilities(expected.images()[i]);
            for (int c = 0; c < p.length; c++) {
                assertEquals(expected.probabilities()[i][c], p[c], 1e-5, name + " image " + i + " class " + c);
            }
        }
    }

    @Test
    void theModelSaysWhereItCameFromAndHowItTakesItsPixels() {
        TrainedModel tutorial = new KerasReader().load(KerasFixtures.file("mlp-keras2.h5"));
        assertEquals("mlp-keras2", tutorial.name());
        assertEquals("Keras 2.10.0, HDF5, mlp-keras2.h5, pixels / 255",
                tutorial.origin());
        assertEquals("784 -> 16 relu -> 10 softmax", tutorial.network().spec().toString());
        TrainedModel rescaled = new KerasReader().load(KerasFixtures.file("cnn.keras"));
        assertTrue(rescaled.origin().equals("Keras 3.4.1, .keras, cnn.keras, pixels 0-255 x 0.00784314 - 1 (Rescaling)"),
                rescaled.origin());
    }

    @Test
    void foldedLayersLeaveOnlyWhatDigitLabComputes() {
        assertEquals("784 -> conv 3x3x4 relu -> maxpool 2 -> conv 3x3x3 tanh same -> maxpool 2 -> flatten"
                        + " -> dropout 0.3 -> 8 leaky_relu -> 10 softmax",
                new KerasReader().summary(KerasFixtures.file("cnn-keras3.3.h5")).spec().toString());
        assertEquals("784 -> 12 elu -> dropout 0.2 -> 8 sigmoid -> 10 softmax",
                new KerasReader().summary(KerasFixtures.file("mlp-keras3.2.h5")).spec().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "truncated.h5|is damaged or not a Keras model file",
        "not-hdf5.h5|is neither a Keras HDF5 (.h5) file nor a .keras file",
        "wrong-shape.h5|layer 1 (Dense 'dense')'s kernel is [784, 15], but its config needs [784, 16]",
        "unsupported-layer.h5|layer 1 (LSTM 'lstm') is a layer type DigitLab cannot compute",
        "huge-dense.h5|its model has 795,000,000,010 weights, more than DigitLab loads",
        "no-config.keras|it is a zip file without config.json, so not a .keras model file",
    })
    void damagedAndUnsupportedFilesGetOneSentenceNamingTheFile(String name, String says) {
        Path file = KerasFixtures.file(name);
        ModelFileException e = assertThrows(ModelFileException.class, () -> new KerasReader().load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeReading() {
        Path file = KerasFixtures.file("mlp-keras2.h5");
        ModelFileException e = assertThrows(ModelFileException.class, () -> new KerasReader(1000, 1000).load(file));
        assertTrue(e.getMessage().contains("larger than any model file DigitLab loads"), e.getMessage());
    }

    @Test
    void hdf5AndZipFilesAreKnownByTheirFirstBytesNotTheirName(@TempDir Path dir) throws IOException {
        Path renamed = Files.copy(KerasFixtures.file("mlp-keras2.h5"), dir.resolve("model.json"));
        assertTrue(KerasReader.isKerasFile(renamed));
        assertTrue(KerasReader.isKerasFile(KerasFixtures.file("cnn.keras")));
        Path json = Files.writeString(dir.resolve("x.h5"), "{\"format\": \"digitlab-model\"}");
        assertFalse(KerasReader.isKerasFile(json));
    }
}
