package dev.digitlab.ui.shell;

import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shell.MenuBarView;
import dev.digitlab.ui.shell.ModelFiles;
import dev.digitlab.ui.shell.ShellActions;

import dev.digitlab.io.ShippedModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

/** The menu bar: File, View and Help, with their keyboard shortcuts. */
public final class MenuBarView {

    /** The languages the View menu offers, each named in itself. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private final MenuBar bar;
    private final ModelFiles files;
    private final ShellActions actions;

    /**
     * @param files   the model file commands
     * @param actions the other window commands
     */
    public MenuBarView(ModelFiles files, ShellActions actions) {
        this.files = files;
        this.actions = actions;
        bar = new MenuBar(fileMenu(), viewMenu(), helpMenu());
        bar.setId("menuBar");
    }

    /** The menu bar, for the top of the window. */
    public MenuBar root() {
        return bar;
    }

    private Menu fileMenu() {
        Menu recent = new Menu(Messages.get("menu.file.recent"));
        recent.setId("recentMenu");
        // Filled when the File menu opens, so it always shows the list as it is now.
        Menu export = new Menu(Messages.get("menu.file.export"));
        export.setId("exportMenu");
        MenuItem open = item("openItem", "menu.file.open", "Shortcut+O", files::open);
        Menu shipped = new Menu(Messages.get("menu.file.shipped"));
        shipped.setId("shippedMenu");
        for (ShippedModels.Shipped model : ShippedModels.ALL) {
            shipped.getItems().add(item("shipped-" + model.name(), "menu.file.shipped." + model.name(), null,
                    () -> files.openShipped(model.name(), () -> new ShippedModels().load(model))));
        }
        // One file at a time: a second open while one is read would race it to become the active model.
        open.disableProperty().bind(files.openingProperty());
        recent.disableProperty().bind(files.openingProperty());
        shipped.disableProperty().bind(files.openingProperty());
        Menu menu = new Menu(Messages.get("menu.file"), null,
                item("newModelItem", "menu.file.new", null, actions::newModel),
                open,
                recent,
                shipped,
                new SeparatorMenuItem(),
                item("saveItem", "menu.file.save", "Shortcut+S", files::save),
                item("saveAsItem", "menu.file.saveAs", "Shortcut+Shift+S", files::saveAs),
                item("exportKerasItem", "menu.file.exportKeras", null, files::exportKeras),
                new SeparatorMenuItem(),
                item("teachItem", "menu.file.teach", null, actions::teachModel),
                item("openDataItem", "menu.file.openData", null, actions::openDataFolder),
                export,
                new SeparatorMenuItem(),
                item("exitItem", "menu.file.exit", "Shortcut+Q", actions::exit));
        menu.setId("fileMenu");
        menu.setOnShowing(e -> {
            fillRecent(recent);
            fillExport(export);
        });
        fillRecent(recent);
        fillExport(export);
        return menu;
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path path : List.copyOf(files.recent())) {
            MenuItem item = new MenuItem(path.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> files.openRecent(path));
            recent.getItems().add(item);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem(Messages.get("menu.file.recent.none"));
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    private void fillExport(Menu export) {
        export.getItems().clear();
        for (Map.Entry<String, Node> chart : actions.charts().entrySet()) {
            MenuItem item = new MenuItem(Messages.get("chart.name." + chart.getKey()));
            item.setId("export-" + chart.getKey());
            item.setOnAction(e -> actions.exportChart(chart.getKey(), chart.getValue()));
            export.getItems().add(item);
        }
        if (export.getItems().isEmpty()) {
            MenuItem none = new MenuItem(Messages.get("menu.file.export.none"));
            none.setDisable(true);
            export.getItems().add(none);
        }
    }

    private Menu viewMenu() {
        Menu language = new Menu(Messages.get("menu.view.language"));
        language.setId("languageMenu");
        ToggleGroup group = new ToggleGroup();
        for (Locale locale : LANGUAGES) {
            RadioMenuItem item = new RadioMenuItem(Messages.get("language." + locale.toLanguageTag()));
            item.setId("language-" + locale.toLanguageTag());
            item.setToggleGroup(group);
            item.setSelected(locale.getLanguage().equals(actions.language().getLanguage()));
            item.setOnAction(e -> actions.switchLanguage(locale));
            language.getItems().add(item);
        }
        Menu menu = new Menu(Messages.get("menu.view"), null, language);
        menu.setId("viewMenu");
        return menu;
    }

    private Menu helpMenu() {
        Menu menu = new Menu(Messages.get("menu.help"), null,
                item("shortcutsItem", "menu.help.shortcuts", null, actions::showShortcuts),
                item("aboutItem", "menu.help.about", null, actions::showAbout));
        menu.setId("helpMenu");
        return menu;
    }

    private static MenuItem item(String id, String key, String shortcut, Runnable action) {
        MenuItem item = new MenuItem(Messages.get(key));
        item.setId(id);
        if (shortcut != null) {
            item.setAccelerator(KeyCombination.keyCombination(shortcut));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
