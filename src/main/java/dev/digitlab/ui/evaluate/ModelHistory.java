package dev.digitlab.ui.evaluate;

import dev.digitlab.ui.evaluate.ModelHistory;
import dev.digitlab.ui.shared.Messages;

import dev.digitlab.nn.ModelSpec;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.TrainedModel;
import java.util.List;

/**
 * One line of the training-history chart: a model's validation accuracy per epoch (its training
 * accuracy when the run held out no validation images), with the words of its legend entry.
 *
 * @param number       the model's place in the session (1 for the first model seen)
 * @param name         the model's name
 * @param architecture the preset it matches ("tutorial", "dropout"...) or its spec, e.g. "784 → 300 relu → 10 softmax"
 * @param testAccuracy accuracy on the test set; NaN when not measured
 * @param validation   whether the points are validation accuracies (else training accuracies)
 * @param epochs       the epochs, 1-based
 * @param accuracy     the accuracy after each epoch, in percent
 */
public record ModelHistory(int number, String name, String architecture, double testAccuracy, boolean validation,
                           int[] epochs, double[] accuracy) {

    /** The history of {@code model}, numbered {@code number}. */
    public static ModelHistory of(int number, TrainedModel model) {
        List<EpochResult> history = model.history();
        boolean validation = !history.isEmpty() && history.stream().allMatch(EpochResult::hasValidation);
        int[] epochs = new int[history.size()];
        double[] accuracy = new double[history.size()];
        for (int i = 0; i < epochs.length; i++) {
            EpochResult r = history.get(i);
            epochs[i] = r.epoch();
            accuracy[i] = 100 * (validation ? r.valAccuracy() : r.accuracy());
        }
        return new ModelHistory(number, model.name(), architecture(model.network().spec()), model.testAccuracy(),
                validation, epochs, accuracy);
    }

    /** The preset a spec is, or the spec in its text form with arrows. */
    static String architecture(ModelSpec spec) {
        for (String preset : ModelSpec.PRESETS) {
            if (ModelSpec.preset(preset).equals(spec)) {
                return preset;
            }
        }
        return spec.toString().replace(" -> ", " → ");
    }

    /** This history under the model's new name (after "Save as"). */
    ModelHistory withName(String newName) {
        return new ModelHistory(number, newName, architecture, testAccuracy, validation, epochs, accuracy);
    }

    /** The legend entry, e.g. "1. mnist-mlp · tutorial · test 97.49%". */
    public String label() {
        String test = Double.isNaN(testAccuracy) ? Messages.get("history.noTest")
                : Messages.format("history.test", 100 * testAccuracy);
        String text = Messages.format("history.series", number, name, architecture, test);
        return validation ? text : text + " " + Messages.get("history.trainingOnly");
    }

    /** The most epochs shown. */
    public int lastEpoch() {
        return epochs.length == 0 ? 0 : epochs[epochs.length - 1];
    }
}
