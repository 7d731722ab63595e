package dev.digitlab.ui.shell;

import dev.digitlab.ui.shared.Messages;


import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainViewTest {

    @Start
    void start(Stage stage) {
        MainView view = new MainView();
        view.addTab("trainingTab", Messages.get("tab.training"), new Label("training"));
        view.addTab("drawTab", Messages.get("tab.draw"), new Label("draw"));
        stage.setScene(new Scene(view.root(), 900, 600));
        stage.show();
    }

    @Test
    void windowShowsTrainingAndDrawTabsUnderTheMenus(FxRobot robot) {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertEquals("Training", tabs.getTabs().get(0).getText());
        assertEquals("Draw", tabs.getTabs().get(1).getText());
        MenuBar menus = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertEquals(3, menus.getMenus().size());
    }

    @Test
    void clickingTheDrawTabSelectsIt(FxRobot robot) {
        robot.clickOn(robot.lookup(".tab-header-area .tab").nth(1).queryAs(javafx.scene.Node.class));
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertEquals("drawTab", tabs.getSelectionModel().getSelectedItem().getId());
    }
}
