package dev.digitlab.ui.teach;

import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.ProgressListener;
import dev.digitlab.imaging.strokes.LabelledDrawing;
import dev.digitlab.nn.Network;
import dev.digitlab.train.FineTuneConfig;
import dev.digitlab.train.OwnExamples;
import dev.digitlab.train.Teacher;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.ui.shared.DatasetSource;
import dev.digitlab.ui.shared.Messages;
import java.util.List;
import javafx.concurrent.Task;

/**
 * "Teach the model" in the background: the user's drawings are prepared as the Draw tab reads
 * them, MNIST is loaded (once per session), and a {@link Teacher} fine-tunes the model and checks
 * it. Built from immutable inputs; cancelled between any two steps. Its value is null when stopped.
 */
final class TeachTask extends Task<TeachTask.Result> {

    /**
     * What teaching made, and how long it took: first without the outcome (the model is made, the
     * checks are running), then with it.
     */
    record Result(Teacher.Outcome outcome, TrainedModel model, double seconds) {
    }

    private final TrainedModel base;
    private final List<LabelledDrawing> drawings;
    private final DatasetSource data;
    private final FineTuneConfig config;

    TeachTask(TrainedModel base, List<LabelledDrawing> drawings, DatasetSource data, FineTuneConfig config) {
        this.base = base;
        this.drawings = List.copyOf(drawings);
        this.data = data;
        this.config = config;
    }

    @Override
    protected Result call() {
        updateMessage(Messages.get("teach.stage.data"));
        MnistDataset mnist = data.load(ProgressListener.NONE);
        // Timed from here: loading MNIST happens once a session, teaching every time.
        long start = System.nanoTime();
        ImageSet own = OwnExamples.fromDrawings(drawings);
        Teacher.Outcome outcome = new Teacher(config).teach(base.network(), own, mnist.train(), mnist.test(),
                base.hasTestAccuracy() ? base.testAccuracy() : Double.NaN, new Teacher.Listener() {
                    private Teacher.Stage shown;

                    @Override
                    public void onProgress(Teacher.Stage stage, double done) {
                        updateProgress(done, 1);
                        if (stage != shown) {
                            shown = stage;
                            updateMessage(Messages.get("teach.stage." + stage.name().toLowerCase(java.util.Locale.ROOT)));
                        }
                    }

                    @Override
                    public void onTaught(Network network) {
                        Teacher.Outcome partial = new Teacher.Outcome(network, own.size(), Double.NaN, Double.NaN,
                                Double.NaN, Double.NaN);
                        updateValue(new Result(null, partial.model(base), (System.nanoTime() - start) / 1e9));
                    }

                    @Override
                    public boolean isCancelled() {
                        return TeachTask.this.isCancelled();
                    }
                });
        if (outcome == null) {
            return null;
        }
        return new Result(outcome, outcome.model(base), (System.nanoTime() - start) / 1e9);
    }
}
