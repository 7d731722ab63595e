package dev.digitlab.app;

import dev.digitlab.base.AppHome;
import dev.digitlab.base.AppVersion;
import dev.digitlab.data.DataLocator;
import dev.digitlab.io.ErrorLog;
import dev.digitlab.io.ModelWriter;
import dev.digitlab.io.SettingsStore;
import dev.digitlab.io.ShippedModels;
import dev.digitlab.nn.threads.NativeThreads;
import dev.digitlab.nn.cpu.NdStart;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.ui.shared.FxFileChooserService;
import dev.digitlab.ui.shell.FxPrompts;
import dev.digitlab.ui.shell.MainWindow;
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

    /** Where ND4J's backend starts: on the FX thread, once the window is painted. */
    private static final PaintedFxThread FX_THREAD = new PaintedFxThread();

    private MainWindow window;
    private IdleCalibration calibration;

    /** Starts JavaFX; called by {@link Launcher} on the main thread. */
    static void launchApp(String[] args) {
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        // ND4J loads its libraries beside JavaFX's start and starts its backend after the first frame.
        NdStart.backendOn(FX_THREAD);
        NdStart.begin().whenComplete((started, error) -> {
            if (error == null) {
                LOG.info("ND4J started {} ms after the launcher started", sinceLaunch());
            } else {
                LOG.warn("ND4J could not start: {}", error.getMessage());
            }
        });
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        long startMillis = sinceLaunch();
        Path home = AppHome.folder();
        ErrorLog errorLog = new ErrorLog(home, Clock.systemDefaultZone());
        MainWindow.Services services = new MainWindow.Services(new FxFileChooserService(stage), new FxPrompts(stage),
                new SettingsStore(home), dir -> DataLocator.forUser(dir)::load, App::loadShipped,
                new ModelWriter(AppVersion.current()), NativeThreads.current());
        window = new MainWindow(stage, services);
        installErrorHandler(errorLog);
        if (NativeThreads.cached().isEmpty()) {
            calibration = new IdleCalibration(window.busyProperty(), IdleCalibration.QUIET,
                    IdleCalibration::machineIsQuiet, NativeThreads::calibrate);
            calibration.start();
        }
        stage.show();
        LOG.info("Window shown {} ms after the launcher started (JavaFX ready after {} ms)", sinceLaunch(), startMillis);
        FX_THREAD.watch(() -> LOG.info("Window painted {} ms after the launcher started", sinceLaunch()));
    }

    /** Milliseconds since the launcher's JVM started (this JVM's, when it was not relaunched). */
    private static long sinceLaunch() {
        return System.currentTimeMillis()
                - Relauncher.launchedAt().orElseGet(() -> ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /** Loads the shipped model (on the model-load thread), logging how long it took: issue #4 asks under 0.5 s. */
    private static TrainedModel loadShipped() {
        long start = System.nanoTime();
        TrainedModel model = new ShippedModels().load();
        LOG.info("Shipped model {} loaded in {} ms, {} ms after the launcher started (ND4J's start included)",
                model.name(), (System.nanoTime() - start) / 1_000_000, sinceLaunch());
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
