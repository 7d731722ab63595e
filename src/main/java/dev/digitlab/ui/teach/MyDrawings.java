package dev.digitlab.ui.teach;

import dev.digitlab.imaging.strokes.LabelledDrawing;
import dev.digitlab.io.DrawingStore;
import dev.digitlab.ui.shared.Messages;
import java.io.IOException;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The user's kept drawings, as the Draw tab shows them, saved to {@code my-drawings.json} after
 * every change. A file that could not be read is set aside by the store and reported in
 * {@link #problemProperty()}. Use on the FX thread.
 */
public final class MyDrawings {

    private final DrawingStore store;
    private final ObservableList<LabelledDrawing> drawings = FXCollections.observableArrayList();
    private final ObservableList<LabelledDrawing> readOnly = FXCollections.unmodifiableObservableList(drawings);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    /** Reads the drawings the store holds. */
    public MyDrawings(DrawingStore store) {
        this.store = store;
        drawings.setAll(store.load());
        store.warning().ifPresent(problem::set);
    }

    /** The drawings, oldest first. */
    public ObservableList<LabelledDrawing> list() {
        return readOnly;
    }

    /** How many drawings there are of each digit. */
    public int[] counts() {
        int[] counts = new int[10];
        drawings.forEach(d -> counts[d.digit()]++);
        return counts;
    }

    /** Keeps {@code drawing}. */
    public void add(LabelledDrawing drawing) {
        drawings.add(drawing);
        save();
    }

    /** Puts {@code replacement} in the place of {@code old} (e.g. with another digit). */
    public void replace(LabelledDrawing old, LabelledDrawing replacement) {
        int i = drawings.indexOf(old);
        if (i < 0) {
            add(replacement);
        } else {
            drawings.set(i, replacement);
            save();
        }
    }

    /** Forgets {@code drawing}. */
    public void remove(LabelledDrawing drawing) {
        if (drawings.remove(drawing)) {
            save();
        }
    }

    /** Why the drawings could not be read or saved, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private void save() {
        try {
            store.save(List.copyOf(drawings));
        } catch (IOException e) {
            problem.set(Messages.format("teach.saveFailed", store.file().toString(), e.getMessage()));
        }
    }
}
