package dev.digitlab.ui.shell;

import dev.digitlab.base.Mnist;
import dev.digitlab.nn.cpu.BackendInfo;
import dev.digitlab.ui.shared.DataFolderSource;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.PngExport;
import dev.digitlab.ui.training.TrainingForm;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;

/**
 * The menus' window-level commands (the model file ones are {@link ModelFiles}'): new model, data
 * folder, chart export, language, help and exit. What they change in the window goes through the
 * {@link Window} the main window gives. Use on the FX thread.
 */
final class ShellCommands implements ShellActions {

    /** What the commands need of the window they belong to. */
    interface Window {

        /** The Training tab's form, whose setup a new model takes. */
        TrainingForm form();

        /** Takes the data from {@code folder} from now on and remembers it. */
        void useData(Path folder);

        /** Shows the window in {@code language} and remembers it. */
        void switchLanguage(Locale language);

        /** Saves the settings. */
        void saveSettings();

        /** Closes the window (the settings are saved). */
        void close();

        /** Shows the Draw tab and teaches the active model the user's kept drawings. */
        void teachModel();
    }

    private final MainWindow.Services services;
    private final ModelFiles files;
    private final StatusLine status;
    private final MainTabs tabs;
    private final Window window;

    ShellCommands(MainWindow.Services services, ModelFiles files, StatusLine status, MainTabs tabs, Window window) {
        this.services = services;
        this.files = files;
        this.status = status;
        this.tabs = tabs;
        this.window = window;
    }

    @Override
    public void newModel() {
        TrainingForm form = window.form();
        if (!form.validProperty().get()) {
            services.prompts().showError(Messages.get("form.fixFields"), null);
            return;
        }
        files.newModel(form.spec(Mnist.PIXELS, Mnist.CLASSES), form.config());
    }

    @Override
    public void openDataFolder() {
        services.chooser().chooseFolder(Messages.get("data.open.title")).ifPresent(dir -> {
            if (!DataFolderSource.holdsData(dir)) {
                services.prompts().showError(Messages.format("error.noData", dir.toString()), null);
                return;
            }
            window.useData(dir);
            status.set(() -> Messages.format("status.dataFolder", dir.toString()));
        });
    }

    @Override
    public Map<String, Node> charts() {
        return tabs.exportables();
    }

    @Override
    public void exportChart(String name, Node chart) {
        Consumer<Path> saved = file -> status.set(() -> Messages.format("export.saved", file.toString()));
        new PngExport(services.chooser(), saved, reason -> services.prompts().showError(reason, null))
                .export(chart, name);
    }

    @Override
    public void exit() {
        if (files.confirmDiscard()) {
            window.saveSettings();
            window.close();
        }
    }

    @Override
    public void teachModel() {
        window.teachModel();
    }

    @Override
    public void switchLanguage(Locale language) {
        window.switchLanguage(language);
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
        String text = Messages.format("about.text", dev.digitlab.base.AppVersion.current(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                String.valueOf(System.getProperty("javafx.runtime.version")), BackendInfo.nd4jVersion(),
                BackendInfo.backend(), services.threads());
        services.prompts().showInfo(Messages.get("menu.help.about"), text);
    }
}
