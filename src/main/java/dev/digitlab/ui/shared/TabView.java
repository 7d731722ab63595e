package dev.digitlab.ui.shared;

import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;

/** What the main window needs of a tab's view: its content, and the pictures File > Export offers. */
public interface TabView {

    /** The tab's content. */
    Parent root();

    /** The pictures of this tab that can be saved as PNG, by file name (e.g. {@code accuracy-chart}); none by default. */
    default Map<String, Node> exportables() {
        return Map.of();
    }
}
