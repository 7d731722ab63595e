package dev.digitlab.train.coach;

import java.util.List;

/**
 * One thing the coach has to say about a run: what it saw (the {@link Kind}, whose message the UI
 * looks up as {@code coach.<key>}, filled with {@code args}) and the change it proposes.
 *
 * @param kind       what the coach saw
 * @param args       the figures the message quotes, in the order of its placeholders
 * @param suggestion what to change in the form; may be {@link Suggestion#NONE}
 */
public record Advice(Kind kind, List<Object> args, Suggestion suggestion) {

    /** What the coach can see in a run, each with its message key. */
    public enum Kind {
        /** The loss became NaN or infinite; the run stopped. */
        LOSS_NOT_FINITE("lossNotFinite"),
        /** The training loss jumped up from one epoch to the next. */
        LOSS_JUMPED("lossJumped"),
        /** The training loss did not fall for an epoch. */
        LOSS_STALLED("lossStalled"),
        /** The validation loss rose for two epochs while the training loss fell. */
        OVERFITTING("overfitting"),
        /** The validation accuracy is well under the training accuracy. */
        ACCURACY_GAP("accuracyGap"),
        /** Both accuracies are low and still rising at the end: more epochs. */
        UNDERFITTING("underfitting"),
        /** Both accuracies are low and still rising at the end, and a hidden layer is narrow: wider layers. */
        UNDERFITTING_NARROW("underfittingNarrow"),
        /** A dense network ended between 92% and 96%: normal for it; more needs a CNN. */
        DENSE_CEILING("denseCeiling");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The message key, e.g. {@code coach.overfitting}. */
        public String key() {
            return "coach." + key;
        }
    }

    public Advice {
        args = List.copyOf(args);
    }
}
