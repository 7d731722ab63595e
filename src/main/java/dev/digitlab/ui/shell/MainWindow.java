package dev.digitlab.ui.shell;

import dev.digitlab.io.TutorialProgressStore;
import dev.digitlab.ui.tutorial.TutorialView;
import dev.digitlab.ui.tutorial.TutorialViewModel;
import java.util.Optional;
import dev.digitlab.imaging.GrayImage;
import dev.digitlab.io.keras.ModelOpener;
import dev.digitlab.io.ModelWriter;
import dev.digitlab.io.SettingsStore;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.ui.draw.DrawViewModel;
import dev.digitlab.ui.teach.MyDrawings;
import dev.digitlab.ui.teach.TeachViewModel;
import dev.digitlab.io.DrawingStore;
import dev.digitlab.ui.evaluate.EvaluateView;
import dev.digitlab.ui.evaluate.EvaluateViewModel;
import dev.digitlab.ui.shared.ActiveModel;
import dev.digitlab.ui.shared.DataFolderSource;
import dev.digitlab.ui.shared.DatasetSource;
import dev.digitlab.ui.shared.FileChooserService;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.TestImage;
import dev.digitlab.ui.training.TrainingForm;
import dev.digitlab.ui.training.TrainingView;
import dev.digitlab.ui.training.TrainingViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The whole window, and where the app is put together: builds the view models once, the tabs
 * ({@link MainTabs}) and the menus from them, and ties in the settings ({@link WindowSettings}),
 * the status bar ({@link StatusLine}) and the menu commands ({@link ShellCommands}). When the
 * language changes, the view models compose their texts again and the views are built anew, so
 * no state is lost. Use on the FX thread.
 */
public final class MainWindow {

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
            this(chooser, prompts, store, dataLookup, shipped, writer, threads, ModelOpener::load);
        }
    }

    /** The tabs' ids. */
    static final String TRAINING_TAB = "trainingTab";
    static final String DRAW_TAB = "drawTab";
    static final String EVALUATE_TAB = "evaluateTab";
    static final String TUTORIAL_TAB = "tutorialTab";

    private final Stage stage;
    private final Services services;
    private final WindowSettings settings;
    private final ActiveModel active = new ActiveModel();
    private final DataFolderSource data;
    private final TrainingViewModel training;
    private final DrawViewModel draw;
    private final TeachViewModel teach;
    private final EvaluateViewModel evaluate;
    private final TutorialViewModel tutorial;
    private final ModelFiles files;
    private final StatusLine status;
    private final MainTabs tabs;
    private final ShellCommands commands;
    private BooleanBinding busy;
    private boolean closed;

    /** Builds the window's content into {@code stage} (not shown yet) and starts loading the shipped model. */
    public MainWindow(Stage stage, Services services) {
        this.stage = stage;
        this.services = services;
        settings = new WindowSettings(services.store());
        Locale.setDefault(settings.language());
        data = new DataFolderSource(services.dataLookup(), settings.dataFolder());
        training = new TrainingViewModel(active, data);
        draw = new DrawViewModel(active);
        // The drawings live beside the settings, in the app's home folder (a test's own folder in tests).
        teach = new TeachViewModel(active, data, new MyDrawings(new DrawingStore(
                services.store().file().resolveSibling(DrawingStore.FILE))), draw);
        evaluate = new EvaluateViewModel(active, data, uncheckedShipped(services.shipped()));
        files = new ModelFiles(active, services.chooser(), services.prompts(),
                new MeasuringReader(services.reader(), data), services.writer());
        files.recent().addAll(settings.recentModels());
        settings.restore(training.form());
        tutorial = new TutorialViewModel(training, evaluate, active, data, new TutorialViewModel.Hooks(this::showTab,
                this::saveForTutorial, files.fileProperty(), draw.readingProperty()),
                new TutorialProgressStore(services.store().file().getParent()));
        status = new StatusLine(services.prompts());
        tabs = new MainTabs(List.of(
                new MainTabs.Spec(TRAINING_TAB, "tab.training", () -> new TrainingView(training)),
                new MainTabs.Spec(DRAW_TAB, "tab.draw", () -> DrawTab.build(draw, teach)),
                new MainTabs.Spec(EVALUATE_TAB, "tab.evaluate", () -> new EvaluateView(evaluate, services.chooser())),
                new MainTabs.Spec(TUTORIAL_TAB, "tab.tutorial", () -> new TutorialView(tutorial))));
        commands = new ShellCommands(services, files, status, tabs, new Commanded());
        DrawTab.reportDrawingProblems(teach, services.prompts());
        listen();
        putInto(stage);
        settings.warning().ifPresent(w -> Platform.runLater(() -> services.prompts().showError(w, null)));
        status.set(() -> Messages.get("status.loadingModel"));
        // The window comes first; ND4J starts and the shipped model loads in the background.
        active.load(services.shipped());
    }

    /** Puts the window's content into {@code stage}, where the settings place it, and asks before it closes. */
    private void putInto(Stage stage) {
        stage.setScene(new Scene(build(), settings.width(), settings.height()));
        settings.place(stage);
        stage.setOnCloseRequest(e -> {
            if (files.confirmDiscard()) {
                saveSettings();
            } else {
                e.consume();
            }
        });
        stage.setOnHidden(e -> close());
    }

    private static Supplier<TrainedModel> uncheckedShipped(Callable<TrainedModel> shipped) {
        return () -> {
            try {
                return shipped.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }

    private void listen() {
        status.follow(files, active);
        files.recent().addListener((ListChangeListener<Path>) c -> saveSettings());
        evaluate.mistakes().onOpenInDrawProperty().set(this::openInDraw);
        // Failures the tabs report (missing data, not enough memory) also get a dialog.
        status.showAsDialog(training.errorProperty(), training.errorCauseProperty());
        status.showAsDialog(evaluate.errorProperty(), evaluate.errorCauseProperty());
    }

    /** Shows a test image on the Draw tab's paper, read as a drawing is, and selects that tab. */
    private void openInDraw(TestImage image) {
        draw.showPicture(new GrayImage(image.cols(), image.rows(), image.pixels()));
        tabs.select(DRAW_TAB);
    }

    private Parent build() {
        MainView view = new MainView();
        tabs.addTo(view);
        view.setMenuBar(new MenuBarView(files, commands).root());
        view.setStatus(status.property(), services.threads() == 1 ? Messages.get("status.backend.one")
                : Messages.format("status.backend", services.threads()));
        stage.titleProperty().unbind();
        stage.titleProperty().bind(files.titleBinding());
        return view.root();
    }

    /** What the menu commands change in this window. */
    private final class Commanded implements ShellCommands.Window {

        @Override
        public TrainingForm form() {
            return training.form();
        }

        @Override
        public void useData(Path folder) {
            data.use(folder);
            training.forgetData();
            evaluate.forgetData();
            settings.setDataFolder(folder);
            saveSettings();
        }

        @Override
        public void switchLanguage(Locale language) {
            Locale.setDefault(language);
            settings.setLanguage(language);
            // The texts the view models have composed are written again; the views are built anew.
            training.languageChanged();
            draw.languageChanged();
            teach.languageChanged();
            evaluate.languageChanged();
            tutorial.languageChanged();
            status.recompose();
            String tab = tabs.selectedId();
            stage.getScene().setRoot(build());
            tabs.select(tab);
            saveSettings();
        }

        @Override
        public void teachModel() {
            tabs.select(DRAW_TAB);
            if (teach.canTeachProperty().get()) {
                teach.teach();
            } else if (teach.drawings().list().isEmpty()) {
                services.prompts().showError(Messages.get("teach.none"), null);
            }
        }

        @Override
        public void saveSettings() {
            MainWindow.this.saveSettings();
        }

        @Override
        public void close() {
            stage.close();
        }
    }

    // ----- what the app and tests use ------------------------------------------------------

    /** The menus' window commands (tests drive them). */
    public ShellActions commands() {
        return commands;
    }

    /** The model file commands (tests drive them). */
    public ModelFiles files() {
        return files;
    }

    /** The Evaluate tab's view model (tests use its "open in Draw" hook). */
    EvaluateViewModel evaluate() {
        return evaluate;
    }

    /** The Tutorial tab's view model. */
    public TutorialViewModel tutorial() {
        return tutorial;
    }

    /** Selects the tab with {@code id}, e.g. {@code trainingTab}. */
    private void showTab(String id) {
        tabs.select(id);
    }

    /** "Save model as" for the tutorial: the file saved to, or empty when the learner cancelled. */
    private Optional<Path> saveForTutorial() {
        return files.saveAs() ? Optional.ofNullable(files.fileProperty().get()) : Optional.empty();
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
    public BooleanBinding busyProperty() {
        if (busy == null) {
            busy = training.busyProperty().or(evaluate.busyProperty());
        }
        return busy;
    }

    /** The status bar's message. */
    public ReadOnlyStringProperty statusProperty() {
        return status.property();
    }

    /** Shows an unexpected error (on the FX thread) and notes it in the status bar; callable from any thread. */
    public void showUnexpected(Throwable error, Path log) {
        status.showUnexpected(() -> log == null ? Messages.get("error.uncaught")
                : Messages.format("error.uncaughtLogged", log.toString()), error);
    }

    private void saveSettings() {
        settings.save(stage, files.recent(), training.form()).ifPresent(
                file -> status.set(() -> Messages.format("error.settingsNotSaved", file.toString())));
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
        tutorial.close();
    }
}
