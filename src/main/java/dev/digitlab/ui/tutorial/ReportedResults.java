package dev.digitlab.ui.tutorial;

import dev.digitlab.nn.ModelSpec;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.Evaluation;
import dev.digitlab.train.TrainedModel;
import dev.digitlab.train.TrainingConfig;
import dev.digitlab.ui.evaluate.ModelHistory;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.TestImage;
import java.util.List;

/**
 * What the other tabs report (a finished run, an evaluation, a random test image), turned into the
 * tutorial's step results: the steps they do are done, with the learner's own figures.
 */
final class ReportedResults {

    private ReportedResults() {
    }

    /** A training run ended: the train and plot steps show its figures, and the improve step when it differs. */
    static void runEnded(TutorialViewModel tutorial, TrainedModel model, List<ModelHistory> histories) {
        var history = model.history();
        if (history.isEmpty()) {
            return;
        }
        EpochResult last = history.get(history.size() - 1);
        double test = 100 * model.testAccuracy();
        // Without validation images there is no validation accuracy to quote.
        String key = last.hasValidation() ? "tutorial.train.result" : "tutorial.train.resultNoValidation";
        tutorial.finish(TutorialStep.TRAIN, () -> Messages.format(key, history.size(),
                100 * last.accuracy(), 100 * last.valAccuracy(), test), new StepResults.Curves(history));
        tutorial.finish(TutorialStep.PLOT, () -> Messages.format("tutorial.plot.result", model.name()),
                new StepResults.Curves(history));
        if (improved(model)) {
            String name = model.name();
            tutorial.finish(TutorialStep.IMPROVE, () -> Messages.format("tutorial.improve.result", name, test),
                    new StepResults.Comparison(histories));
        }
    }

    /** Whether a model differs from the tutorial's: another network, or learning-rate decay. */
    static boolean improved(TrainedModel model) {
        TrainingConfig config = model.config();
        boolean decay = config != null
                && config.optimizer().decay() > TrainingConfig.tutorial().optimizer().decay();
        return decay || !ModelSpec.preset("tutorial").equals(model.network().spec());
    }

    /** An evaluation ended: the evaluate step says how it compares with the tutorial's figure. */
    static void evaluated(TutorialViewModel tutorial, Evaluation result) {
        double accuracy = 100 * result.accuracy();
        int count = result.count();
        String verdict = accuracy < 97.5 ? "tutorial.evaluate.below"
                : accuracy <= 98 ? "tutorial.evaluate.expected" : "tutorial.evaluate.above";
        tutorial.finish(TutorialStep.EVALUATE, () -> Messages.format("tutorial.evaluate.result", accuracy, count)
                + " " + Messages.get(verdict), null);
    }

    /** A random test image was read: the predict step shows it and what the model said. */
    static void predicted(TutorialViewModel tutorial, TestImage image) {
        StepResults.Digit digit = new StepResults.Digit(image.pixels(), image.rows(), image.cols(), image.label());
        int predicted = image.predicted();
        float probability = image.topProbability();
        String key = image.correct() ? "tutorial.predict.right" : "tutorial.predict.wrong";
        tutorial.finish(TutorialStep.PREDICT, () -> Messages.format(key, image.index(), predicted, 100 * probability,
                digit.label()), new StepResults.Prediction(digit, predicted, probability));
    }
}
