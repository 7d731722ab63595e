package dev.digitlab.io.keras;

import dev.digitlab.data.ImageSet;
import dev.digitlab.io.ModelReader;
import dev.digitlab.train.Evaluator;
import dev.digitlab.train.TrainedModel;
import java.nio.file.Path;

/**
 * Opens any model file a user may bring: DigitLab's own JSON, or a Keras {@code .h5} or
 * {@code .keras} file, told apart by their first bytes (not by their names).
 */
public final class ModelOpener {

    private ModelOpener() {
    }

    /**
     * Loads the model in {@code file}, whichever kind it is.
     *
     * @throws dev.digitlab.io.ModelFileException naming the file and what is wrong with it
     */
    public static TrainedModel load(Path file) {
        return KerasReader.isKerasFile(file) ? new KerasReader().load(file) : new ModelReader().load(file);
    }

    /**
     * The model with its accuracy on {@code test} as DigitLab measures it, when it came from
     * elsewhere and none was recorded (a Keras file knows none); otherwise the model as it is.
     */
    public static TrainedModel withMeasuredAccuracy(TrainedModel model, ImageSet test) {
        if (model.origin() == null || model.hasTestAccuracy() || test == null
                || test.imageSize() != model.network().inputs()) {
            return model;
        }
        return model.withTestAccuracy(Evaluator.evaluate(model.network(), test).accuracy());
    }
}
