package dev.digitlab.ui.shell;

import dev.digitlab.data.ProgressListener;
import dev.digitlab.io.keras.ModelOpener;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.ui.shared.DatasetSource;
import java.nio.file.Path;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a model file the user opens (on the background thread). A model from elsewhere (a Keras
 * file records no test accuracy) gets its MNIST test accuracy measured here when the data can be
 * had, so the Draw tab shows it beside DigitLab's own models.
 */
final class MeasuringReader implements Function<Path, TrainedModel> {

    private static final Logger LOG = LoggerFactory.getLogger(MeasuringReader.class);

    private final Function<Path, TrainedModel> reader;
    private final DatasetSource data;

    MeasuringReader(Function<Path, TrainedModel> reader, DatasetSource data) {
        this.reader = reader;
        this.data = data;
    }

    @Override
    public TrainedModel apply(Path path) {
        TrainedModel model = reader.apply(path);
        if (model.origin() == null || model.hasTestAccuracy()) {
            return model;
        }
        try {
            return ModelOpener.withMeasuredAccuracy(model, data.load(ProgressListener.NONE).test());
        } catch (RuntimeException e) {
            LOG.info("the test accuracy of {} was not measured: {}", path, e.getMessage());
            return model;
        }
    }
}
