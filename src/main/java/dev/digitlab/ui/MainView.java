package dev.digitlab.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/** The main window: the menu bar above the Training and Draw tabs. */
public final class MainView {

    private final BorderPane root = new BorderPane();
    private final TabPane tabs;

    /**
     * @param trainingContent what the Training tab shows
     * @param drawContent     what the Draw tab shows
     */
    public MainView(Node trainingContent, Node drawContent) {
        MenuBar menus = new MenuBar(new Menu(Messages.get("menu.file")), new Menu(Messages.get("menu.view")),
                new Menu(Messages.get("menu.help")));
        menus.setId("menuBar");
        tabs = new TabPane(
                tab("trainingTab", Messages.get("tab.training"), trainingContent),
                tab("drawTab", Messages.get("tab.draw"), drawContent));
        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setTop(menus);
        root.setCenter(tabs);
    }

    /** Adds a tab after the others, e.g. the Evaluate tab. */
    public void addTab(String id, String title, Node content) {
        tabs.getTabs().add(tab(id, title, content));
    }

    private static Tab tab(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    public Parent root() {
        return root;
    }
}
