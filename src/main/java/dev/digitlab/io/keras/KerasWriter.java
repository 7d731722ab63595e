package dev.digitlab.io.keras;

import com.google.gson.GsonBuilder;
import dev.digitlab.io.AtomicFile;
import dev.digitlab.io.ModelFileException;
import dev.digitlab.nn.Network;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a DigitLab network as a legacy Keras HDF5 file that {@code keras.models.load_model} reads
 * (tf.keras 2 and Keras 3): the root attributes {@code keras_version}, {@code backend} and
 * {@code model_config} (a Sequential model, as Keras 2 writes it), and the weights under
 * {@code model_weights/<layer>/<layer>/kernel:0} with the {@code layer_names} and
 * {@code weight_names} attributes (see {@link KerasExport}). The model takes what DigitLab's does:
 * 784 pixels / 255 per example (a conv network starts with a Reshape to 28x28x1). The write is atomic: a failure leaves any previous file as it was.
 */
public final class KerasWriter {

    /** The Keras version whose file layout this writes. */
    static final String KERAS_VERSION = "2.15.0";

    private final AtomicFile file;

    public KerasWriter() {
        this(new AtomicFile());
    }

    /** Writing through {@code file} (tests inject failures there). */
    public KerasWriter(AtomicFile file) {
        this.file = file;
    }

    /**
     * Writes {@code network} to {@code target} as a Keras {@code .h5} file.
     *
     * @throws ModelFileException saying in one sentence why it could not be written
     */
    public void write(Network network, Path target) {
        Network snapshot = network.copy();
        KerasExport export = KerasExport.of(snapshot);
        try {
            file.write(target, out -> {
                Path temp = Files.createTempFile("digitlab-keras", ".h5");
                try {
                    writeHdf5(export, temp);
                    Files.copy(temp, out);
                } finally {
                    Files.deleteIfExists(temp);
                }
            });
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ModelFileException("Could not export the model to " + target + ": " + why
                    + " (any previous file there is unchanged)", e);
        }
    }

    private static void writeHdf5(KerasExport export, Path path) {
        try (WritableHdfFile h5 = HdfFile.write(path)) {
            h5.putAttribute("keras_version", KERAS_VERSION);
            h5.putAttribute("backend", "tensorflow");
            h5.putAttribute("model_config", new GsonBuilder().serializeNulls().create().toJson(export.config()));
            WritableGroup weights = h5.putGroup("model_weights");
            weights.putAttribute("keras_version", KERAS_VERSION);
            weights.putAttribute("backend", "tensorflow");
            weights.putAttribute("layer_names", export.layerNames().toArray(new String[0]));
            for (String layer : export.layerNames()) {
                WritableGroup g = weights.putGroup(layer);
                Map<String, Object> values = export.weights().get(layer);
                if (values == null) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                WritableGroup inner = g.putGroup(layer);
                for (Map.Entry<String, Object> v : values.entrySet()) {
                    inner.putDataset(v.getKey() + ":0", v.getValue());
                    names.add(layer + "/" + v.getKey() + ":0");
                }
                g.putAttribute("weight_names", names.toArray(new String[0]));
            }
        }
    }
}
