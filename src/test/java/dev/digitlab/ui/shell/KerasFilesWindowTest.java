package dev.digitlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.io.ModelReader;
import dev.digitlab.io.ModelWriter;
import dev.digitlab.io.SettingsStore;
import dev.digitlab.io.keras.KerasReader;
import dev.digitlab.io.keras.ModelOpener;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Open model… with a learner's Keras file, and File > Export for Keras…, in the whole window. */
@ExtendWith(ApplicationExtension.class)
class KerasFilesWindowTest {

    @TempDir
    Path dir;

    private final MainWindowTest.FakeChooser chooser = new MainWindowTest.FakeChooser();
    private final MainWindowTest.FakePrompts prompts = new MainWindowTest.FakePrompts();
    private final Locale originalLocale = Locale.getDefault();
    /** A small test set, labelled with what the Keras fixture reads, so its accuracy is known: 100%. */
    private MnistDataset data;
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        stage.setWidth(1100);
        stage.setHeight(760);
        Locale.setDefault(Locale.ENGLISH);
        data = labelledByTheFixture();
        MainWindow.Services services = new MainWindow.Services(chooser, prompts, new SettingsStore(dir.resolve("home")),
                folder -> progress -> data,
                () -> new TrainedModel("mnist-mlp", Network.create(ModelSpec.parse("784 -> 16 relu -> 10 softmax"), 1),
                        TrainingConfig.tutorial(), null, null, List.of(), Double.NaN, Instant.now()),
                new ModelWriter("test"), 1, ModelOpener::load);
        window = new MainWindow(stage, services);
        stage.show();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(originalLocale);
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(KerasFilesWindowTest.class.getResource("/keras/" + name).toURI());
    }

    private static MnistDataset labelledByTheFixture() throws Exception {
        Network keras = new KerasReader().load(fixture("mlp-keras2.h5")).network();
        int n = 20;
        float[] pixels = new float[n * 784];
        byte[] labels = new byte[n];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            float[] image = new float[784];
            for (int j = 0; j < 784; j++) {
                image[j] = random.nextDouble() < 0.8 ? 0 : (float) random.nextDouble();
            }
            System.arraycopy(image, 0, pixels, i * 784, 784);
            float[] p = keras.probabilities(image);
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                best = p[c] > p[best] ? c : best;
            }
            labels[i] = (byte) (i < 15 ? best : (best + 1) % 10); // 15 of 20 right: 75%
        }
        ImageSet set = new ImageSet(pixels, labels, 28, 28);
        return new MnistDataset("test", "0", set, set);
    }

    private void awaitReady() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.active().modelProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.files().openingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aKerasFileOpensWithItsOriginAndTheAccuracyDigitLabMeasures(FxRobot robot) throws Exception {
        awaitReady();
        Path h5 = fixture("mlp-keras2.h5");
        chooser.answers.add(h5);

        robot.clickOn("File").clickOn("Open model…");
        awaitReady();

        TrainedModel model = window.active().modelProperty().get();
        assertEquals("mlp-keras2", model.name());
        assertEquals(0.75, model.testAccuracy(), 1e-9);
        assertEquals("mlp-keras2 — DigitLab", stage.getTitle());
        assertEquals(h5.toAbsolutePath(), window.files().recent().get(0));
        robot.clickOn("Draw");
        WaitForAsyncUtils.waitForFxEvents();
        String help = robot.lookup("#modelHelp").queryAs(Label.class).getText();
        assertEquals("Imported from Keras 2.10.0, HDF5, mlp-keras2.h5, pixels / 255",
                help);
    }

    @Test
    void savingAnImportedModelAsksForADigitLabFileAndLeavesTheKerasFileAlone(FxRobot robot) throws Exception {
        awaitReady();
        Path h5 = Files.copy(fixture("mlp-keras2.h5"), dir.resolve("mnist_model.h5"));
        byte[] before = Files.readAllBytes(h5);
        chooser.answers.add(h5);
        robot.push(KeyCode.CONTROL, KeyCode.O);
        awaitReady();
        assertNull(window.files().fileProperty().get());
        Path json = dir.resolve("mnist_model.json");
        chooser.answers.add(json);

        robot.push(KeyCode.CONTROL, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(h5)));
        TrainedModel saved = new ModelReader().load(json);
        float[] image = data.test().image(0);
        assertEquals(window.active().modelProperty().get().network().probabilities(image)[3],
                saved.network().probabilities(image)[3], 1e-7f);
        assertEquals(json, window.files().fileProperty().get());
    }

    @Test
    void exportForKerasWritesAFileThatReadsBackAsTheSameModel(FxRobot robot) throws Exception {
        awaitReady();
        Path target = dir.resolve("for-python.h5");
        chooser.answers.add(target);

        robot.clickOn("File").clickOn("Export for Keras…");
        WaitForAsyncUtils.waitForFxEvents();

        Network exported = new KerasReader().load(target).network();
        Network active = window.active().modelProperty().get().network();
        float[] image = data.test().image(1);
        float[] a = active.probabilities(image);
        float[] b = exported.probabilities(image);
        for (int c = 0; c < a.length; c++) {
            assertEquals(a[c], b[c], 1e-6f);
        }
        assertEquals("Exported " + target + " for Keras; in Python: keras.models.load_model('for-python.h5'), "
                + "inputs 784 pixels / 255", window.statusProperty().get());
    }
}
