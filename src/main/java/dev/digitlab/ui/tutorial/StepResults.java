package dev.digitlab.ui.tutorial;

import dev.digitlab.nn.LayerType;
import dev.digitlab.data.ImageSet;
import dev.digitlab.nn.LayerSpec;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Parameter;
import dev.digitlab.train.EpochResult;
import dev.digitlab.ui.evaluate.ModelHistory;
import java.util.ArrayList;
import java.util.List;

/** What a step's "Do it" produced, for the Tutorial view to draw beside its sentence. */
public final class StepResults {

    private StepResults() {
    }

    /** One image with its true label, pixels in [0, 1] as the network takes them. */
    public record Digit(float[] pixels, int rows, int cols, int label) {

        static Digit of(ImageSet images, int i) {
            return new Digit(images.image(i), images.rows(), images.cols(), images.label(i));
        }

        /** The pixel values as the file stores them, 0 to 255, before dividing by 255. */
        public int[] raw() {
            int[] raw = new int[pixels.length];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = Math.round(pixels[i] * 255);
            }
            return raw;
        }
    }

    /** The data set's counts and a few training images. */
    public record Data(int train, int test, int[] counts, List<Digit> samples) {
    }

    /** One digit before and after preparing it. */
    public record Pixels(Digit digit) {
    }

    /** One dense or conv layer and how many weights and biases it learns. */
    public record LayerRow(String layer, int inputs, int outputs, long count) {
    }

    /** The layers of a network, counted. */
    public record Layers(List<LayerRow> rows, long total) {

        /**
         * The layers of {@code spec} that learn something, each with its weights (inputs times
         * outputs; for a conv layer, a kernel's values times the filters) and its biases.
         */
        static Layers of(ModelSpec spec) {
            List<LayerSpec> learning = spec.layers().stream()
                    .filter(l -> l.is(LayerType.DENSE) || l.is(LayerType.CONV2D)).toList();
            List<Parameter> parameters = spec.parameters();
            List<LayerRow> rows = new ArrayList<>();
            for (int i = 0; i < learning.size(); i++) {
                int[] w = parameters.get(2 * i).shape();
                int outputs = w[w.length - 1];
                int inputs = parameters.get(2 * i).size() / outputs;
                rows.add(new LayerRow(kerasName(learning.get(i)), inputs, outputs,
                        (long) parameters.get(2 * i).size() + parameters.get(2 * i + 1).size()));
            }
            return new Layers(rows, spec.parameterCount());
        }

        /** The layer as Keras writes it, e.g. "Dense(128, relu)" or "Conv2D(32, 5×5, relu)". */
        static String kerasName(LayerSpec layer) {
            if (layer.is(LayerType.CONV2D)) {
                return "Conv2D(" + layer.filters() + ", " + layer.kernelHeight() + "\u00d7" + layer.kernelWidth() + ", "
                        + layer.activation() + ")";
            }
            return "Dense(" + layer.units() + ", " + layer.activation() + ")";
        }
    }

    /** A run's history, for the accuracy and loss curves. */
    public record Curves(List<EpochResult> history) {
    }

    /** A test image, what the network reads in it, and how sure it is. */
    public record Prediction(Digit digit, int predicted, float probability) {
    }

    /** The session's models on one chart, each with its test accuracy. */
    public record Comparison(List<ModelHistory> histories) {
    }
}
