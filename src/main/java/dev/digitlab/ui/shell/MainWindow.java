package dev.digitlab.ui.shell;

import dev.digitlab.ui.draw.DrawView;
import dev.digitlab.ui.draw.DrawViewModel;
import dev.digitlab.ui.teach.MyDrawings;
import dev.digitlab.ui.teach.TeachView;
import dev.digitlab.ui.teach.TeachViewModel;
import dev.digitlab.io.DrawingStore;
import dev.digitlab.ui.evaluate.EvaluateView;
import dev.digitlab.ui.evaluate.EvaluateViewModel;
import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.DataFolderSource;
import dev.digitlab.ui.shared.DatasetSource;
import dev.digitlab.ui.shared.FileChooserService;
import dev.digitlab.ui.shared.LocalText;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.PngExport;
import dev.digitlab.ui.shared.TestImage;
import dev.digitlab.ui.shell.MainView;
import dev.digitlab.ui.shell.MainWindow;
import dev.digitlab.ui.shell.MenuBarView;
import dev.digitlab.ui.shell.ModelFiles;
import dev.digitlab.ui.shell.Prompts;
import dev.digitlab.ui.shell.ShellActions;
import dev.digitlab.ui.training.FormField;
import dev.digitlab.ui.training.Preset;
import dev.digitlab.ui.training.TrainingForm;
import dev.digitlab.ui.training.TrainingView;
import dev.digitlab.ui.training.TrainingViewModel;

import dev.digitlab.imaging.GrayImage;
import dev.digitlab.io.ModelReader;
import dev.digitlab.io.ModelWriter;
import dev.digitlab.io.Settings;
import dev.digitlab.io.SettingsStore;
import dev.digitlab.nn.cpu.BackendInfo;
import dev.digitlab.train.TrainedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole window: builds the view models once and the views from them, the menus, the status
 * bar and the title; keeps the settings; when the language changes, has the view models compose
 * the texts they show again and rebuilds the views, so no state is lost. Use on the FX thread.
 */
public final class MainWindow implements ShellActions {

    /**
     * What the window works with; the app passes the real ones, tests their own.
     *
     * @param chooser    file dialogs
     * @param prompts    questions and error dialogs
     * @param store      where the settings are kept
     * @param dataLookup the data lookup for a chosen folder (null: the normal lookup)
     * @param shipped    loads the shipped model (called on a background thread)
     * @param writer     saves model files
     * @param threads    the native thread count, for the status bar
     * @param reader     reads the model files the user opens (called on a background thread)
     */
    public record Services(FileChooserService chooser, Prompts prompts, SettingsStore store,
                           Function<Path, DatasetSource> dataLookup, Callable<TrainedModel> shipped,
                           ModelWriter writer, int threads, Function<Path, TrainedModel> reader) {

        /** The services with the normal model file reader. */
        public Services(FileChooserService chooser, Prompts prompts, SettingsStore store,
                        Function<Path, DatasetSource> dataLookup, Callable<TrainedModel> shipped,
                        ModelWriter writer, int threads) {
            this(chooser, prompts, store, dataLookup, shipped, writer, threads, new ModelReader()::load);
        }
    }

    /**
     * The Training form's fields in the order of {@link TrainingForm#fields()}, as named in the settings;
     * the Layers field keeps the name "hiddenLayers" of the settings files from before conv layers.
     */
    static final List<String> FIELD_NAMES = List.of("hiddenLayers", "dropout", "learningRate", "decay",
            "batchSize", "epochs", "validationSplit", "seed");
    private static final String OPTIMIZER = "optimizer";
    private static final String PRESET = "preset";
    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);

    private final Stage stage;
    private final Services services;
    private final Settings settings;
    private final ActiveModel active = new ActiveModel();
    private final DataFolderSource data;
    private final TrainingViewModel training;
    private final DrawViewModel draw;
    private final TeachViewModel teach;
    private final EvaluateViewModel evaluate;
    private javafx.beans.binding.BooleanBinding busy;
    private final ModelFiles files;
    private final LocalText status = new LocalText(this, "status", () -> "");
    private MainView view;
    private EvaluateView evaluateView;
    private boolean closed;

    /** Builds the window's content into {@code stage} (not shown yet) and starts loading the shipped model. */
    public MainWindow(Stage stage, Services services) {
        this.stage = stage;
        this.services = services;
        this.settings = services.store().load();
        Locale.setDefault(Locale.forLanguageTag(settings.language));
        Path folder = settings.dataFolder == null ? null : Path.of(settings.dataFolder);
        data = new DataFolderSource(services.dataLookup(), folder);
        training = new TrainingViewModel(active, data);
        draw = new DrawViewModel(active);
        // The drawings live beside the settings, in the app's home folder (a test's own folder in tests).
        teach = new TeachViewModel(active, data, new MyDrawings(new DrawingStore(
                services.store().file().resolveSibling(DrawingStore.FILE))), draw);
        evaluate = new EvaluateViewModel(active, data, () -> {
            try {
                return services.shipped().call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        files = new ModelFiles(active, services.chooser(), services.prompts(), services.reader(), services.writer());
        settings.recentModels.forEach(p -> files.recent().add(Path.of(p)));
        restoreForm();
        listen();
        stage.setScene(new Scene(build(), settings.windowWidth, settings.windowHeight));
        if (!Double.isNaN(settings.windowX) && !Double.isNaN(settings.windowY)) {
            stage.setX(settings.windowX);
            stage.setY(settings.windowY);
        }
        stage.setOnCloseRequest(e -> {
            if (files.confirmDiscard()) {
                saveSettings();
            } else {
                e.consume();
            }
        });
        stage.setOnHidden(e -> close());
        services.store().warning().ifPresent(w -> Platform.runLater(() -> services.prompts().showError(w, null)));
        status.set(() -> Messages.get("status.loadingModel"));
        // The window comes first; ND4J starts and the shipped model loads in the background.
        draw.loadModel(services.shipped());
    }

    private void listen() {
        files.noticeProperty().addListener((obs, old, now) -> status.set(now == null ? () -> "" : now));
        files.recent().addListener((javafx.collections.ListChangeListener<Path>) c -> saveSettings());
        // Every new active model is named in the status bar (a trained one as not saved yet); opening
        // and saving a file put their own notice over it right after.
        active.modelProperty().addListener((obs, old, now) -> {
            if (now != null) {
                String name = files.displayName();
                boolean unsaved = active.unsavedProperty().get();
                status.set(() -> Messages.format(unsaved ? "status.modelReadyUnsaved" : "status.modelReady", name));
            }
        });
        draw.modelStateProperty().addListener((obs, old, now) -> {
            if (now == DrawViewModel.ModelState.FAILED) {
                status.set(() -> Messages.get("draw.model.failed"));
            }
        });
        evaluate.onOpenInDrawProperty().set(this::openInDraw);
        teach.drawings().problemProperty().addListener((obs, old, now) -> {
            if (now != null && !now.isBlank()) {
                Platform.runLater(() -> services.prompts().showError(now, null));
            }
        });
        if (teach.drawings().problemProperty().get() != null) {
            String problem = teach.drawings().problemProperty().get();
            Platform.runLater(() -> services.prompts().showError(problem, null));
        }
        // Failures the tabs report (missing data, not enough memory) also get a dialog.
        showAsDialog(training.errorProperty(), training.errorCauseProperty());
        showAsDialog(evaluate.errorProperty(), evaluate.errorCauseProperty());
    }

    /** Shows a test image on the Draw tab's paper, read as a drawing is, and selects that tab. */
    private void openInDraw(TestImage image) {
        draw.showPicture(new GrayImage(image.cols(), image.rows(), image.pixels()));
        view.tabs().getSelectionModel().select(view.tabs().getTabs().get(1));
    }

    private void showAsDialog(ObservableValue<String> error, ObservableValue<Throwable> cause) {
        error.addListener((obs, old, now) -> {
            if (now != null && !now.isBlank()) {
                // The sentence the dialog shows, kept as it is: it may come from a file or the data.
                status.setFixed(now);
                Throwable details = cause.getValue();
                Platform.runLater(() -> services.prompts().showError(now, details));
            }
        });
    }

    private javafx.scene.Parent build() {
        evaluateView = null;
        // Only the Training tab is built before the window shows; the others when first selected.
        view = new MainView(new TrainingView(training).root(), new StackPane());
        view.addTab("evaluateTab", Messages.get("tab.evaluate"), new StackPane());
        List<Tab> tabs = view.tabs().getTabs();
        buildWhenSelected(tabs.get(1), this::buildDrawTab);
        buildWhenSelected(tabs.get(2), () -> {
            evaluateView = new EvaluateView(evaluate, services.chooser());
            return evaluateView.root();
        });
        view.setMenuBar(new MenuBarView(files, this).root());
        view.setStatus(status.property(), services.threads() == 1 ? Messages.get("status.backend.one")
                : Messages.format("status.backend", services.threads()));
        stage.titleProperty().unbind();
        stage.titleProperty().bind(files.titleBinding());
        return view.root();
    }

    private Node buildDrawTab() {
        DrawView drawView = new DrawView(draw);
        TeachView teachView = new TeachView(teach);
        drawView.addTeaching(teachView.correction(), teachView.panel());
        // A digit typed on the tab says what the drawing is, as a click on that digit does.
        drawView.root().addEventHandler(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            if (!e.isShortcutDown() && teach.typed(e.getCharacter())) {
                e.consume();
            }
        });
        return drawView.root();
    }

    private static void buildWhenSelected(Tab tab, Supplier<Node> content) {
        tab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean old, Boolean now) {
                if (now) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(content.get());
                }
            }
        });
    }

    // ----- ShellActions --------------------------------------------------------------------

    @Override
    public void newModel() {
        TrainingForm form = training.form();
        if (!form.validProperty().get()) {
            services.prompts().showError(Messages.get("form.fixFields"), null);
            return;
        }
        files.newModel(form.spec(28 * 28, 10), form.config());
    }

    @Override
    public void teachModel() {
        view.tabs().getSelectionModel().select(view.tabs().getTabs().get(1));
        if (teach.canTeachProperty().get()) {
            teach.teach();
        } else if (teach.drawings().list().isEmpty()) {
            services.prompts().showError(Messages.get("teach.none"), null);
        }
    }

    @Override
    public void openDataFolder() {
        services.chooser().chooseFolder(Messages.get("data.open.title")).ifPresent(dir -> {
            if (!DataFolderSource.holdsData(dir)) {
                services.prompts().showError(Messages.format("error.noData", dir.toString()), null);
                return;
            }
            data.use(dir);
            training.forgetData();
            evaluate.forgetData();
            settings.dataFolder = dir.toString();
            saveSettings();
            status.set(() -> Messages.format("status.dataFolder", dir.toString()));
        });
    }

    @Override
    public Map<String, Node> charts() {
        Tab selected = view.tabs().getSelectionModel().getSelectedItem();
        Map<String, Node> charts = new LinkedHashMap<>();
        if (selected == null) {
            return charts;
        }
        switch (selected.getId()) {
            case "trainingTab" -> {
                addChart(charts, "accuracy-chart", selected.getContent().lookup("#accuracyChart"));
                addChart(charts, "loss-chart", selected.getContent().lookup("#lossChart"));
            }
            case "evaluateTab" -> {
                if (evaluateView != null) {
                    charts.putAll(evaluateView.exportables());
                }
            }
            default -> {
            }
        }
        return charts;
    }

    private static void addChart(Map<String, Node> charts, String name, Node node) {
        if (node != null) {
            charts.put(name, node);
        }
    }

    @Override
    public void exportChart(String name, Node chart) {
        new PngExport(services.chooser(), file -> status.set(() -> Messages.format("export.saved", file.toString())),
                reason -> services.prompts().showError(reason, null)).export(chart, name);
    }

    @Override
    public void exit() {
        if (files.confirmDiscard()) {
            saveSettings();
            stage.close();
        }
    }

    @Override
    public void switchLanguage(Locale language) {
        Locale.setDefault(language);
        settings.language = language.toLanguageTag();
        // The texts the view models have composed are written again; the views are built anew.
        training.languageChanged();
        draw.languageChanged();
        teach.languageChanged();
        evaluate.languageChanged();
        status.recompose();
        int tab = view.tabs().getSelectionModel().getSelectedIndex();
        stage.getScene().setRoot(build());
        view.tabs().getSelectionModel().select(tab);
        saveSettings();
    }

    @Override
    public Locale language() {
        return Locale.getDefault();
    }

    @Override
    public void showShortcuts() {
        services.prompts().showInfo(Messages.get("menu.help.shortcuts"), Messages.get("shortcuts.text"));
    }

    @Override
    public void showAbout() {
        String text = Messages.format("about.text", dev.digitlab.cli.Version.current(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                String.valueOf(System.getProperty("javafx.runtime.version")), BackendInfo.nd4jVersion(),
                BackendInfo.backend(), services.threads());
        services.prompts().showInfo(Messages.get("menu.help.about"), text);
    }

    // ----- state and settings --------------------------------------------------------------

    /** The model file commands (tests drive them). */
    public ModelFiles files() {
        return files;
    }

    /** The Evaluate tab's view model (tests use its "open in Draw" hook). */
    EvaluateViewModel evaluate() {
        return evaluate;
    }

    /** The Training tab's view model (tests read its form). */
    public TrainingViewModel training() {
        return training;
    }

    /** The active model. */
    public ActiveModel active() {
        return active;
    }

    /** Whether training or an evaluation is running: heavy work, so the machine is not quiet. */
    public javafx.beans.binding.BooleanBinding busyProperty() {
        if (busy == null) {
            busy = training.busyProperty().or(evaluate.busyProperty());
        }
        return busy;
    }

    /** The status bar's message. */
    public ReadOnlyStringProperty statusProperty() {
        return status.property();
    }

    /** Shows an unexpected error (on the FX thread) and notes it in the status bar. */
    public void showUnexpected(Throwable error, Path log) {
        Supplier<String> sentence = () -> log == null ? Messages.get("error.uncaught")
                : Messages.format("error.uncaughtLogged", log.toString());
        Runnable show = () -> {
            status.set(sentence);
            services.prompts().showError(sentence.get(), error);
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }

    private void restoreForm() {
        TrainingForm form = training.form();
        Map<String, String> saved = settings.hyperparameters;
        // The preset first: choosing it fills every field, which the saved fields then overwrite.
        Arrays.stream(Preset.values()).filter(p -> p.name().equals(saved.get(PRESET))).findFirst()
                .ifPresent(form.presetProperty()::set);
        String optimizer = saved.get(OPTIMIZER);
        if (optimizer != null && TrainingForm.OPTIMIZERS.contains(optimizer)) {
            form.optimizerProperty().set(optimizer);
        }
        List<FormField<?>> fields = form.fields();
        for (int i = 0; i < fields.size(); i++) {
            String text = saved.get(FIELD_NAMES.get(i));
            if (text != null) {
                fields.get(i).textProperty().set(text);
            }
        }
    }

    private void saveSettings() {
        if (stage.getScene() != null && stage.isShowing() && !stage.isIconified() && !stage.isMaximized()) {
            settings.windowX = stage.getX();
            settings.windowY = stage.getY();
            settings.windowWidth = stage.getWidth();
            settings.windowHeight = stage.getHeight();
        }
        settings.recentModels.clear();
        files.recent().forEach(p -> settings.recentModels.add(p.toString()));
        TrainingForm form = training.form();
        List<FormField<?>> fields = form.fields();
        for (int i = 0; i < fields.size(); i++) {
            settings.hyperparameters.put(FIELD_NAMES.get(i), fields.get(i).textProperty().get());
        }
        settings.hyperparameters.put(OPTIMIZER, form.optimizerProperty().get());
        if (form.presetProperty().get() != null) {
            settings.hyperparameters.put(PRESET, form.presetProperty().get().name());
        }
        try {
            services.store().save(settings);
        } catch (IOException | RuntimeException e) {
            LOG.warn("The settings could not be saved to {}: {}", services.store().file(), e.getMessage());
            Path file = services.store().file();
            status.set(() -> Messages.format("error.settingsNotSaved", file.toString()));
        }
    }

    /** Saves the settings and ends the tabs' background work; the window is closing. */
    public void close() {
        if (closed) {
            return;
        }
        saveSettings();
        closed = true;
        training.close();
        draw.close();
        evaluate.close();
    }
}
