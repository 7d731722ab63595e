package dev.digitlab.app;

import dev.digitlab.data.DataLocator;
import dev.digitlab.io.ErrorLog;
import dev.digitlab.io.ModelWriter;
import dev.digitlab.io.SettingsStore;
import dev.digitlab.io.ShippedModels;
import dev.digitlab.nn.NativeThreads;
import dev.digitlab.nn.NdStart;
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
        startNd4jAlone();
        Application.launch(App.class, args);
    }

    /**
     * Starts ND4J before JavaFX, while no other thread loads a native library. Why: JavaCPP, which
     * loads ND4J's native libraries, calls {@code dlopen} from inside a {@code dl_iterate_phdr}
     * callback, holding one of glibc's loader locks; a {@code dlopen} on another thread at the same
     * moment (JavaFX loading its font or graphics libraries as the window appears) takes the two
     * locks in the other order, and both threads wait for ever. Seen here as a window that never
     * appeared, in about one start in three once ND4J began starting early. Costs 0.2-0.4 s
     * before the window; the model then loads faster behind it. If ND4J cannot start, the window
     * still opens and the Draw tab says why.
     */
    private static void startNd4jAlone() {
        long start = System.nanoTime();
        try {
            NdStart.await();
            LOG.info("ND4J started in {} ms, before JavaFX", (System.nanoTime() - start) / 1_000_000);
        } catch (IllegalStateException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    @Override
    public void start(Stage stage) {
        long startMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        Path home = SettingsStore.home();
        ErrorLog errorLog = new ErrorLog(home, Clock.systemDefaultZone());
        MainWindow.Services services = new MainWindow.Services(new FxFileChooserService(stage), new FxPrompts(stage),
                new SettingsStore(home), dir -> DataLocator.forUser(dir, home)::load, App::loadShipped,
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
        LOG.info("Shipped model {} loaded in {} ms", model.name(),
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
