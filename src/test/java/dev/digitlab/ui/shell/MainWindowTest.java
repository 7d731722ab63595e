package dev.digitlab.ui.shell;

import dev.digitlab.imaging.strokes.Reading;
import dev.digitlab.ui.draw.DrawViewTest;
import dev.digitlab.ui.draw.PixelGrid;
import dev.digitlab.ui.shared.FileChooserService;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.TestImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.DataException;
import dev.digitlab.data.ImageSet;
import dev.digitlab.imaging.GrayImage;
import dev.digitlab.imaging.MnistPreprocessor;
import dev.digitlab.io.ModelReader;
import dev.digitlab.io.ModelWriter;
import dev.digitlab.io.Settings;
import dev.digitlab.io.SettingsStore;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.train.Predictions;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import java.nio.file.Files;
import java.text.MessageFormat;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
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

@ExtendWith(ApplicationExtension.class)
public class MainWindowTest {

    /** Answers the file dialogs with the paths a test queued. */
    public static final class FakeChooser implements FileChooserService {
        /** The paths the next dialogs answer with, in order; an empty queue answers "cancelled". */
        public final Deque<Path> answers = new ArrayDeque<>();

        @Override
        public Optional<Path> chooseSaveFile(String title, String suggestedName) {
            return Optional.ofNullable(answers.poll());
        }

        @Override
        public Optional<Path> chooseOpenFile(String title) {
            return Optional.ofNullable(answers.poll());
        }

        @Override
        public Optional<Path> chooseFolder(String title) {
            return Optional.ofNullable(answers.poll());
        }
    }

    /** Answers "save changes?" as told and records the errors shown. */
    public static final class FakePrompts implements Prompts {
        Choice answer = Choice.CANCEL;
        int asked;
        final List<String> errors = new ArrayList<>();
        final List<Throwable> causes = new ArrayList<>();

        @Override
        public Choice askSaveChanges(String modelName) {
            asked++;
            return answer;
        }

        @Override
        public void showError(String sentence, Throwable details) {
            errors.add(sentence);
            causes.add(details);
        }

        @Override
        public void showInfo(String title, String text) {
        }
    }

    @TempDir
    Path dir;

    private final FakeChooser chooser = new FakeChooser();
    private final FakePrompts prompts = new FakePrompts();
    private final Locale originalLocale = Locale.getDefault();
    /** Reads the model files the user opens; a test may put a slower one here. */
    private volatile Function<Path, TrainedModel> reader = new ModelReader()::load;
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // The primary stage is shared by the test classes: one that sized it (DrawViewTest: 1000x640)
        // would keep the window too short for the Train button, as a new scene does not resize it.
        stage.setWidth(1100);
        stage.setHeight(760);
        MainWindow.Services services = new MainWindow.Services(chooser, prompts, new SettingsStore(dir.resolve("home")),
                folder -> progress -> {
                    throw new DataException("no data in this test");
                },
                () -> new TrainedModel("mnist-mlp", Network.create(ModelSpec.parse("784 -> 16 relu -> 10 softmax"), 1),
                        TrainingConfig.tutorial(), null, null, List.of(), Double.NaN, Instant.now()),
                new ModelWriter("test"), 1, path -> reader.apply(path));
        window = new MainWindow(stage, services);
        stage.show();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(originalLocale);
    }

    private void awaitShippedModel() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.active().modelProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the model file being opened is read (on its background thread) and shown. */
    private void awaitOpened() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.files().openingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void run(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void openInDrawSelectsTheDrawTabAndShowsWhatTheModelReadsUntilClear(FxRobot robot) throws Exception {
        awaitShippedModel();
        // A test-set style '1': a slightly slanted vertical bar, ink high, on a 28x28 field.
        float[] one = new float[28 * 28];
        for (int row = 4; row < 24; row++) {
            int col = 13 + (23 - row) / 8;
            one[row * 28 + col] = 1f;
            one[row * 28 + col + 1] = 0.8f;
        }
        Network network = window.active().modelProperty().get().network();
        TestImage image = new TestImage(Predictions.of(network, new ImageSet(one, new byte[] {1}, 28, 28)), 0);
        float[] input = new MnistPreprocessor().prepare(new GrayImage(28, 28, one.clone())).orElseThrow().values();
        String expected = Integer.toString(Reading.argmax(network.probabilities(input)));

        run(() -> window.evaluate().mistakes().onOpenInDrawProperty().get().accept(image));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#predictedDigit").queryAs(Label.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("drawTab", robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getId());
        assertEquals(expected, robot.lookup("#predictedDigit").queryAs(Label.class).getText());
        assertNotNull(robot.lookup("#networkInput").queryAs(PixelGrid.class).values(), "the network input is shown");
        assertFalse(robot.lookup("#clearButton").query().isDisabled(), "the picture can be cleared");

        robot.clickOn("#clearButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", robot.lookup("#predictedDigit").queryAs(Label.class).getText());
        assertNull(robot.lookup("#networkInput").queryAs(PixelGrid.class).values(), "the input is cleared");
        assertTrue(robot.lookup("#clearButton").query().isDisabled());
    }

    @Test
    void titleNamesTheShippedModelOnceItIsLoaded() throws Exception {
        awaitShippedModel();
        assertEquals("mnist-mlp — DigitLab", stage.getTitle());
    }

    @Test
    void newModelIsUnsavedAndCtrlSSavesItToTheChosenFileWhichLoadsBack(FxRobot robot) throws Exception {
        awaitShippedModel();
        robot.clickOn("File").clickOn("New model");
        assertEquals("untitled* — DigitLab", stage.getTitle());

        Path target = dir.resolve("first");
        chooser.answers.add(target);
        robot.push(KeyCode.CONTROL, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();

        Path saved = dir.resolve("first.json");
        assertTrue(Files.isRegularFile(saved));
        assertEquals("first — DigitLab", stage.getTitle());
        TrainedModel back = new ModelReader().load(saved);
        assertEquals(window.active().modelProperty().get().network().parameterCount(),
                back.network().parameterCount());
        assertEquals(List.of(saved.toAbsolutePath()), window.files().recent());
    }

    @Test
    void aModelFromTrainingIsNamedInTheStatusBarAsNotSavedYet(FxRobot robot) throws Exception {
        awaitShippedModel();
        TrainedModel trained = new TrainedModel("cnn-4-16", Network.create(ModelSpec.parse(
                "784 -> conv 3x3x4 relu -> maxpool 2 -> flatten -> 16 relu -> 10 softmax"), 1), null, null, null,
                List.of(), Double.NaN, java.time.Instant.EPOCH);

        // What the Training tab does when a run ends.
        WaitForAsyncUtils.asyncFx(() -> window.active().set(trained, true)).get(5, TimeUnit.SECONDS);

        assertEquals("Ready: model cnn-4-16, not saved yet (File > Save model)", window.statusProperty().get());
        assertEquals("cnn-4-16* — DigitLab", stage.getTitle());
    }

    @Test
    void openThroughTheMenuMakesTheFileTheActiveModel(FxRobot robot) throws Exception {
        awaitShippedModel();
        Path file = dir.resolve("other.json");
        new ModelWriter("test").save(window.active().modelProperty().get(), file);
        chooser.answers.add(file);

        robot.push(KeyCode.CONTROL, KeyCode.O);
        awaitOpened();

        assertEquals("other — DigitLab", stage.getTitle());
        assertEquals("other", window.active().modelProperty().get().name());
        assertEquals(file.toAbsolutePath(), window.files().recent().get(0));
    }

    @Test
    void bothShippedModelsOpenFromTheFileMenuWithoutJoiningTheRecentList(FxRobot robot) throws Exception {
        awaitShippedModel();

        robot.clickOn("File").clickOn("Open shipped model").clickOn(Messages.get("menu.file.shipped.mnist-mlp"));
        awaitOpened();

        TrainedModel tutorial = window.active().modelProperty().get();
        assertEquals("mnist-mlp", tutorial.name());
        assertEquals(ModelSpec.preset("tutorial"), tutorial.network().spec());
        assertEquals("mnist-mlp — DigitLab", stage.getTitle());
        assertEquals("Opened mnist-mlp", window.statusProperty().get());
        assertEquals(List.of(), window.files().recent());

        robot.clickOn("File").clickOn("Open shipped model").clickOn(Messages.get("menu.file.shipped.mnist-cnn"));
        awaitOpened();

        assertEquals(ModelSpec.preset("cnn"), window.active().modelProperty().get().network().spec());
        assertEquals("mnist-cnn — DigitLab", stage.getTitle());
    }

    @Test
    void damagedModelFileShowsAnErrorAndKeepsTheCurrentModel(FxRobot robot) throws Exception {
        awaitShippedModel();
        TrainedModel before = window.active().modelProperty().get();
        Path damaged = dir.resolve("damaged.json");
        Files.writeString(damaged, "{\"format\": \"digitlab-model\", \"weights\": [");
        chooser.answers.add(damaged);

        robot.clickOn("File").clickOn("Open model…");
        awaitOpened();

        assertEquals(1, prompts.errors.size());
        assertTrue(prompts.errors.get(0).contains("damaged.json"), prompts.errors.get(0));
        assertSame(before, window.active().modelProperty().get());
        assertEquals("mnist-mlp — DigitLab", stage.getTitle());
    }

    @Test
    void recentListKeepsTheLastEightNewestFirstAndDropsAMissingFileWithANote() throws Exception {
        awaitShippedModel();
        for (int i = 1; i <= 9; i++) {
            Path file = dir.resolve("m" + i + ".json");
            chooser.answers.add(file);
            run(() -> window.files().saveAs());
        }
        List<Path> recent = window.files().recent();
        assertEquals(8, recent.size());
        assertEquals(dir.resolve("m9.json").toAbsolutePath(), recent.get(0));
        assertEquals(dir.resolve("m2.json").toAbsolutePath(), recent.get(7));

        Path gone = dir.resolve("m5.json").toAbsolutePath();
        Files.delete(gone);
        run(() -> window.files().openRecent(gone));

        assertEquals(7, window.files().recent().size());
        assertTrue(!window.files().recent().contains(gone));
        assertTrue(window.statusProperty().get().contains("no longer exists"), window.statusProperty().get());
        Settings kept = new SettingsStore(dir.resolve("home")).load();
        assertEquals(7, kept.recentModels.size());
    }

    @Test
    void exitWithUnsavedChangesAsksAndCancelKeepsTheWindow(FxRobot robot) throws Exception {
        awaitShippedModel();
        robot.clickOn("File").clickOn("New model");
        prompts.answer = Prompts.Choice.CANCEL;

        robot.push(KeyCode.CONTROL, KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, prompts.asked);
        assertTrue(stage.isShowing());
        assertEquals("untitled* — DigitLab", stage.getTitle());
    }

    @Test
    void openingAnotherModelOverUnsavedChangesAsksFirst(FxRobot robot) throws Exception {
        awaitShippedModel();
        robot.clickOn("File").clickOn("New model");
        TrainedModel unsaved = window.active().modelProperty().get();
        prompts.answer = Prompts.Choice.CANCEL;
        chooser.answers.add(dir.resolve("never-asked.json"));

        robot.push(KeyCode.CONTROL, KeyCode.O);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, prompts.asked);
        assertSame(unsaved, window.active().modelProperty().get());
        assertEquals(1, chooser.answers.size(), "Cancel must not open the file dialog");
    }

    @Test
    void switchingToChineseChangesTheMenusAndIsRemembered(FxRobot robot) throws Exception {
        awaitShippedModel();
        robot.clickOn("View").clickOn("Language").clickOn("简体中文");
        WaitForAsyncUtils.waitForFxEvents();

        MenuBar menus = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertEquals("文件", menus.getMenus().get(0).getText());
        assertEquals("视图", menus.getMenus().get(1).getText());
        javafx.scene.control.TabPane tabs = robot.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class);
        assertEquals("训练", tabs.getTabs().get(0).getText());
        assertEquals("zh-CN", new SettingsStore(dir.resolve("home")).load().language);
    }

    /** The text of {@code key} in the Chinese bundle, with its arguments filled in. */
    private static String chinese(String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, Locale.SIMPLIFIED_CHINESE);
        return new MessageFormat(bundle.getString(key), Locale.SIMPLIFIED_CHINESE).format(args);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void switchingLanguageRewritesTheTextsAlreadyShownAndSwitchingBackRestoresThem(FxRobot robot) throws Exception {
        awaitShippedModel();
        robot.clickOn("Draw");
        WaitForAsyncUtils.waitForFxEvents();
        String englishModelLine = "Model: mnist-mlp · test accuracy not measured";
        assertEquals(englishModelLine, text(robot, "#modelLabel"));
        assertEquals("Ready: model mnist-mlp", window.statusProperty().get());

        robot.clickOn("View").clickOn("Language").clickOn("简体中文");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(chinese("draw.model.ready", "mnist-mlp", chinese("draw.model.noAccuracy")),
                text(robot, "#modelLabel"));
        assertEquals(chinese("status.modelReady", "mnist-mlp"), text(robot, "#statusMessage"));
        assertEquals(chinese("status.backend.one"), text(robot, "#statusBackend"));
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        run(() -> tabs.getSelectionModel().select(0));
        assertEquals(chinese("progress.ready"), text(robot, "#progressLabel"));
        assertEquals(chinese("test.none"), text(robot, "#testAccuracyLabel"));

        robot.clickOn(chinese("menu.view")).clickOn(chinese("menu.view.language")).clickOn("English");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("Ready: choose the settings and press Train.", text(robot, "#progressLabel"));
        assertEquals("Ready: model mnist-mlp", text(robot, "#statusMessage"));
        assertEquals("ND4J CPU, 1 thread", text(robot, "#statusBackend"));
        robot.clickOn("Draw");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(englishModelLine, text(robot, "#modelLabel"));
    }

    @Test
    void aNoticeShownBeforeASwitchIsRewrittenInTheNewLanguage() throws Exception {
        awaitShippedModel();
        Path gone = dir.resolve("gone.json").toAbsolutePath();
        run(() -> window.files().openRecent(gone));
        assertTrue(window.statusProperty().get().contains("no longer exists"), window.statusProperty().get());

        run(() -> window.commands().switchLanguage(Locale.SIMPLIFIED_CHINESE));

        assertEquals(chinese("notice.recentMissing", gone.toString()), window.statusProperty().get());
    }

    @Test
    void theFxThreadKeepsAnsweringWhileAModelFileIsReadAndTheModelBecomesActiveAfter(FxRobot robot)
            throws Exception {
        awaitShippedModel();
        TrainedModel before = window.active().modelProperty().get();
        Path file = dir.resolve("slow.json");
        new ModelWriter("test").save(before, file);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        reader = path -> {
            reading.countDown();
            try {
                assertTrue(release.await(60, TimeUnit.SECONDS), "the test released the reader");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return new ModelReader().load(path);
        };
        chooser.answers.add(file);
        chooser.answers.add(dir.resolve("second.json"));

        robot.push(KeyCode.CONTROL, KeyCode.O);
        assertTrue(reading.await(30, TimeUnit.SECONDS), "the file is being read");

        // The FX thread runs other work while the reader is held: the window answers.
        String title = WaitForAsyncUtils.asyncFx(stage::getTitle).get(30, TimeUnit.SECONDS);
        assertEquals("mnist-mlp — DigitLab", title, "the current model stays until the file is read");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Opening " + file + "…", text(robot, "#statusMessage"));
        assertSame(before, window.active().modelProperty().get());
        // A second open while one is read is not started: no file dialog is shown for it.
        robot.push(KeyCode.CONTROL, KeyCode.O);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, chooser.answers.size(), "no second file dialog while a file is read");

        release.countDown();
        awaitOpened();

        assertEquals("slow — DigitLab", stage.getTitle());
        assertEquals("slow", window.active().modelProperty().get().name());
        assertFalse(window.active().unsavedProperty().get());
        assertEquals(file.toAbsolutePath(), window.files().recent().get(0));
        assertEquals("Opened " + file, text(robot, "#statusMessage"));
        robot.clickOn("Draw");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Model: slow · test accuracy not measured", text(robot, "#modelLabel"));
    }

    @Test
    void aTrainingRunWithoutDataShowsItsSentenceWithTheDetailsBehindIt(FxRobot robot) throws Exception {
        awaitShippedModel();
        robot.clickOn("#trainButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !prompts.errors.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("no data in this test", prompts.errors.get(0));
        assertTrue(prompts.causes.get(0) instanceof DataException, String.valueOf(prompts.causes.get(0)));
    }

    @Test
    void folderWithoutDataShowsAnError(FxRobot robot) throws Exception {
        awaitShippedModel();
        chooser.answers.add(dir);
        robot.clickOn("File").clickOn("Open data folder…");
        assertEquals(1, prompts.errors.size());
        assertTrue(prompts.errors.get(0).contains("MNIST"), prompts.errors.get(0));
    }

    @Test
    void trainingAccuracyChartExportsAsPngThroughTheFileMenu(FxRobot robot) throws Exception {
        awaitShippedModel();
        chooser.answers.add(dir.resolve("accuracy"));

        robot.clickOn("File").clickOn("Export chart as PNG").clickOn("Accuracy chart");
        WaitForAsyncUtils.waitForFxEvents();

        Path png = dir.resolve("accuracy.png");
        assertTrue(Files.size(png) > 1000, "a PNG picture was written");
        assertTrue(prompts.errors.isEmpty(), prompts.errors.toString());
    }

    @Test
    void evaluateTabIsBuiltWhenFirstSelectedAndOffersItsPictures(FxRobot robot) throws Exception {
        awaitShippedModel();
        robot.clickOn("Evaluate");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#evaluateSummary").tryQuery().isPresent());
        List<String> pictures = WaitForAsyncUtils.asyncFx(() -> List.copyOf(window.commands().charts().keySet())).get();
        assertEquals(List.of("confusion-matrix", "training-history", "weights"), pictures);
    }

    @Test
    void trainingFormAndWindowSizeAreRememberedForTheNextStart() throws Exception {
        awaitShippedModel();
        run(() -> {
            window.training().form().epochs().textProperty().set("3");
            window.training().form().optimizerProperty().set("sgd");
            window.close();
        });
        Settings kept = new SettingsStore(dir.resolve("home")).load();
        assertEquals("3", kept.hyperparameters.get("epochs"));
        assertEquals("sgd", kept.hyperparameters.get("optimizer"));

        MainWindow next = WaitForAsyncUtils.asyncFx(() -> new MainWindow(new Stage(), new MainWindow.Services(chooser,
                prompts, new SettingsStore(dir.resolve("home")), folder -> progress -> {
                    throw new DataException("no data in this test");
                }, () -> window.active().modelProperty().get(), new ModelWriter("test"), 1))).get();
        assertEquals("3", next.training().form().epochs().textProperty().get());
        assertEquals("sgd", next.training().form().optimizerProperty().get());
        run(next::close);
    }

    @Test
    void anUnexpectedErrorOnAnotherThreadIsShownOnTheFxThreadWithItsLogFile() throws Exception {
        awaitShippedModel();
        Path log = dir.resolve("digitlab-today.log");
        Thread worker = new Thread(() -> window.showUnexpected(new IllegalStateException("boom"), log));
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, prompts.errors.size());
        assertTrue(prompts.errors.get(0).contains(log.toString()), prompts.errors.get(0));
        assertEquals(prompts.errors.get(0), window.statusProperty().get());
    }

    @Test
    void aDamagedDrawingsFileIsKeptAsideAndReportedWhenTheWindowOpens() throws Exception {
        awaitShippedModel();
        Path home = dir.resolve("home");
        java.nio.file.Files.createDirectories(home);
        java.nio.file.Files.writeString(home.resolve(dev.digitlab.io.DrawingStore.FILE), "{\"format\": \"digitl");

        MainWindow next = WaitForAsyncUtils.asyncFx(() -> new MainWindow(new Stage(), new MainWindow.Services(chooser,
                prompts, new SettingsStore(home), folder -> progress -> {
                    throw new DataException("no data in this test");
                }, () -> window.active().modelProperty().get(), new ModelWriter("test"), 1))).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, prompts.errors.size(), prompts.errors.toString());
        assertTrue(prompts.errors.get(0).startsWith("Your drawings file " + home.resolve("my-drawings.json")
                + " could not be read"), prompts.errors.get(0));
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(home)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith("my-drawings.json.bad-")).count());
        }
        run(next::close);
    }
}
