package dev.digitlab.app;

import dev.digitlab.ui.MainView;
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

    /** Starts JavaFX; called by {@link Launcher} on the main thread. */
    static void launchApp(String[] args) {
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        MainView view = new MainView();
        stage.setTitle("DigitLab");
        stage.setScene(new Scene(view.root(), 1100, 760));
        stage.show();
    }
}
