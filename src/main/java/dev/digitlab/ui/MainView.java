package dev.digitlab.ui;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/** The main window: the menu bar above the Training and Draw tabs. */
public final class MainView {

    private final BorderPane root = new BorderPane();

    public MainView() {
        MenuBar menus = new MenuBar(new Menu("File"), new Menu("View"), new Menu("Help"));
        menus.setId("menuBar");
        TabPane tabs = new TabPane(
                tab("trainingTab", "Training", new Label("Training")),
                tab("drawTab", "Draw", new Label("Draw")));
        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setTop(menus);
        root.setCenter(tabs);
    }

    private static Tab tab(String id, String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    public Parent root() {
        return root;
    }
}
