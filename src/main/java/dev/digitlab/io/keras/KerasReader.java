package dev.digitlab.io.keras;

import dev.digitlab.imaging.Preprocessing;
import dev.digitlab.io.ModelFileException;
import dev.digitlab.io.ModelReader;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.cpu.NdStart;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.Parameter;
import dev.digitlab.train.TrainedModel;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens the model files Keras writes: legacy HDF5 ({@code model.save('x.h5')}, Keras 2 and 3) and
 * Keras 3's {@code .keras} zip. The architecture is read from the file's {@code model_config} and
 * checked (layer types, shapes, size) before any weight is read; each weight is checked against the
 * shape the architecture gives it before its values are read, so a file cannot make DigitLab
 * allocate more than its model needs (at most {@link ModelReader#MAX_PARAMETERS} weights). Every
 * failure is a {@link ModelFileException} of one sentence naming the file.
 */
public final class KerasReader {

    /** The largest {@code model_config} or {@code config.json} read: 16 MB of JSON. */
    static final int MAX_CONFIG_BYTES = 16 << 20;

    /**
     * Created with the class, so SLF4J is set up before ND4J starts logging on its own thread: both at
     * once make SLF4J print a "replayed logging calls" warning (jhdf logs through SLF4J too).
     */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KerasReader.class);

    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final long maxFileBytes;
    private final long maxParameters;

    /** A reader with the limits of DigitLab's own model files. */
    public KerasReader() {
        this(ModelReader.MAX_FILE_BYTES, ModelReader.MAX_PARAMETERS);
    }

    /** A reader with other limits (tests use small ones). */
    public KerasReader(long maxFileBytes, long maxParameters) {
        this.maxFileBytes = maxFileBytes;
        this.maxParameters = maxParameters;
    }

    /**
     * Whether {@code file} is a Keras file rather than a DigitLab one: it starts as HDF5 or zip files
     * do, or, when it cannot be read, its name ends in {@code .h5}, {@code .hdf5} or {@code .keras}.
     */
    public static boolean isKerasFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(HDF5_MAGIC.length);
            return startsWith(head, HDF5_MAGIC) || startsWith(head, ZIP_MAGIC);
        } catch (IOException | RuntimeException e) {
            String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
            return name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".keras");
        }
    }

    /**
     * Imports the Keras model in {@code file}: a DigitLab network that computes what Keras computes,
     * named after the file, with its {@link TrainedModel#origin()} saying where it came from.
     *
     * @throws ModelFileException naming the file and what is wrong with it
     */
    public TrainedModel load(Path file) {
        Imported imported = read(file, true);
        return imported.model();
    }

    /** The architecture and origin of {@code file} without reading a weight or starting ND4J. */
    public Summary summary(Path file) {
        Imported imported = read(file, false);
        return new Summary(imported.spec(), imported.source());
    }

    /**
     * What a Keras file holds, read without its weights.
     *
     * @param spec   the DigitLab architecture it becomes
     * @param source where it came from
     */
    public record Summary(ModelSpec spec, KerasSource source) {
    }

    private record Imported(ModelSpec spec, KerasSource source, TrainedModel model) {
    }

    private Imported read(Path file, boolean withWeights) {
        String name = String.valueOf(file.getFileName());
        checkFile(file);
        if (withWeights) {
            NdStart.begin();
        }
        try {
            boolean zip;
            try (InputStream in = Files.newInputStream(file)) {
                zip = startsWith(in.readNBytes(4), ZIP_MAGIC);
            }
            return zip ? readZip(file, name, withWeights) : readHdf5(file, name, withWeights);
        } catch (KerasFormatException e) {
            throw new ModelFileException(file + ": " + e.getMessage(), e);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(file + " could not be read: " + e.getMessage(), e);
        } catch (RuntimeException | OutOfMemoryError e) {
            // jhdf's own errors on a damaged file (HdfException, buffer under- and overflows, ...).
            LOG.debug("reading {} failed", file, e);
            throw new ModelFileException(file + " is damaged or not a Keras model file (" + brief(e) + ")", e);
        }
    }

    private void checkFile(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new ModelFileException(file + " is a folder, not a model file");
            }
            long size = Files.size(file);
            if (size > maxFileBytes) {
                throw new ModelFileException(String.format(Locale.ROOT,
                        "%s is %,d bytes, larger than any model file DigitLab loads (at most %,d)", file, size,
                        maxFileBytes));
            }
            if (size == 0) {
                throw new ModelFileException(file + " is empty, not a model file");
            }
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new ModelFileException(file + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new ModelFileException(file + " could not be read: " + e.getMessage(), e);
        }
    }

    private Imported readHdf5(Path file, String name, boolean withWeights) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            if (!startsWith(in.readNBytes(HDF5_MAGIC.length), HDF5_MAGIC)) {
                throw new KerasFormatException("it is neither a Keras HDF5 (.h5) file nor a .keras file, nor a "
                        + "DigitLab model file");
            }
        }
        try (HdfFile h5 = new HdfFile(file)) {
            String json = text(h5.getAttribute("model_config"), "model_config");
            if (json == null) {
                throw new KerasFormatException("it holds weights only (as model.save_weights writes them), not the "
                        + "model's architecture; save the model with model.save('" + name + "')");
            }
            String version = text(h5.getAttribute("keras_version"), "keras_version");
            KerasConfig config = KerasConfig.parse(json);
            KerasPlan plan = KerasPlan.of(config, maxParameters);
            KerasSource source = source(name, "HDF5", version, plan);
            if (!withWeights) {
                return new Imported(plan.spec(), source, null);
            }
            Node weights = h5.getChild("model_weights");
            if (!(weights instanceof Group g)) {
                throw new KerasFormatException("it has no model_weights group, where Keras keeps the weights");
            }
            return build(file, plan, source, new LegacyWeights(g));
        }
    }

    private Imported readZip(Path file, String name, boolean withWeights) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String json = new String(entry(zip, "config.json", MAX_CONFIG_BYTES), StandardCharsets.UTF_8);
            String version = null;
            if (zip.getEntry("metadata.json") != null) {
                version = KerasMetadata.version(new String(entry(zip, "metadata.json", MAX_CONFIG_BYTES),
                        StandardCharsets.UTF_8));
            }
            KerasConfig config = KerasConfig.parse(json);
            KerasPlan plan = KerasPlan.of(config, maxParameters);
            KerasSource source = source(name, ".keras", version, plan);
            if (!withWeights) {
                return new Imported(plan.spec(), source, null);
            }
            byte[] weights = entry(zip, "model.weights.h5", maxFileBytes);
            try (HdfFile h5 = HdfFile.fromBytes(weights)) {
                return build(file, plan, source, new Keras3Weights(h5, config.layers()));
            }
        } catch (ZipException e) {
            throw new KerasFormatException("it is a damaged zip file, not a .keras file Keras could open ("
                    + e.getMessage() + ")");
        }
    }

    private static byte[] entry(ZipFile zip, String name, long limit) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new KerasFormatException("it is a zip file without " + name + ", so not a .keras model file");
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                throw new KerasFormatException(String.format(Locale.ROOT, "its %s unpacks to more than %,d bytes",
                        name, limit));
            }
            return bytes;
        }
    }

    private Imported build(Path file, KerasPlan plan, KerasSource source, KerasWeights weights) {
        List<float[]> values = KerasImport.weights(plan, weights);
        ModelSpec spec = plan.spec();
        NdStart.await();
        Network network = Network.create(spec, 0);
        List<Parameter> parameters = network.parameters();
        if (parameters.size() != values.size()) {
            throw new IllegalStateException("the import made " + values.size() + " weights for "
                    + parameters.size() + " parameters");
        }
        for (int i = 0; i < values.size(); i++) {
            network.setParameterValues(parameters.get(i).name(), values.get(i));
        }
        TrainedModel model = new TrainedModel(ModelReader.nameOf(file), network, null, null, null, List.of(),
                Double.NaN, modified(file), Preprocessing.DEFAULT, source.describe());
        return new Imported(spec, source, model);
    }

    private static KerasSource source(String name, String format, String version, KerasPlan plan) {
        String inputs = plan.rescaling != null ? plan.rescaling : "pixels / 255";
        return new KerasSource(name, format, version, inputs, plan.addedSoftmax);
    }

    /** A text attribute (HDF5 strings come as String or, fixed-length, as bytes), bounded in size. */
    private static String text(Attribute attribute, String what) {
        if (attribute == null) {
            return null;
        }
        if (attribute.getSizeInBytes() > MAX_CONFIG_BYTES) {
            throw new KerasFormatException("its " + what + " attribute is larger than "
                    + (MAX_CONFIG_BYTES >> 20) + " MB");
        }
        Object data = attribute.getData();
        if (data instanceof String s) {
            return s;
        }
        if (data instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (data instanceof String[] a && a.length == 1) {
            return a[0];
        }
        throw new KerasFormatException("its " + what + " attribute is not text");
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String brief(Throwable e) {
        String m = e.getMessage();
        String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
