package dev.digitlab.ui.training;

import dev.digitlab.ui.shell.MainWindow;
import dev.digitlab.ui.shell.MainWindowTest;
import dev.digitlab.ui.training.Preset;
import dev.digitlab.ui.training.TrainingForm;
import dev.digitlab.ui.training.TrainingSettingsTest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.digitlab.data.DataException;
import dev.digitlab.io.ModelWriter;
import dev.digitlab.io.Settings;
import dev.digitlab.io.SettingsStore;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Training form's fields, CNN layers included, survive a restart through the settings file. */
@ExtendWith(ApplicationExtension.class)
class TrainingSettingsTest {

    @TempDir
    Path dir;

    private final Locale originalLocale = Locale.getDefault();

    @Start
    void start(Stage stage) {
        // Windows are made by the tests, each from the settings file as it is then.
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(originalLocale);
    }

    private MainWindow open() throws Exception {
        MainWindow.Services services = new MainWindow.Services(new MainWindowTest.FakeChooser(),
                new MainWindowTest.FakePrompts(), new SettingsStore(dir.resolve("home")), folder -> progress -> {
                    throw new DataException("no data in this test");
                },
                () -> new TrainedModel("mnist-mlp", Network.create(ModelSpec.parse("784 -> 16 relu -> 10 softmax"), 1),
                        TrainingConfig.tutorial(), null, null, List.of(), Double.NaN, Instant.now()),
                new ModelWriter("test"), 1);
        return WaitForAsyncUtils.asyncFx(() -> new MainWindow(new Stage(), services)).get();
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get();
    }

    @Test
    void theCnnLayersAndPresetAreThereAgainAfterARestart() throws Exception {
        MainWindow first = open();
        fx(() -> {
            first.training().form().presetProperty().set(Preset.CNN);
            first.training().form().layers().textProperty().set("conv5x5x16same, pool2, 64");
            first.close();
        });
        Settings kept = new SettingsStore(dir.resolve("home")).load();
        assertEquals("conv5x5x16same, pool2, 64", kept.hyperparameters.get("hiddenLayers"));

        MainWindow next = open();
        TrainingForm form = next.training().form();
        assertEquals(Preset.CNN, form.presetProperty().get());
        assertEquals("conv5x5x16same, pool2, 64", form.layers().textProperty().get());
        assertEquals("0.3", form.dropout().textProperty().get());
        assertEquals("784 -> conv 5x5x16 relu same -> maxpool 2 -> flatten -> 64 relu -> dropout 0.3 -> 10 softmax",
                form.spec(784, 10).toString());
        fx(next::close);
    }

    @Test
    void theCnnPresetLeftAsItWasBuildsThePresetSpecAfterARestart() throws Exception {
        MainWindow first = open();
        fx(() -> {
            first.training().form().presetProperty().set(Preset.CNN);
            first.close();
        });
        MainWindow next = open();
        assertEquals(ModelSpec.preset("cnn"), next.training().form().spec(784, 10));
        fx(next::close);
    }

    @Test
    void aSettingsFileFromBeforeConvLayersStillFillsTheForm() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve(SettingsStore.FILE), """
                {
                  "language": "en",
                  "recentModels": [],
                  "hyperparameters": {
                    "hiddenLayers": "256, 128",
                    "dropout": "0.2",
                    "learningRate": "0.001",
                    "decay": "0",
                    "batchSize": "64",
                    "epochs": "4",
                    "validationSplit": "0.2",
                    "seed": "42",
                    "optimizer": "adam"
                  }
                }
                """, StandardCharsets.UTF_8);

        MainWindow window = open();
        TrainingForm form = window.training().form();
        assertEquals("256, 128", form.layers().textProperty().get());
        assertEquals(ModelSpec.preset("dropout"), form.spec(784, 10));
        assertEquals(4, form.config().epochs());
        assertEquals(true, form.validProperty().get());
        fx(window::close);
    }
}
