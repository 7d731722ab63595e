package dev.digitlab.ui.tutorial;

import dev.digitlab.data.DataException;
import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.io.ModelReader;
import dev.digitlab.train.Predictions;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.ui.shared.DatasetSource;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.concurrent.Task;

/**
 * The save step's check, on a background thread: reads the saved file back and counts the test
 * images it reads as the model in memory does. Its value: the file's size in KB, its weights, the
 * same readings (-1 without images) and the images checked.
 */
final class SaveCheck extends Task<String[]> {

    private static final int CHECKED_IMAGES = 100;

    private final Path file;
    private final TrainedModel inMemory;
    private final MnistDataset loaded;
    private final DatasetSource source;

    /**
     * @param file     the file just saved
     * @param inMemory the model that was saved
     * @param loaded   the data set already in memory, or null to load it from {@code source}
     */
    SaveCheck(Path file, TrainedModel inMemory, MnistDataset loaded, DatasetSource source) {
        this.file = file;
        this.inMemory = inMemory;
        this.loaded = loaded;
        this.source = source;
    }

    @Override
    protected String[] call() throws Exception {
        TrainedModel back = new ModelReader().load(file);
        MnistDataset images = loaded != null ? loaded : testImages();
        long kb = Math.max(1, Files.size(file) / 1024);
        int checked = images == null ? 0 : Math.min(CHECKED_IMAGES, images.test().size());
        int same = checked == 0 ? -1 : sameReadings(inMemory, back, images.test().slice(0, checked));
        return new String[] {Long.toString(kb), Long.toString(back.network().parameterCount()),
            Integer.toString(same), Integer.toString(checked)};
    }

    /** The data set (shared with the other tabs, so usually already in memory), or null when there is none. */
    private MnistDataset testImages() {
        try {
            return source.load((file, done, total) -> { });
        } catch (DataException e) {
            return null;
        }
    }

    /** How many of {@code images} the two models read as the same digit. */
    private static int sameReadings(TrainedModel a, TrainedModel b, ImageSet images) {
        Predictions pa = Predictions.of(a.network(), images);
        Predictions pb = Predictions.of(b.network(), images);
        int same = 0;
        for (int i = 0; i < images.size(); i++) {
            same += pa.predicted(i) == pb.predicted(i) ? 1 : 0;
        }
        return same;
    }
}
