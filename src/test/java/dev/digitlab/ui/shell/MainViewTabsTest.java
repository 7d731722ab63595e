package dev.digitlab.ui.shell;

import dev.digitlab.ui.shared.Messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainViewTabsTest {

    private MainView view;

    @Start
    void start(Stage stage) {
        view = new MainView();
        view.addTab("trainingTab", Messages.get("tab.training"), new Label("training"));
        view.addTab("drawTab", Messages.get("tab.draw"), new Label("draw"));
        view.addTab("evaluateTab", Messages.get("tab.evaluate"), new Label("evaluate"));
        stage.setScene(new Scene(view.root(), 900, 600));
        stage.show();
    }

    @Test
    void anAddedTabComesAfterTrainingAndDrawAndCanBeSelected(FxRobot robot) {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertEquals(3, tabs.getTabs().size());
        assertEquals("Evaluate", tabs.getTabs().get(2).getText());
        robot.clickOn(robot.lookup(".tab-header-area .tab").nth(2).queryAs(javafx.scene.Node.class));
        assertEquals("evaluateTab", tabs.getSelectionModel().getSelectedItem().getId());
    }

    @Test
    void aTabIsFoundAndSelectedByItsIdWhereverItStands(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.select("drawTab")).get();
        assertEquals("drawTab", WaitForAsyncUtils.asyncFx(view::selectedId).get());
        assertEquals("Draw", WaitForAsyncUtils.asyncFx(() -> view.tab("drawTab").orElseThrow().getText()).get());
        assertTrue(WaitForAsyncUtils.asyncFx(() -> view.tab("noSuchTab").isEmpty()).get(), "no tab of that id");
        WaitForAsyncUtils.asyncFx(() -> view.select("noSuchTab")).get();
        assertEquals("drawTab", WaitForAsyncUtils.asyncFx(view::selectedId).get(), "an unknown id selects nothing");
    }
}
