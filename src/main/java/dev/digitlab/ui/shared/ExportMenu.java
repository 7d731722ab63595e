package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.ExportMenu;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.PngExport;

import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/** A right-click menu with "Save as PNG…" for a chart or picture. */
public final class ExportMenu {

    private ExportMenu() {
    }

    /** Gives {@code node} a context menu that saves it through {@code export} under {@code name}. */
    public static void install(Node node, String name, PngExport export) {
        MenuItem save = new MenuItem(Messages.get("export.menu"));
        save.setId("export-" + name);
        save.setOnAction(e -> export.export(node, name));
        ContextMenu menu = new ContextMenu(save);
        node.setOnContextMenuRequested(e -> {
            menu.show(node, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        // Not every platform turns a right click into a context-menu request (the headless one
        // does not): a secondary click opens the menu too, unless the request already did.
        node.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && !menu.isShowing()) {
                menu.show(node, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }
}
