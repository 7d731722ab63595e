package dev.digitlab.ui.shell;

import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.TabView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.layout.StackPane;

/**
 * The window's tabs, in order, each known by its id. Only the first tab's view is built before the
 * window shows; the others when first selected, which keeps start-up short. Adding a tab is one
 * {@link Spec} in the list the window passes. Use on the FX thread.
 */
final class MainTabs {

    /**
     * One tab.
     *
     * @param id       how the window finds it again, e.g. "drawTab"
     * @param titleKey the key of its title in the messages
     * @param view     builds its view (again after a language change)
     */
    record Spec(String id, String titleKey, Supplier<? extends TabView> view) {
    }

    private final List<Spec> specs;
    private final Map<String, TabView> built = new HashMap<>();
    private MainView view;

    MainTabs(List<Spec> specs) {
        this.specs = List.copyOf(specs);
    }

    /** Adds every tab to {@code window}, a new one (e.g. in a new language); the views are built anew. */
    void addTo(MainView window) {
        view = window;
        built.clear();
        for (int i = 0; i < specs.size(); i++) {
            Spec spec = specs.get(i);
            Tab tab = window.addTab(spec.id(), Messages.get(spec.titleKey()), i == 0 ? build(spec) : new StackPane());
            if (i > 0) {
                buildWhenSelected(tab, spec);
            }
        }
    }

    private Node build(Spec spec) {
        TabView tabView = spec.view().get();
        built.put(spec.id(), tabView);
        return tabView.root();
    }

    private void buildWhenSelected(Tab tab, Spec spec) {
        tab.selectedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean old, Boolean now) {
                if (now) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(build(spec));
                }
            }
        });
    }

    /** Selects the tab {@code id} (building its view if needed). */
    void select(String id) {
        view.select(id);
    }

    /** The id of the selected tab, or null. */
    String selectedId() {
        return view.selectedId();
    }

    /** The pictures of the selected tab that can be saved, by file name; none while it is not built. */
    Map<String, Node> exportables() {
        TabView selected = built.get(selectedId());
        return selected == null ? Map.of() : selected.exportables();
    }
}
