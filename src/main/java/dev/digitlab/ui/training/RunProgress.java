package dev.digitlab.ui.training;

import dev.digitlab.train.BatchProgress;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.ui.shared.LocalText;
import dev.digitlab.ui.shared.Messages;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.concurrent.Task;

/**
 * The figures along the bottom of the Training tab: how far the data load or the run is, the
 * speed, the time left, and how the last run ended with its test accuracy. Use on the FX thread.
 */
final class RunProgress {

    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final LocalText progressText = new LocalText(this, "progressText", () -> Messages.get("progress.ready"));
    private final LocalText speedText = new LocalText(this, "speedText", () -> "");
    private final LocalText timeLeftText = new LocalText(this, "timeLeftText", () -> "");
    private final LocalText testAccuracyText = new LocalText(this, "testAccuracyText", () -> Messages.get("test.none"));
    private long startNanos;

    /** {@code task} starts: the bar follows it, and the speed and time left of a run before go. */
    void follow(Task<?> task) {
        progress.bind(task.progressProperty());
        speedText.setFixed("");
        timeLeftText.setFixed("");
    }

    /** The text shows {@code message} (e.g. a download's progress) until {@link #stopFollowing()}. */
    void showMessages(ObservableValue<String> message) {
        progressText.bind(message);
    }

    /** The task ended: the figures stay where they were. */
    void stopFollowing() {
        progress.unbind();
        progressText.unbind();
    }

    void say(String key) {
        progressText.set(() -> Messages.get(key));
    }

    /** The run's first batch starts now; the time left counts from here. */
    void runStarted() {
        startNanos = System.nanoTime();
    }

    /** Shows where the run is after {@code p}. */
    void batch(BatchProgress p) {
        progressText.set(() -> Messages.format("progress.batch", p.epoch(), p.epochs(), p.batch(), p.batches()));
        long speed = Math.round(p.samplesPerSecond());
        speedText.set(() -> Messages.format("progress.speed", speed));
        double done = ((double) (p.epoch() - 1) * p.batches() + p.batch()) / ((double) p.epochs() * p.batches());
        if (done > 0.005) {
            long left = Math.round(elapsedSeconds() * (1 - done) / done);
            timeLeftText.set(() -> Messages.format("progress.timeLeft", left / 60, String.format("%02d", left % 60)));
        }
    }

    /** Run {@code number} ended with {@code model}, {@code stopped} early or not; call after {@link #stopFollowing()}. */
    void finished(int number, TrainedModel model, boolean stopped) {
        if (!stopped) {
            progress.set(1);
        }
        timeLeftText.setFixed("");
        double accuracy = 100 * model.testAccuracy();
        testAccuracyText.set(() -> Messages.format("test.accuracy", accuracy, Messages.format("chart.run", number)));
        int epochs = model.history().size();
        int planned = model.config().epochs();
        double seconds = elapsedSeconds();
        progressText.set(stopped
                ? () -> Messages.format("progress.stopped", epochs, planned, accuracy)
                : () -> Messages.format("progress.finished", epochs, seconds, accuracy));
    }

    /** The load or run failed. */
    void failed() {
        progress.set(0);
        speedText.setFixed("");
        timeLeftText.setFixed("");
        say("progress.failed");
    }

    /** Composes the texts again in the default language. */
    void languageChanged() {
        progressText.recompose();
        speedText.recompose();
        timeLeftText.recompose();
        testAccuracyText.recompose();
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty progressTextProperty() {
        return progressText.property();
    }

    ReadOnlyStringProperty speedTextProperty() {
        return speedText.property();
    }

    ReadOnlyStringProperty timeLeftTextProperty() {
        return timeLeftText.property();
    }

    ReadOnlyStringProperty testAccuracyTextProperty() {
        return testAccuracyText.property();
    }
}
