package dev.digitlab.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.digitlab.imaging.Preprocessing;
import dev.digitlab.nn.LayerSpec;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Parameter;
import dev.digitlab.nn.optim.OptimizerConfig;
import dev.digitlab.train.Adaptation;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.TrainingConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The model file format, version {@value #VERSION}: reads and checks a {@link ModelHeader} from the
 * parsed JSON ({@link ModelJsonWriter} writes it). {@code models/README.md} documents the fields.
 */
final class ModelJson {

    /** The value of the {@code format} field. */
    static final String FORMAT = "digitlab-model";
    /** The newest format version this DigitLab reads, and the one it writes. */
    static final int VERSION = 1;
    /** Every weight is little-endian float32, written as numpy writes that dtype. */
    static final String DTYPE = "<f4";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private ModelJson() {
    }

    /**
     * Checks that the file is a DigitLab model in a version this DigitLab reads: the first thing
     * checked, so that a newer file is reported as newer rather than as damaged.
     */
    static void checkFormat(JsonObject header, String source) {
        JsonElement format = header.get("format");
        if (format == null || format.isJsonNull()) {
            throw new ModelFileException(source + " is not a DigitLab model file (it has no field \"format\": \""
                    + FORMAT + "\")");
        }
        if (!format.isJsonPrimitive() || !FORMAT.equals(format.getAsString())) {
            throw new ModelFileException(source + " is not a DigitLab model file (its format is "
                    + Fields.describe(format) + ", not \"" + FORMAT + "\")");
        }
        int version = new Fields(header, "", source).integer("version");
        if (version > VERSION) {
            throw new ModelFileException(source + " was made by a newer DigitLab (format version " + version
                    + "); this one reads up to version " + VERSION);
        }
        if (version < 1) {
            throw new ModelFileException(source + " has format version " + version
                    + ", which no DigitLab writes (versions start at 1)");
        }
    }

    /**
     * Reads and checks the header of a parsed file whose format was checked: the architecture
     * first (and its size, before anything is allocated for it), then the rest, then that the
     * stored weights are exactly the ones the architecture needs.
     */
    static ModelHeader header(ModelFileParser.RawModel raw, String source, long maxParameters) {
        Fields root = new Fields(raw.header(), "", source);
        int version = root.integer("version");
        Fields arch = root.object("architecture");
        ModelSpec spec = spec(arch, source);
        List<ModelHeader.WeightInfo> expected = expectedWeights(spec, source, maxParameters);
        long initSeed = arch.has("init_seed") ? arch.longInteger("init_seed") : 0;

        TrainingConfig config = training(root.optionalObject("training"), source);
        Fields dataset = root.optionalObject("dataset");
        String datasetName = dataset == null ? null : dataset.optionalString("name");
        String datasetChecksum = dataset == null ? null : dataset.optionalString("checksum");
        List<EpochResult> history = history(root, config);
        double testAccuracy = root.optionalNumber("test_accuracy");
        Preprocessing preprocessing = preprocessing(root.optionalObject("preprocessing"), source);
        Instant created = created(root);
        List<ModelHeader.WeightInfo> weights = weights(raw, root, spec, expected, source);
        Fields adapted = root.optionalObject("adapted_from");
        Adaptation adaptation = adapted == null ? null
                : new Adaptation(adapted.optionalString("base_model"), Math.max(0, adapted.integer("user_drawings")));
        return new ModelHeader(version, root.optionalString("name"), created, root.optionalString("app_version"),
                spec, initSeed, config, datasetName, datasetChecksum, history, testAccuracy, preprocessing, weights,
                adaptation);
    }

    private static ModelSpec spec(Fields arch, String source) {
        int inputs = arch.integer("inputs");
        JsonArray layerArray = arch.array("layers");
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < layerArray.size(); i++) {
            Fields layer = arch.element("layers", layerArray, i);
            try {
                layers.add(JsonTrees.toRecord(layer.json(), LayerSpec.class));
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(source + ": the layer '" + layer.path() + "' is not valid: "
                        + e.getMessage());
            }
        }
        ModelSpec spec;
        try {
            spec = new ModelSpec(inputs, layers);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(source + ": its architecture is not valid: " + e.getMessage());
        }
        String text = arch.optionalString("text");
        if (text != null && !sameSpec(text, spec)) {
            throw new ModelFileException(source + ": its architecture text '" + text
                    + "' does not match its layers (" + spec + ")");
        }
        return spec;
    }

    private static boolean sameSpec(String text, ModelSpec spec) {
        try {
            // Compared in the canonical text form, which stands for the spec exactly: a record's
            // equals() would cost a fresh JVM (digitlab info) some 50 ms of method-handle set-up.
            return ModelSpec.parse(text).toString().equals(spec.toString());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The weights a network of {@code spec} has (names and shapes as {@code nn.Network} names them),
     * refusing an architecture with more than {@code maxParameters} values before anything is
     * allocated for it. Sizes are added up exactly, so no overflow can let a huge layer through.
     */
    static List<ModelHeader.WeightInfo> expectedWeights(ModelSpec spec, String source, long maxParameters) {
        long total = spec.parameterCount();
        if (total > maxParameters) {
            NumberFormat f = NumberFormat.getIntegerInstance(Locale.ROOT);
            f.setGroupingUsed(true);
            throw new ModelFileException(source + ": its architecture " + spec + " has " + f.format(total)
                    + " parameters, more than the " + f.format(maxParameters) + " DigitLab loads");
        }
        List<ModelHeader.WeightInfo> weights = new ArrayList<>();
        for (Parameter p : spec.parameters()) {
            weights.add(new ModelHeader.WeightInfo(p.name(), p.shape(), ""));
        }
        return weights;
    }

    private static TrainingConfig training(Fields t, String source) {
        if (t == null) {
            return null;
        }
        Fields o = t.object("optimizer");
        try {
            OptimizerConfig optimizer = new OptimizerConfig(o.string("name"), o.number("learning_rate"),
                    o.number("decay"), o.number("beta1"), o.number("beta2"), o.number("epsilon"),
                    o.number("momentum"));
            return new TrainingConfig(t.integer("epochs"), t.integer("batch_size"), t.number("validation_split"),
                    t.longInteger("seed"), optimizer);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(source + ": its training settings are not valid: " + e.getMessage());
        }
    }

    private static List<EpochResult> history(Fields root, TrainingConfig config) {
        JsonArray entries = root.optionalArray("history");
        int epochs = config != null ? config.epochs() : entries.size();
        List<EpochResult> history = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Fields e = root.element("history", entries, i);
            history.add(new EpochResult(e.integer("epoch"), epochs, e.number("loss"), e.number("accuracy"),
                    e.optionalNumber("val_loss"), e.optionalNumber("val_accuracy"), e.number("seconds")));
        }
        return history;
    }

    private static Preprocessing preprocessing(Fields p, String source) {
        if (p == null) {
            return Preprocessing.DEFAULT;
        }
        try {
            return new Preprocessing(p.string("method"), p.integer("box"), p.integer("field"), p.string("centring"));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(source + ": its preprocessing is not valid: " + e.getMessage());
        }
    }

    private static Instant created(Fields root) {
        String text = root.optionalString("created");
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw root.wrongType("created", "an ISO-8601 time such as 2025-01-31T12:00:00Z",
                    root.json().get("created"));
        }
    }

    /** The stored weights, checked against the ones the architecture needs: same names, same shapes. */
    private static List<ModelHeader.WeightInfo> weights(ModelFileParser.RawModel raw, Fields root, ModelSpec spec,
                                                        List<ModelHeader.WeightInfo> expected, String source) {
        if (raw.weights() == null) {
            root.require("weights");
        }
        if (raw.weightsNotAList() != null) {
            throw new ModelFileException(source + ": the field 'weights' should be a list, not "
                    + Fields.describe(raw.weightsNotAList()));
        }
        Map<String, int[]> needed = new HashMap<>();
        for (ModelHeader.WeightInfo w : expected) {
            needed.put(w.name(), w.shape());
        }
        List<ModelHeader.WeightInfo> weights = new ArrayList<>();
        for (int i = 0; i < raw.weights().size(); i++) {
            Fields f = Fields.object(raw.weights().get(i).fields(), "weights[" + i + "]", source);
            weights.add(weight(f, needed, weights, spec, source));
        }
        for (ModelHeader.WeightInfo w : expected) {
            if (needed.containsKey(w.name())) {
                throw new ModelFileException(source + " lacks the weight " + w.name() + " " + Arrays.toString(w.shape())
                        + " that its architecture needs");
            }
        }
        return weights;
    }

    /**
     * One stored weight, checked: float32 values with a SHA-256, and a name the architecture needs
     * (taken off {@code needed}) with the shape it needs; {@code before} are the weights read so far.
     */
    private static ModelHeader.WeightInfo weight(Fields f, Map<String, int[]> needed,
                                                 List<ModelHeader.WeightInfo> before, ModelSpec spec, String source) {
        String name = f.string("name");
        int[] shape = shape(f);
        String dtype = f.string("dtype");
        if (!DTYPE.equals(dtype)) {
            throw new ModelFileException(source + ": weight " + name + " is stored as '" + dtype
                    + "', but DigitLab reads only little-endian float32 ('" + DTYPE + "')");
        }
        String sha = f.string("sha256");
        if (!SHA256.matcher(sha).matches()) {
            throw f.wrongType("sha256", "64 hexadecimal digits", f.json().get("sha256"));
        }
        int[] want = needed.remove(name);
        if (want == null) {
            boolean twice = before.stream().anyMatch(w -> w.name().equals(name));
            throw new ModelFileException(source + (twice ? " holds the weight " + name + " twice"
                    : " holds a weight " + name + " that its architecture " + spec + " does not have"));
        }
        if (!Arrays.equals(want, shape)) {
            throw new ModelFileException(source + ": weight " + name + " has shape " + Arrays.toString(shape)
                    + ", but the architecture needs " + Arrays.toString(want));
        }
        return new ModelHeader.WeightInfo(name, shape, sha.toLowerCase(Locale.ROOT));
    }

    private static int[] shape(Fields f) {
        JsonArray dims = f.array("shape");
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonElement d = dims.get(i);
            int value = -1;
            if (d.isJsonPrimitive() && d.getAsJsonPrimitive().isNumber()) {
                try {
                    BigDecimal exact = JsonTrees.decimal(d.getAsString());
                    value = exact == null ? -1 : exact.intValueExact();
                } catch (ArithmeticException e) {
                    value = -1;
                }
            }
            if (value < 0) {
                throw f.wrongType("shape", "a list of whole numbers", dims);
            }
            shape[i] = value;
        }
        return shape;
    }
}
