package dev.digitlab.app;

import dev.digitlab.data.DataLocator;
import dev.digitlab.io.ErrorLog;
import dev.digitlab.io.ModelWriter;
import dev.digitlab.io.SettingsStore;
import dev.digitlab.io.ShippedModels;
import dev.digitlab.nn.NativeThreads;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.ui.FxFileChooserService;
import dev.digitlab.ui.FxPrompts;
import dev.digitlab.ui.MainWindow;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: shows the main window, then lets the shipped model load behind it. */
public final class App extends Application {

    /**
     * JavaFX warns on every start that it was loaded from the class path, which is how a shaded
     * jar runs it; the warning means nothing to a user. Held here so the setting is not collected.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private MainWindow window;
    private IdleCalibration calibration;

    /** Starts JavaFX; called by {@link Launcher} on the main thread. */
    static void launchApp(String[] args) {
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        long startMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        Path home = SettingsStore.home();
        ErrorLog errorLog = new ErrorLog(home, Clock.systemDefaultZone());
        MainWindow.Services services = new MainWindow.Services(new FxFileChooserService(stage), new FxPrompts(stage),
                new SettingsStore(home), dir -> DataLocator.forUser(dir)::load, App::loadShipped,
                new ModelWriter(dev.digitlab.cli.Version.current()), NativeThreads.current());
        window = new MainWindow(stage, services);
        installErrorHandler(errorLog);
        if (NativeThreads.cached().isEmpty()) {
            calibration = new IdleCalibration(window.busyProperty(), IdleCalibration.QUIET,
                    IdleCalibration::machineIsQuiet, NativeThreads::calibrate);
            calibration.start();
        }
        stage.show();
        long shownMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("Window shown {} ms after the JVM started (JavaFX ready after {} ms)", shownMillis, startMillis);
    }

    /** Loads the shipped model (on the model-load thread), logging how long it took: issue #4 asks under 0.5 s. */
    private static TrainedModel loadShipped() {
        long start = System.nanoTime();
        TrainedModel model = new ShippedModels().load();
        LOG.info("Shipped model {} loaded in {} ms, ND4J's start included", model.name(),
                (System.nanoTime() - start) / 1_000_000);
        return model;
    }

    /** Every error nobody caught is logged to a file and shown in a dialog, and the app goes on. */
    private void installErrorHandler(ErrorLog errorLog) {
        Thread.UncaughtExceptionHandler handler = (thread, error) -> {
            Path log = null;
            try {
                log = errorLog.append(thread.getName(), error);
            } catch (IOException | RuntimeException e) {
                LOG.error("Could not write the error log {}: {}", errorLog.file(), e.getMessage());
            }
            LOG.error("Uncaught on thread {}", thread.getName(), error);
            if (window != null) {
                window.showUnexpected(error, log);
            }
        };
        Thread.setDefaultUncaughtExceptionHandler(handler);
        // The FX thread may already have a handler of its own; it gets the same one.
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(handler);
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
