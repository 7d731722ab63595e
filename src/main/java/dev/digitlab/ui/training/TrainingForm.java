package dev.digitlab.ui.training;


import dev.digitlab.base.Mnist;
import dev.digitlab.nn.LayerType;
import dev.digitlab.nn.LayerTokens;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.optim.OptimizerConfig;
import dev.digitlab.train.TrainingConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The settings of the Training tab as text the user edits, checked as they type. Choosing a
 * {@link Preset} fills in every field; {@link #spec} and {@link #config} read a valid form. The
 * Layers field takes the tokens of {@link LayerTokens} (dense sizes, conv and pool layers), checked
 * against MNIST's 28x28 images.
 */
public final class TrainingForm {

    /** The two optimizers, in the order the form offers them. */
    public static final List<String> OPTIMIZERS = List.of(OptimizerConfig.ADAM, OptimizerConfig.SGD);

    static final int MAX_UNITS = 4096;
    static final int MAX_HIDDEN_LAYERS = 8;
    /** More filters than this make a conv layer too slow to train on two cores. */
    static final int MAX_FILTERS = 256;
    static final int MAX_IMAGE_LAYERS = 8;
    static final int MAX_EPOCHS = 1000;
    static final int MAX_BATCH = TrainingConfig.MAX_BATCH;

    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(this, "preset");
    private final ObjectProperty<String> optimizer = new SimpleObjectProperty<>(this, "optimizer", OptimizerConfig.ADAM);
    private final FormField<LayerTokens> layers = new FormField<>(FieldParsers.layers(Mnist.PIXELS, Mnist.CLASSES,
            MAX_UNITS, MAX_HIDDEN_LAYERS, MAX_FILTERS, MAX_IMAGE_LAYERS), "");
    private final FormField<Double> dropout = new FormField<>(FieldParsers.decimal(0, false, 1, "error.dropout"), "0");
    private final FormField<Double> learningRate =
            new FormField<>(FieldParsers.decimal(0, true, Double.POSITIVE_INFINITY, "error.learningRate"), "0.001");
    private final FormField<Double> decay =
            new FormField<>(FieldParsers.decimal(0, false, Double.POSITIVE_INFINITY, "error.decay"), "0");
    private final FormField<Integer> batchSize =
            new FormField<>(FieldParsers.wholeNumber(1, MAX_BATCH, "error.batchSize"), "64");
    private final FormField<Integer> epochs = new FormField<>(FieldParsers.wholeNumber(1, MAX_EPOCHS, "error.epochs"), "10");
    private final FormField<Double> validationSplit =
            new FormField<>(FieldParsers.decimal(0, false, 1, "error.validationSplit"), "0.2");
    private final FormField<Long> seed = new FormField<>(FieldParsers.anyWholeNumber("error.seed"), "42");
    private final BooleanBinding valid;

    /** A form filled with the tutorial preset. */
    public TrainingForm() {
        List<FormField<?>> fields = fields();
        valid = Bindings.createBooleanBinding(() -> fields.stream().allMatch(f -> f.errorProperty().get() == null),
                fields.stream().map(FormField::errorProperty).toArray(javafx.beans.Observable[]::new));
        preset.addListener((obs, old, now) -> {
            if (now != null) {
                fill(now);
            }
        });
        optimizer.addListener((obs, old, now) -> swapDefaultLearningRate(old, now));
        preset.set(Preset.TUTORIAL);
    }

    /** Every text field, in the order the form shows them. */
    public List<FormField<?>> fields() {
        return List.copyOf(fieldsByName().values());
    }

    /**
     * Every text field by a name that stays when the form's order changes, in the order the form
     * shows them: layers, dropout, learningRate, decay, batchSize, epochs, validationSplit, seed.
     */
    public Map<String, FormField<?>> fieldsByName() {
        Map<String, FormField<?>> named = new LinkedHashMap<>();
        named.put("layers", layers);
        named.put("dropout", dropout);
        named.put("learningRate", learningRate);
        named.put("decay", decay);
        named.put("batchSize", batchSize);
        named.put("epochs", epochs);
        named.put("validationSplit", validationSplit);
        named.put("seed", seed);
        return named;
    }

    private void fill(Preset p) {
        TrainingConfig t = TrainingConfig.tutorial();
        layers.textProperty().set(p.layers());
        dropout.textProperty().set(number(p.dropout()));
        optimizer.set(t.optimizer().name());
        learningRate.textProperty().set(number(t.optimizer().learningRate()));
        decay.textProperty().set(number(t.optimizer().decay()));
        batchSize.textProperty().set(Integer.toString(t.batchSize()));
        epochs.textProperty().set(Integer.toString(t.epochs()));
        validationSplit.textProperty().set(number(t.validationSplit()));
        seed.textProperty().set(Long.toString(t.seed()));
    }

    /** When the learning rate is the old optimizer's usual one, switch to the new one's (Adam 0.001, SGD 0.01). */
    private void swapDefaultLearningRate(String old, String now) {
        if (old == null || now == null) {
            return;
        }
        Double lr = learningRate.valueProperty().get();
        if (lr != null && lr == OptimizerConfig.defaults(old).learningRate()) {
            learningRate.textProperty().set(number(OptimizerConfig.defaults(now).learningRate()));
        }
    }

    /** 0.001, not 1.0E-3; 0, not 0.0. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Writes the fields' errors again in the default language, which has just changed. */
    public void languageChanged() {
        fields().forEach(FormField::recheck);
    }

    /** Whether every field holds a valid value. */
    public BooleanBinding validProperty() {
        return valid;
    }

    /**
     * The network the form describes: the conv and pool layers, then ReLU dense layers (each
     * followed by dropout when it is above 0) and a softmax layer. Without conv or pool layers it is
     * exactly {@link ModelSpec#mlp}, as before there were any.
     *
     * @throws IllegalStateException while a field is invalid
     */
    public ModelSpec spec(int inputs, int classes) {
        return layers.value().spec(inputs, dropout.value(), classes);
    }

    /**
     * A name for the model from its layers: "mlp-256-128" for dense layers only, else "cnn" with
     * each conv layer's filters and each dense size, e.g. "cnn-32-64-128".
     *
     * @throws IllegalStateException while the Layers field is invalid
     */
    public String modelName() {
        LayerTokens tokens = layers.value();
        List<Integer> sizes = new ArrayList<>();
        tokens.imageLayers().stream().filter(l -> l.is(LayerType.CONV2D))
                .forEach(l -> sizes.add(l.filters()));
        sizes.addAll(tokens.hidden());
        StringBuilder name = new StringBuilder(tokens.imageLayers().isEmpty() ? "mlp" : "cnn");
        sizes.forEach(n -> name.append('-').append(n));
        return name.toString();
    }

    /** The training settings the form describes. */
    public TrainingConfig config() {
        double lr = learningRate.value();
        OptimizerConfig opt = OptimizerConfig.SGD.equals(optimizer.get())
                ? OptimizerConfig.sgd(lr, 0).withDecay(decay.value())
                : OptimizerConfig.adam(lr, decay.value());
        return new TrainingConfig(epochs.value(), batchSize.value(), validationSplit.value(), seed.value(), opt);
    }

    /** The preset last chosen; choosing one fills in the form. */
    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    /** "adam" or "sgd". */
    public ObjectProperty<String> optimizerProperty() {
        return optimizer;
    }

    /** The optimizers to choose from. */
    public ObservableList<String> optimizers() {
        return FXCollections.observableArrayList(OPTIMIZERS);
    }

    /** The layers before the softmax, e.g. "conv5x5x32, pool2, 128" or "256, 128". */
    public FormField<LayerTokens> layers() {
        return layers;
    }

    public FormField<Double> dropout() {
        return dropout;
    }

    public FormField<Double> learningRate() {
        return learningRate;
    }

    public FormField<Double> decay() {
        return decay;
    }

    public FormField<Integer> batchSize() {
        return batchSize;
    }

    public FormField<Integer> epochs() {
        return epochs;
    }

    public FormField<Double> validationSplit() {
        return validationSplit;
    }

    public FormField<Long> seed() {
        return seed;
    }
}
