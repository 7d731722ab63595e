package dev.digitlab.app;

import dev.digitlab.data.DataLocator;
import dev.digitlab.io.ShippedModels;
import dev.digitlab.ui.ActiveModel;
import dev.digitlab.ui.CachedDatasetSource;
import dev.digitlab.ui.DatasetSource;
import dev.digitlab.ui.DrawView;
import dev.digitlab.ui.DrawViewModel;
import dev.digitlab.ui.EvaluateView;
import dev.digitlab.ui.EvaluateViewModel;
import dev.digitlab.ui.FxFileChooserService;
import dev.digitlab.ui.MainView;
import dev.digitlab.ui.Messages;
import dev.digitlab.ui.TrainingView;
import dev.digitlab.ui.TrainingViewModel;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window and wires the parts together. */
public final class App extends Application {

    /**
     * JavaFX warns on every start that it was loaded from the class path, which is how a shaded
     * jar runs it; the warning means nothing to a user. Held here so the setting is not collected.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private TrainingViewModel training;
    private DrawViewModel draw;
    private EvaluateViewModel evaluate;

    /** Starts JavaFX; called by {@link Launcher} on the main thread. */
    static void launchApp(String[] args) {
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        ActiveModel active = new ActiveModel();
        // One cached source, so the Training and Evaluate tabs share one copy of MNIST.
        DatasetSource data = new CachedDatasetSource(DataLocator.forUser(null)::load);
        training = new TrainingViewModel(active, data);
        draw = new DrawViewModel(active);
        // The Draw tab works before anything is trained: the shipped model loads in the background.
        draw.loadModel(() -> new ShippedModels().load());
        evaluate = new EvaluateViewModel(active, data, () -> new ShippedModels().load());
        MainView view = new MainView(new TrainingView(training).root(), new DrawView(draw).root());
        view.addTab("evaluateTab", Messages.get("tab.evaluate"),
                new EvaluateView(evaluate, new FxFileChooserService(stage)).root());
        stage.setTitle(Messages.get("app.title"));
        stage.setScene(new Scene(view.root(), 1100, 760));
        // Closing the window cancels a run; the training thread is a daemon, so nothing keeps the JVM.
        stage.setOnHidden(e -> close());
        stage.show();
    }

    @Override
    public void stop() {
        close();
    }

    private void close() {
        if (training != null) {
            training.close();
        }
        if (draw != null) {
            draw.close();
        }
        if (evaluate != null) {
            evaluate.close();
        }
    }
}
