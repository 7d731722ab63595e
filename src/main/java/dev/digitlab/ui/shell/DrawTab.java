package dev.digitlab.ui.shell;

import dev.digitlab.ui.draw.DrawView;
import dev.digitlab.ui.draw.DrawViewModel;
import dev.digitlab.ui.teach.TeachView;
import dev.digitlab.ui.teach.TeachViewModel;
import javafx.application.Platform;
import javafx.scene.input.KeyEvent;

/** The Draw tab as the window shows it: the pen and the reading with the teaching controls. */
final class DrawTab {

    private DrawTab() {
    }

    /** The Draw tab with the teaching controls: the correction under the reading, my drawings under the paper. */
    static DrawView build(DrawViewModel draw, TeachViewModel teach) {
        DrawView drawView = new DrawView(draw);
        TeachView teachView = new TeachView(teach);
        drawView.addTeaching(teachView.correction(), teachView.panel());
        // A digit typed on the tab says what the drawing is, as a click on that digit does.
        drawView.root().addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if (!e.isShortcutDown() && teach.typed(e.getCharacter())) {
                e.consume();
            }
        });
        return drawView;
    }

    /** A damaged my-drawings.json (set aside, never lost) is said in a dialog, now or when found. */
    static void reportDrawingProblems(TeachViewModel teach, Prompts prompts) {
        teach.drawings().problemProperty().addListener((obs, old, now) -> {
            if (now != null && !now.isBlank()) {
                Platform.runLater(() -> prompts.showError(now, null));
            }
        });
        String problem = teach.drawings().problemProperty().get();
        if (problem != null && !problem.isBlank()) {
            Platform.runLater(() -> prompts.showError(problem, null));
        }
    }
}
