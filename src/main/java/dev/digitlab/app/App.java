package dev.digitlab.app;

import dev.digitlab.ui.MainView;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window and wires the parts together. */
public final class App extends Application {

    /** Starts JavaFX; called by {@link Launcher} on the main thread. */
    static void launchApp(String[] args) {
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
