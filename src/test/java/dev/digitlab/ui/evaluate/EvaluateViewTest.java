package dev.digitlab.ui.evaluate;

import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.BarDigits;
import dev.digitlab.ui.shared.DatasetSource;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.TestImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.data.DataException;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import dev.digitlab.train.ClassMetrics;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.Evaluation;
import dev.digitlab.train.Evaluator;
import dev.digitlab.train.TrainedModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class EvaluateViewTest {

    /** Generous: the first network in a JVM also starts ND4J. */
    private static final long WAIT_SECONDS = 60;
    /** Few enough test images that every cell's gallery fits on the screen at once. */
    private static final int TEST_IMAGES = 100;

    private final MnistDataset data = new MnistDataset("bars", "none", BarDigits.images(20, 1),
            BarDigits.images(TEST_IMAGES, 2));
    private final TrainedModel first = model("first", 7, 0.12);
    private final TrainedModel shipped = model("shipped", 3, 0.5);
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile DatasetSource source = progress -> data;
    private volatile Path answer;
    private ActiveModel active;
    private EvaluateViewModel model;
    private EvaluateView view;

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        active = new ActiveModel();
        model = new EvaluateViewModel(active, progress -> source.load(progress), () -> shipped,
                new SplittableRandom(1));
        view = new EvaluateView(model, (title, name) -> {
            asked.add(name);
            return Optional.ofNullable(answer);
        });
        stage.setScene(new Scene(view.root(), 1100, 720));
        stage.show();
    }

    @AfterEach
    void closeModel() {
        model.close();
    }

    /** A small untrained network (its mistakes spread over many cells) with a made-up history. */
    private static TrainedModel model(String name, long seed, double testAccuracy) {
        Network network = Network.create(ModelSpec.parse("784 -> 16 relu -> 10 softmax"), seed);
        List<EpochResult> history = List.of(new EpochResult(1, 3, 2.0, 0.3, 1.9, 0.35, 0.1),
                new EpochResult(2, 3, 1.5, 0.5, 1.4, 0.55, 0.1), new EpochResult(3, 3, 1.0, 0.7, 1.1, 0.65, 0.1));
        return new TrainedModel(name, network, null, "bars", null, history, testAccuracy, Instant.EPOCH);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private void activate(FxRobot robot, TrainedModel m) {
        robot.interact(() -> active.set(m, false));
    }

    private void evaluate(FxRobot robot, TrainedModel m) throws Exception {
        activate(robot, m);
        robot.clickOn("#evaluateButton");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> model.phaseProperty().get() == EvaluateViewModel.Phase.IDLE
                        && model.results().evaluationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int[][] oracle(TrainedModel m) {
        return Evaluator.evaluate(m.network(), data.test()).confusion();
    }

    private static String cellText(FxRobot robot, int actual, int predicted) throws Exception {
        StackPane cell = robot.lookup("#cell-" + actual + "-" + predicted).queryAs(StackPane.class);
        return fx(() -> ((Label) cell.getChildren().get(0)).getText());
    }

    private static String text(FxRobot robot, String id) throws Exception {
        Label label = robot.lookup(id).queryAs(Label.class);
        return fx(label::getText);
    }

    private void select(FxRobot robot, String tabId) {
        TabPane sections = robot.lookup("#evaluateSections").queryAs(TabPane.class);
        robot.interact(() -> sections.getSelectionModel().select(
                sections.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow()));
    }

    // ----- evaluation --------------------------------------------------------------------------

    @Test
    void evaluatingFillsTheMatrixWhoseCellsAddUpToTheTestImages(FxRobot robot) throws Exception {
        evaluate(robot, first);
        int[][] expected = oracle(first);
        int sum = 0;
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                String shown = cellText(robot, a, p);
                assertEquals(Integer.toString(expected[a][p]), shown, "cell " + a + "," + p);
                sum += Integer.parseInt(shown);
            }
        }
        assertEquals(TEST_IMAGES, sum);
        double accuracy = Evaluator.evaluate(first.network(), data.test()).accuracy();
        String summary = text(robot, "#evaluateSummary");
        assertTrue(summary.startsWith(String.format("Test accuracy %.2f%%", 100 * accuracy)), summary);
        assertTrue(summary.endsWith("100 images"), summary);
    }

    @Test
    void afterALanguageSwitchTheSummaryStatusAndGalleryTitleAreWrittenInTheNewLanguage(FxRobot robot)
            throws Exception {
        evaluate(robot, first);
        Evaluation result = Evaluator.evaluate(first.network(), data.test());
        MistakeBrowser.Cell cell = fx(() -> model.mistakes().selectedCellProperty().get());
        String english = fx(() -> model.statusProperty().get());
        Matcher seconds = Pattern.compile("in (\\d+\\.\\d\\d) s\\.$").matcher(english);
        assertTrue(seconds.find(), english);
        Locale before = Locale.getDefault();
        try {
            robot.interact(() -> {
                Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
                model.languageChanged();
            });

            assertEquals(chinese("evaluate.summary", 100 * result.accuracy(), result.loss(), TEST_IMAGES),
                    fx(() -> model.results().summaryProperty().get()));
            assertEquals(chinese("evaluate.done", "first", TEST_IMAGES, Double.parseDouble(seconds.group(1))),
                    fx(() -> model.statusProperty().get()));
            assertEquals(cell.actual() == cell.predicted()
                            ? chinese("gallery.right", cell.actual(), result.confusion()[cell.actual()][cell.actual()])
                            : chinese("gallery.wrong", cell.actual(), cell.predicted(),
                                    result.confusion()[cell.actual()][cell.predicted()]),
                    fx(() -> model.mistakes().galleryTitleProperty().get()));
        } finally {
            robot.interact(() -> {
                Locale.setDefault(before);
                model.languageChanged();
            });
        }
        assertEquals(english, fx(() -> model.statusProperty().get()));
    }

    /** The text of {@code key} in the Chinese bundle, with its arguments filled in. */
    private static String chinese(String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, Locale.SIMPLIFIED_CHINESE);
        return new MessageFormat(bundle.getString(key), Locale.SIMPLIFIED_CHINESE).format(args);
    }

    @Test
    void theTableShowsEachDigitsPrecisionAndRecall(FxRobot robot) throws Exception {
        evaluate(robot, first);
        ClassMetrics metrics = ClassMetrics.of(oracle(first));
        @SuppressWarnings("unchecked")
        TableView<DigitRow> table = robot.lookup("#digitTable").queryAs(TableView.class);
        assertEquals(10, fx(() -> table.getItems().size()));
        for (int d = 0; d < 10; d++) {
            DigitRow row = fx(() -> table.getItems()).get(d);
            assertEquals(d, row.digit());
            assertEquals(metrics.support(d), row.images());
            assertEquals(metrics.precision(d), row.precision(), 1e-12);
            assertEquals(metrics.recall(d), row.recall(), 1e-12);
        }
        // What the user reads: percentages with one decimal, a dash where a rate is undefined.
        Set<Node> cells = fx(() -> table.lookupAll(".table-cell"));
        for (Node node : cells) {
            TableCell<?, ?> cell = (TableCell<?, ?>) node;
            int index = fx(cell::getIndex);
            if (index < 0 || index >= 10 || cell.getTableColumn() == null) {
                continue;
            }
            String column = cell.getTableColumn().getId();
            double value = "precisionColumn".equals(column) ? metrics.precision(index)
                    : "recallColumn".equals(column) ? metrics.recall(index) : Double.NaN;
            if ("precisionColumn".equals(column) || "recallColumn".equals(column)) {
                String expected = Double.isNaN(value) ? "–" : String.format("%.1f%%", 100 * value);
                assertEquals(expected, fx(cell::getText), column + " of digit " + index);
            }
        }
    }

    @Test
    void clickingACellShowsExactlyItsImagesAndClickingOneShowsItLarge(FxRobot robot) throws Exception {
        evaluate(robot, first);
        int[][] confusion = oracle(first);
        // The mistake with the most images (the gallery starts on it: click another cell first).
        int[] cell = largestMistake(confusion);
        int a = cell[0];
        int p = cell[1];
        robot.clickOn("#cell-" + a + "-" + a);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#cell-" + a + "-" + p);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(new MistakeBrowser.Cell(a, p), fx(() -> model.mistakes().selectedCellProperty().get()));
        List<TestImage> shown = thumbnails(robot);
        assertEquals(confusion[a][p], shown.size(), "one thumbnail per image of the cell");
        for (TestImage image : shown) {
            assertEquals(a, image.label());
            assertEquals(p, image.predicted());
        }
        assertEquals(shown.stream().map(TestImage::index).distinct().count(), shown.size(), "no image twice");
        assertEquals(String.format("True %d, read as %d: %d images", a, p, confusion[a][p]),
                text(robot, "#galleryTitle"));

        Node last = fx(() -> thumbnailNodes(robot).get(shown.size() - 1));
        robot.clickOn(last);
        WaitForAsyncUtils.waitForFxEvents();
        TestImage large = fx(() -> model.mistakes().selectedImageProperty().get());
        assertEquals(shown.get(shown.size() - 1), large);
        assertTrue(text(robot, "#detailTitle").startsWith(String.format("Test image #%d: true %d, read as %d (",
                large.index(), a, p)), text(robot, "#detailTitle"));
        ImageView detail = robot.lookup("#detailImage").queryAs(ImageView.class);
        assertEquals(28.0, fx(() -> detail.getImage().getWidth()));
        assertTrue(fx(() -> last.getStyleClass().contains("selected")), "the clicked thumbnail is framed");
    }

    private static int[] largestMistake(int[][] confusion) {
        int[] best = null;
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                if (a != p && confusion[a][p] > 0 && (best == null || confusion[a][p] > confusion[best[0]][best[1]])) {
                    best = new int[] {a, p};
                }
            }
        }
        assertNotNull(best, "an untrained network makes mistakes");
        assertTrue(confusion[best[0]][best[1]] >= 2, "a cell with several images");
        return best;
    }

    private static List<Node> thumbnailNodes(FxRobot robot) {
        List<Node> nodes = new ArrayList<>(robot.lookup("#gallery .gallery-thumb").queryAll());
        nodes.removeIf(n -> !shown(n));
        // In reading order: rows top to bottom, then left to right.
        nodes.sort((x, y) -> {
            Bounds bx = x.localToScene(x.getBoundsInLocal());
            Bounds by = y.localToScene(y.getBoundsInLocal());
            int rows = Double.compare(bx.getMinY(), by.getMinY());
            return rows != 0 ? rows : Double.compare(bx.getMinX(), by.getMinX());
        });
        return nodes;
    }

    private static List<TestImage> thumbnails(FxRobot robot) throws Exception {
        return fx(() -> thumbnailNodes(robot).stream().filter(EvaluateViewTest::shown)
                .map(n -> (TestImage) n.getUserData()).collect(Collectors.toList()));
    }

    /** Whether the node and all its parents are visible: the list keeps spare rows hidden. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void openInDrawHandsTheSelectedImageToTheAppsCallback(FxRobot robot) throws Exception {
        evaluate(robot, first);
        Button open = robot.lookup("#openInDrawButton").queryAs(Button.class);
        assertFalse(fx(open::isVisible), "hidden until the app wires the Draw tab");
        List<TestImage> received = new CopyOnWriteArrayList<>();
        robot.interact(() -> model.mistakes().onOpenInDrawProperty().set(received::add));
        assertTrue(fx(open::isVisible));
        robot.clickOn(open);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, received.size());
        assertSame(fx(() -> model.mistakes().selectedImageProperty().get()), received.get(0));
    }

    @Test
    void theRandomImageShowsWhatTheNetworkReadsAndTheTrueLabel(FxRobot robot) throws Exception {
        evaluate(robot, first);
        select(robot, "randomTab");
        for (int i = 0; i < 3; i++) {
            TestImage image = fx(() -> model.mistakes().randomImageProperty().get());
            assertNotNull(image);
            String label = text(robot, "#randomLabel");
            assertTrue(label.startsWith("The network reads " + image.predicted() + " ("), label);
            assertTrue(label.contains("True label: " + image.label() + "."), label);
            assertTrue(label.endsWith(image.correct() ? "Right!" : "Wrong."), label);
            float[] pixels = data.test().image(image.index());
            assertEquals(data.test().label(image.index()), image.label());
            assertEquals(pixels.length, image.pixels().length);
            ImageView picture = robot.lookup("#randomImage").queryAs(ImageView.class);
            assertEquals(28.0, fx(() -> picture.getImage().getHeight()));
            robot.clickOn("#nextRandomButton");
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void resultsOfAnEarlierModelAreMarkedAsSuch(FxRobot robot) throws Exception {
        evaluate(robot, first);
        assertFalse(fx(() -> model.staleProperty().get()));
        TrainedModel second = model("second", 8, 0.2);
        activate(robot, second);
        assertTrue(fx(() -> model.staleProperty().get()));
        assertEquals("These results are of an earlier model: press Evaluate to test second.",
                text(robot, "#evaluateStatus"));
        assertSame(first, fx(() -> model.results().evaluatedProperty().get()));
    }

    @Test
    void aDataErrorShowsItsSentenceAndEvaluateCanBePressedAgain(FxRobot robot) throws Exception {
        source = progress -> {
            throw new DataException("Could not find MNIST in /nowhere: choose its folder.");
        };
        activate(robot, first);
        robot.clickOn("#evaluateButton");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> model.errorProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#evaluateError").queryAs(Label.class);
        assertTrue(fx(error::isVisible));
        assertEquals("Could not find MNIST in /nowhere: choose its folder.", fx(error::getText));
        assertFalse(fx(() -> robot.lookup("#evaluateButton").queryAs(Button.class).isDisabled()));

        source = progress -> data;
        robot.clickOn("#evaluateButton");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> model.results().evaluationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(error::isVisible), "the error goes once it worked");
    }

    @Test
    void withoutAModelTheTutorialModelCanBeLoaded(FxRobot robot) throws Exception {
        Button load = robot.lookup("#loadShippedButton").queryAs(Button.class);
        assertTrue(fx(load::isVisible));
        assertTrue(fx(() -> robot.lookup("#evaluateButton").queryAs(Button.class).isDisabled()));
        robot.clickOn(load);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> active.modelProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(shipped, fx(() -> active.modelProperty().get()));
        assertFalse(fx(() -> active.unsavedProperty().get()), "the shipped model is saved");
        assertFalse(fx(load::isVisible));
        assertFalse(fx(() -> robot.lookup("#evaluateButton").queryAs(Button.class).isDisabled()));
    }

    // ----- history -----------------------------------------------------------------------------

    @Test
    void everyDistinctActiveModelIsAddedToTheHistoryOnceAndFollowsARename(FxRobot robot) throws Exception {
        TrainedModel second = model("second", 8, 0.2);
        activate(robot, first);
        activate(robot, second);
        activate(robot, first);
        activate(robot, first.withName("renamed"));
        select(robot, "historyTab");
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#historyChart").queryAs(LineChart.class);
        List<XYChart.Series<Number, Number>> series = fx(() -> List.copyOf(chart.getData()));
        assertEquals(2, series.size());
        assertEquals("1. renamed · 784 → 16 relu → 10 softmax · test 12.00%", fx(() -> series.get(0).getName()));
        assertEquals("2. second · 784 → 16 relu → 10 softmax · test 20.00%", fx(() -> series.get(1).getName()));
        List<XYChart.Data<Number, Number>> points = fx(() -> List.copyOf(series.get(0).getData()));
        assertEquals(3, points.size(), "one point per epoch");
        assertEquals(1, points.get(0).getXValue().intValue());
        assertEquals(65.0, points.get(2).getYValue().doubleValue(), 1e-9, "validation accuracy in percent");
    }

    @Test
    void theHistoryNamesAPresetAndFallsBackToTrainingAccuracyWithoutValidation(FxRobot robot) throws Exception {
        Network tutorial = Network.create(ModelSpec.preset("tutorial"), 1);
        TrainedModel noValidation = new TrainedModel("quick", tutorial, null, null, null,
                List.of(new EpochResult(1, 1, 0.5, 0.9, Double.NaN, Double.NaN, 1)), Double.NaN, Instant.EPOCH);
        activate(robot, noValidation);
        ModelHistory h = fx(() -> model.session().histories().get(0));
        assertEquals("1. quick · tutorial · test – (training accuracy: no validation split)", h.label());
        assertEquals(90.0, h.accuracy()[0], 1e-9);
    }

    // ----- weights -----------------------------------------------------------------------------

    @Test
    void theWeightGridHasOneTilePerHiddenUnitColouredBySign(FxRobot robot) throws Exception {
        activate(robot, first);
        select(robot, "weightsTab");
        ImageView grid = robot.lookup("#weightGrid").queryAs(ImageView.class);
        // 16 units: 4 x 4 tiles of 28x28 weights, each weight 3x3 pixels, a one-pixel line around each tile.
        int k = 3;
        int tile = 28 * k + 1;
        assertEquals(4 * tile + 1.0, fx(() -> grid.getImage().getWidth()));
        assertEquals(4 * tile + 1.0, fx(() -> grid.getImage().getHeight()));
        float[] w = first.network().parameterValues("dense_0/W");
        // Weight (r, c) of unit u fills the k x k square at (1 + (u % 4) * tile + c * k, 1 + (u / 4) * tile + r * k).
        int unit = 7;
        int r = 10;
        int c = 12;
        float value = w[(r * 28 + c) * 16 + unit];
        for (int[] corner : new int[][] {{0, 0}, {k - 1, k - 1}}) {
            Color shown = fx(() -> grid.getImage().getPixelReader().getColor(1 + (unit % 4) * tile + c * k + corner[0],
                    1 + (unit / 4) * tile + r * k + corner[1]));
            assertTrue(value > 0 ? shown.getRed() > shown.getBlue() : shown.getBlue() > shown.getRed(),
                    "weight " + value + " drawn as " + shown);
        }
        assertEquals(Messages.get("weights.title"), text(robot, "#weightsTitle"));
        assertFalse(fx(() -> robot.lookup("#weightsMessage").queryAs(Label.class).isVisible()));
    }

    @Test
    void aConvolutionShowsItsFiltersAsCrispTilesAndSaysSo(FxRobot robot) throws Exception {
        Network cnn = Network.create(ModelSpec.preset("cnn"), 3);
        activate(robot, new TrainedModel("cnn", cnn, null, null, null, List.of(), Double.NaN, Instant.EPOCH));
        select(robot, "weightsTab");
        ImageView grid = robot.lookup("#weightGrid").queryAs(ImageView.class);
        // 32 filters of 5x5: 8 x 4 tiles, each weight a 16x16 square of one colour, not a smudge.
        int k = 16;
        int tile = 5 * k + 1;
        assertEquals(8 * tile + 1.0, fx(() -> grid.getImage().getWidth()));
        assertEquals(4 * tile + 1.0, fx(() -> grid.getImage().getHeight()));
        Color corner = fx(() -> grid.getImage().getPixelReader().getColor(1 + 2 * k, 1 + 3 * k));
        Color opposite = fx(() -> grid.getImage().getPixelReader().getColor(1 + 3 * k - 1, 1 + 4 * k - 1));
        assertEquals(corner, opposite);
        assertEquals(Messages.get("weights.title.conv"), text(robot, "#weightsTitle"));
        assertTrue(text(robot, "#weightsHelp").contains("32"), text(robot, "#weightsHelp"));
    }

    // ----- export ------------------------------------------------------------------------------

    @Test
    void savingTheMatrixFromItsContextMenuWritesAPngOfWhatItShows(FxRobot robot) throws Exception {
        evaluate(robot, first);
        answer = folder.resolve("matrix"); // no extension: .png is added
        MistakeBrowser.Cell before = fx(() -> model.mistakes().selectedCellProperty().get());
        int[][] confusion = oracle(first);
        String other = null;
        for (int a = 0; a < 10 && other == null; a++) {
            for (int p = 0; p < 10 && other == null; p++) {
                if (confusion[a][p] > 0 && !before.equals(new MistakeBrowser.Cell(a, p))) {
                    other = "#cell-" + a + "-" + p;
                }
            }
        }
        assertNotNull(other, "another cell with images");
        robot.rightClickOn(other);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Save as PNG…");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("confusion-matrix.png"), asked);
        Path file = folder.resolve("matrix.png");
        BufferedImage png = ImageIO.read(file.toFile());
        assertNotNull(png, "a readable PNG");
        Node matrix = robot.lookup("#confusionMatrix").query();
        Bounds bounds = fx(matrix::getBoundsInLocal);
        assertEquals(Math.ceil(bounds.getWidth()), png.getWidth(), 1.0);
        assertEquals(Math.ceil(bounds.getHeight()), png.getHeight(), 1.0);
        assertTrue(png.getWidth() > 10 * ConfusionMatrixView.CELL, "ten cells wide at least");

        // The picture shows the cells: the middle of each cell has the cell's colour.
        for (int[] cell : new int[][] {{0, 0}, {3, 5}, {9, 9}}) {
            Node node = robot.lookup("#cell-" + cell[0] + "-" + cell[1]).query();
            Bounds b = fx(() -> node.getBoundsInParent());
            int rgb = png.getRGB((int) (b.getMinX() + b.getWidth() / 2 - bounds.getMinX()),
                    (int) (b.getMinY() + 6 - bounds.getMinY()));
            Color expected = fx(() -> (Color) ((StackPane) node).getBackground().getFills().get(0).getFill());
            assertEquals(Math.round(expected.getRed() * 255), rgb >> 16 & 0xFF, 2.0, "red of cell " + cell[0] + cell[1]);
            assertEquals(Math.round(expected.getGreen() * 255), rgb >> 8 & 0xFF, 2.0);
            assertEquals(Math.round(expected.getBlue() * 255), rgb & 0xFF, 2.0);
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.collect(Collectors.toList()), "no temporary file left");
        }
        assertEquals("Saved matrix.png", text(robot, "#evaluateNotice"));
        assertEquals(before, fx(() -> model.mistakes().selectedCellProperty().get()),
                "a right click on a cell opens the menu, not the cell's gallery");
    }

    @Test
    void exportablesSaveTheWeightGridAtItsShownSize(FxRobot robot) throws Exception {
        activate(robot, first);
        select(robot, "weightsTab");
        WaitForAsyncUtils.waitForFxEvents();
        answer = folder.resolve("weights.png");
        assertEquals(List.of("confusion-matrix", "training-history", "weights"),
                List.copyOf(view.exportables().keySet()));
        Node grid = view.exportables().get("weights");
        Bounds bounds = fx(grid::getBoundsInLocal);
        Optional<Path> saved = fx(() -> view.export().export(grid, "weights"));
        assertEquals(Optional.of(answer), saved);
        BufferedImage png = ImageIO.read(answer.toFile());
        assertEquals(Math.ceil(bounds.getWidth()), png.getWidth(), 1.0);
        assertEquals(Math.ceil(bounds.getHeight()), png.getHeight(), 1.0);
        assertEquals(1.0, (double) png.getWidth() / png.getHeight(), 0.03, "the square grid keeps its shape");
        assertTrue(png.getWidth() > 117, "scaled up to the space it has");
    }

    @Test
    void cancellingTheDialogWritesNothing(FxRobot robot) throws Exception {
        evaluate(robot, first);
        answer = null;
        Optional<Path> saved = fx(() -> view.export().export(view.exportables().get("confusion-matrix"),
                "confusion-matrix"));
        assertTrue(saved.isEmpty());
        assertEquals(List.of("confusion-matrix.png"), asked);
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(0, files.count());
        }
        assertNull(fx(() -> model.noticeProperty().get()));
    }

    @Test
    void aFolderThatCannotBeWrittenIsReportedInASentence(FxRobot robot) throws Exception {
        evaluate(robot, first);
        answer = folder.resolve("missing").resolve("matrix.png");
        Optional<Path> saved = fx(() -> view.export().export(view.exportables().get("confusion-matrix"),
                "confusion-matrix"));
        assertTrue(saved.isEmpty());
        String notice = text(robot, "#evaluateNotice");
        assertTrue(notice.startsWith("Could not save " + answer + ": "), notice);
        assertFalse(notice.contains("\n"), notice);
    }

}
