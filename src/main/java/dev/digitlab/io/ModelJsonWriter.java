package dev.digitlab.io;

import com.google.gson.FormattingStyle;
import com.google.gson.JsonElement;
import com.google.gson.stream.JsonWriter;
import dev.digitlab.imaging.Preprocessing;
import dev.digitlab.nn.LayerSpec;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.optim.OptimizerConfig;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.TrainingConfig;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes the model file format, version {@value ModelJson#VERSION}: a {@link ModelHeader} (and the
 * weight values) as JSON. The header is pretty-printed; each layer, epoch and weight is one
 * compact line.
 */
final class ModelJsonWriter {

    private static final FormattingStyle PRETTY = FormattingStyle.PRETTY.withIndent("  ");

    private ModelJsonWriter() {
    }

    /**
     * Writes a model file.
     *
     * @param values the base64 values of each weight of {@code header.weights()}, in order; null
     *               to leave them out (what {@code info --json} shows)
     */
    static void write(Writer out, ModelHeader h, List<String> values) throws IOException {
        JsonWriter w = new JsonWriter(out);
        w.setFormattingStyle(PRETTY);
        w.setSerializeNulls(true);
        w.setHtmlSafe(false);
        w.beginObject();
        w.name("format").value(ModelJson.FORMAT);
        w.name("version").value(ModelJson.VERSION);
        w.name("name").value(h.name());
        w.name("created").value(h.created() == null ? null : h.created().toString());
        w.name("app_version").value(h.appVersion());
        writeArchitecture(w, h);
        writeTraining(w, h.config());
        w.name("dataset");
        if (h.datasetName() == null && h.datasetChecksum() == null) {
            w.nullValue();
        } else {
            w.beginObject().name("name").value(h.datasetName()).name("checksum").value(h.datasetChecksum()).endObject();
        }
        w.name("test_accuracy");
        number(w, h.testAccuracy());
        writeHistory(w, h.history());
        if (h.adaptation() != null) {
            // Only in adapted models, so every other file stays byte for byte as before.
            w.name("adapted_from").beginObject().name("base_model").value(h.adaptation().baseModel())
                    .name("user_drawings").value(h.adaptation().drawings()).endObject();
        }
        Preprocessing p = h.preprocessing();
        w.name("preprocessing").beginObject().name("method").value(p.method()).name("box").value(p.box())
                .name("field").value(p.field()).name("centring").value(p.centring()).endObject();
        writeWeights(w, h.weights(), values);
        w.endObject();
        w.flush();
    }

    /** One compact line per weight: name, shape, dtype, checksum and (unless null) the base64 values. */
    private static void writeWeights(JsonWriter w, List<ModelHeader.WeightInfo> weights, List<String> values)
            throws IOException {
        w.name("weights").beginArray();
        for (int i = 0; i < weights.size(); i++) {
            ModelHeader.WeightInfo weight = weights.get(i);
            compact(w, true);
            w.name("name").value(weight.name());
            w.name("shape").beginArray();
            for (int d : weight.shape()) {
                w.value(d);
            }
            w.endArray();
            w.name("dtype").value(ModelJson.DTYPE);
            w.name("sha256").value(weight.sha256());
            if (values != null) {
                w.name("values").value(values.get(i));
            }
            compact(w, false);
        }
        w.endArray();
    }

    /** The header as JSON text, without the weight values. */
    static String headerOnly(ModelHeader header) {
        StringWriter text = new StringWriter();
        try {
            write(text, header, null);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return text.toString();
    }

    private static void writeArchitecture(JsonWriter w, ModelHeader h) throws IOException {
        ModelSpec spec = h.spec();
        w.name("architecture").beginObject();
        w.name("text").value(spec.toString());
        w.name("inputs").value(spec.inputs());
        w.name("layers").beginArray();
        for (LayerSpec layer : spec.layers()) {
            // From the record's components, so that fields later layer types add to LayerSpec are stored too.
            compact(w, true);
            for (Map.Entry<String, JsonElement> field : JsonTrees.fromRecord(layer).entrySet()) {
                w.name(field.getKey());
                JsonTrees.write(w, field.getValue());
            }
            compact(w, false);
        }
        w.endArray();
        w.name("init_seed").value(h.initSeed());
        w.endObject();
    }

    private static void writeTraining(JsonWriter w, TrainingConfig c) throws IOException {
        w.name("training");
        if (c == null) {
            w.nullValue();
            return;
        }
        OptimizerConfig o = c.optimizer();
        w.beginObject();
        w.name("epochs").value(c.epochs());
        w.name("batch_size").value(c.batchSize());
        w.name("validation_split").value(c.validationSplit());
        w.name("seed").value(c.seed());
        w.name("optimizer").beginObject();
        w.name("name").value(o.name());
        w.name("learning_rate").value(o.learningRate());
        w.name("decay").value(o.decay());
        w.name("beta1").value(o.beta1());
        w.name("beta2").value(o.beta2());
        w.name("epsilon").value(o.epsilon());
        w.name("momentum").value(o.momentum());
        w.endObject();
        w.endObject();
    }

    private static void writeHistory(JsonWriter w, List<EpochResult> history) throws IOException {
        w.name("history").beginArray();
        for (EpochResult r : history) {
            compact(w, true);
            w.name("epoch").value(r.epoch());
            w.name("loss");
            number(w, r.loss());
            w.name("accuracy");
            number(w, r.accuracy());
            w.name("val_loss");
            number(w, r.valLoss());
            w.name("val_accuracy");
            number(w, r.valAccuracy());
            w.name("seconds");
            number(w, r.seconds());
            compact(w, false);
        }
        w.endArray();
    }

    /** Opens (or closes) an object written on one line inside the pretty-printed text. */
    private static void compact(JsonWriter w, boolean open) throws IOException {
        if (open) {
            w.beginObject();
            w.setFormattingStyle(FormattingStyle.COMPACT);
        } else {
            w.endObject();
            w.setFormattingStyle(PRETTY);
        }
    }

    /** JSON has no NaN: an unknown figure is null. */
    private static void number(JsonWriter w, double value) throws IOException {
        if (Double.isFinite(value)) {
            w.value(value);
        } else {
            w.nullValue();
        }
    }
}
