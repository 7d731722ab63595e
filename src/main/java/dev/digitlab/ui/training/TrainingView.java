package dev.digitlab.ui.training;

import static dev.digitlab.ui.training.Widgets.label;

import dev.digitlab.ui.shared.PulseLog;
import dev.digitlab.ui.shared.TabView;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The Training tab: the settings form on the left ({@link TrainingFormView}), the accuracy and
 * loss charts on the right ({@link TrainingCharts}), the progress along the bottom. Built in plain
 * Java; everything it shows is bound to a {@link TrainingViewModel}.
 */
public final class TrainingView implements TabView {

    private final TrainingViewModel model;
    private final BorderPane root = new BorderPane();
    private final TrainingCharts charts;

    public TrainingView(TrainingViewModel model) {
        this.model = model;
        charts = new TrainingCharts(model);
        root.getStyleClass().add("training-view");
        root.getStylesheets().add(TrainingView.class.getResource("training.css").toExternalForm());
        root.setLeft(new TrainingFormView(model).root());
        root.setCenter(charts.root());
        root.setBottom(progressBar());
        PulseLog.ifEnabled(TrainingView.class).ifPresent(this::logPulses);
        PulseLog.ifEnabled(TrainingView.class).ifPresent(this::logRunPulses);
    }

    /** The tab's content. */
    @Override
    public Parent root() {
        return root;
    }

    /** The accuracy and loss charts, as {@code accuracy-chart} and {@code loss-chart}. */
    @Override
    public Map<String, Node> exportables() {
        return charts.exportables();
    }

    private Node progressBar() {
        ProgressBar bar = new ProgressBar();
        bar.setId("trainingProgress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label text = label("progressLabel", model.progressTextProperty());
        text.setMinWidth(Region.USE_PREF_SIZE);
        Label speed = label("speedLabel", model.speedTextProperty());
        Label left = label("timeLeftLabel", model.timeLeftTextProperty());
        speed.setMinWidth(Region.USE_PREF_SIZE);
        left.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(14, bar, text, speed, left);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("status-bar");
        box.setPadding(new Insets(8, 16, 8, 16));
        return box;
    }

    /** Logs, per epoch, its training seconds, the longest gap between two FX pulses and the FX threads' CPU use. */
    private void logPulses(PulseLog pulses) {
        pulses.restartWhen(model.phaseProperty(), TrainingViewModel.Phase.TRAINING)
                .logWhen(model.phaseProperty(), (old, now) -> old == TrainingViewModel.Phase.TRAINING
                        && now != TrainingViewModel.Phase.TRAINING ? "run ended, since the last epoch" : null)
                .logWhen(model.lastEpochProperty(), (old, r) -> r == null ? null
                        : String.format("epoch %d/%d trained in %.3f s, val_accuracy %.4f", r.epoch(), r.epochs(),
                                r.seconds(), r.valAccuracy()));
    }

    /** Logs the whole run's pulse figures when it ends: enough pulses for a p99 that means something. */
    private void logRunPulses(PulseLog pulses) {
        pulses.restartWhen(model.phaseProperty(), TrainingViewModel.Phase.TRAINING)
                .logWhen(model.phaseProperty(), (old, now) -> old == TrainingViewModel.Phase.TRAINING
                        && now != TrainingViewModel.Phase.TRAINING ? "run ended, the whole run" : null);
    }
}
