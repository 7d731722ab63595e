package dev.digitlab.ui.shell;

import dev.digitlab.ui.shell.ShellActions;

import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;

/** The window-level commands the menus call besides the model file ones. */
public interface ShellActions {

    /** Resets to an untrained model of the Training tab's current setup. */
    void newModel();

    /** Asks for a folder holding MNIST and takes the data from there. */
    void openDataFolder();

    /** The pictures of the selected tab that can be saved as PNG, by file name. */
    Map<String, Node> charts();

    /** Saves {@code chart} as PNG, asking for the file. */
    void exportChart(String name, Node chart);

    /** Shows the Draw tab and teaches the active model the user's kept drawings. */
    void teachModel();

    /** Closes the app, asking about unsaved changes first. */
    void exit();

    /** Shows the window in {@code language}. */
    void switchLanguage(Locale language);

    /** The language the window shows now. */
    Locale language();

    /** Shows the keyboard shortcuts. */
    void showShortcuts();

    /** Shows the versions of the app and what it runs on. */
    void showAbout();
}
