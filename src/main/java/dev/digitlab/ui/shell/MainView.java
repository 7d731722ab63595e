package dev.digitlab.ui.shell;

import dev.digitlab.ui.shared.Messages;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The main window: the menu bar above the tabs, and a status bar at the bottom. Tabs are known by id. */
public final class MainView {

    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();

    /** A window with empty menus and no tab yet. */
    public MainView() {
        MenuBar menus = new MenuBar(new Menu(Messages.get("menu.file")), new Menu(Messages.get("menu.view")),
                new Menu(Messages.get("menu.help")));
        menus.setId("menuBar");
        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setTop(menus);
        root.setCenter(tabs);
    }

    /** Adds a tab after the others; {@code id} is how the window finds it again (e.g. "drawTab"). */
    public Tab addTab(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        tabs.getTabs().add(tab);
        return tab;
    }

    /** The tab with {@code id}, if there is one. */
    public Optional<Tab> tab(String id) {
        return tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst();
    }

    /** Selects the tab with {@code id}; nothing happens when there is none. */
    public void select(String id) {
        tab(id).ifPresent(tabs.getSelectionModel()::select);
    }

    /** The id of the selected tab, or null. */
    public String selectedId() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        return selected == null ? null : selected.getId();
    }

    /** Puts {@code menus} in place of the empty menus the view starts with. */
    public void setMenuBar(MenuBar menus) {
        root.setTop(menus);
    }

    /**
     * Adds the status bar: on the left the last message, on the right what the network runs on.
     *
     * @param message the last message, e.g. "Loading the shipped model…"
     * @param backend e.g. "ND4J CPU, 1 thread"
     */
    public void setStatus(ObservableValue<String> message, String backend) {
        Label left = new Label();
        left.setId("statusMessage");
        left.textProperty().bind(message);
        Label right = new Label(backend);
        right.setId("statusBackend");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, left, gap, right);
        bar.setId("statusBar");
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.setStyle("-fx-border-color: #ccc transparent transparent transparent;");
        root.setBottom(bar);
    }

    /** The tabs, e.g. to see which one is selected. */
    public TabPane tabs() {
        return tabs;
    }

    public Parent root() {
        return root;
    }
}
