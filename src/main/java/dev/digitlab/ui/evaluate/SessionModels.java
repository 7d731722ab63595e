package dev.digitlab.ui.evaluate;

import dev.digitlab.nn.Network;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.ui.shared.ActiveModel;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the models of this session learned, independently of any evaluation: every distinct model
 * that becomes active is added once to {@link #histories()} (so their training curves can be
 * compared; a renamed one keeps its place), and the active model's first-layer weights are in
 * {@link #weightsProperty()}. Use on the FX thread.
 */
public final class SessionModels {

    private final ObservableList<ModelHistory> histories = FXCollections.observableArrayList();
    private final ObservableList<ModelHistory> historiesView = FXCollections.unmodifiableObservableList(histories);
    private final Map<Network, Integer> historyIndex = new IdentityHashMap<>();
    private final ReadOnlyObjectWrapper<FirstLayerWeights> weights = new ReadOnlyObjectWrapper<>(this, "weights");

    SessionModels(ActiveModel active) {
        active.modelProperty().addListener((obs, old, model) -> activeChanged(model));
        activeChanged(active.modelProperty().get());
    }

    private void activeChanged(TrainedModel model) {
        if (model == null) {
            weights.set(null);
            return;
        }
        Integer index = historyIndex.get(model.network());
        if (index == null) {
            historyIndex.put(model.network(), histories.size());
            histories.add(ModelHistory.of(histories.size() + 1, model));
        } else if (!histories.get(index).name().equals(model.name())) {
            histories.set(index, histories.get(index).withName(model.name()));
        }
        weights.set(FirstLayerWeights.of(model.network()));
    }

    /** The training history of every distinct model that was active in this session, oldest first. */
    public ObservableList<ModelHistory> histories() {
        return historiesView;
    }

    /** The first layer's weights of the active model; null when there is none. */
    public ReadOnlyObjectProperty<FirstLayerWeights> weightsProperty() {
        return weights.getReadOnlyProperty();
    }
}
