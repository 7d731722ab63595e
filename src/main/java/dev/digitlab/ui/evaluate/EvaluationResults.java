package dev.digitlab.ui.evaluate;

import dev.digitlab.train.ClassMetrics;
import dev.digitlab.train.Evaluation;
import dev.digitlab.train.Predictions;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.ui.shared.LocalText;
import dev.digitlab.ui.shared.Messages;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the last evaluation found: the model it tested, its accuracy and loss, the confusion
 * matrix, precision and recall per digit, and every test image's probabilities. Use on the FX thread.
 */
public final class EvaluationResults {

    private final LocalText summary = new LocalText(this, "summary", () -> "");
    private final ReadOnlyObjectWrapper<Predictions> predictions = new ReadOnlyObjectWrapper<>(this, "predictions");
    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    private final ReadOnlyObjectWrapper<TrainedModel> evaluated = new ReadOnlyObjectWrapper<>(this, "evaluated");
    private final ObservableList<DigitRow> rows = FXCollections.observableArrayList();
    private final ObservableList<DigitRow> rowsView = FXCollections.unmodifiableObservableList(rows);

    /** Shows what testing {@code model} gave. */
    /** Shows what testing {@code model} found; {@code strokes} names the pen-digit file tested on, or null for MNIST. */
    void show(TrainedModel model, Predictions p, String strokes) {
        Evaluation result = p.evaluation();
        ClassMetrics metrics = ClassMetrics.of(result.confusion());
        List<DigitRow> digitRows = new ArrayList<>();
        for (int d = 0; d < metrics.classes(); d++) {
            digitRows.add(new DigitRow(d, metrics.support(d), metrics.precision(d), metrics.recall(d)));
        }
        rows.setAll(digitRows);
        evaluated.set(model);
        evaluation.set(result);
        predictions.set(p);
        summary.set(strokes == null
                ? () -> Messages.format("evaluate.summary", 100 * result.accuracy(), result.loss(), p.size())
                : () -> Messages.format("evaluate.summaryStrokes", 100 * result.accuracy(), result.loss(), p.size(),
                        strokes));
    }

    /** Composes the summary again in the default language. */
    void languageChanged() {
        summary.recompose();
    }

    /** E.g. "Test accuracy 97.49% · loss 0.0832 · 10,000 images"; empty before an evaluation. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.property();
    }

    /** Every test image's probabilities and prediction; null before an evaluation. */
    public ReadOnlyObjectProperty<Predictions> predictionsProperty() {
        return predictions.getReadOnlyProperty();
    }

    /** Loss, accuracy and the confusion matrix {@code [actual][predicted]}; null before an evaluation. */
    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    /** The model the results are of; null before an evaluation. */
    public ReadOnlyObjectProperty<TrainedModel> evaluatedProperty() {
        return evaluated.getReadOnlyProperty();
    }

    /** Precision and recall per digit, 0 to 9. */
    public ObservableList<DigitRow> rows() {
        return rowsView;
    }
}
