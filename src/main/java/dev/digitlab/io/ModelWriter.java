package dev.digitlab.io;

import dev.digitlab.imaging.Preprocessing;
import dev.digitlab.nn.Network;
import dev.digitlab.nn.Parameter;
import dev.digitlab.train.TrainedModel;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves a {@link TrainedModel} as a model file (format described in {@code models/README.md}),
 * atomically: a failed save leaves any previous file untouched and throws a
 * {@link ModelFileException} whose message says why in one sentence.
 */
public final class ModelWriter {

    private final String appVersion;
    private final AtomicFile file;

    /**
     * @param appVersion the DigitLab version to record in the files (e.g. {@code AppVersion.current()})
     */
    public ModelWriter(String appVersion) {
        this(appVersion, new AtomicFile());
    }

    /** As {@link #ModelWriter(String)}, writing through {@code file} (tests inject failures there). */
    public ModelWriter(String appVersion, AtomicFile file) {
        this.appVersion = appVersion;
        this.file = file;
    }

    /**
     * Saves {@code model}, with its preprocessing recipe, to {@code target}, replacing it atomically.
     *
     * @throws ModelFileException when it cannot be saved; {@code target} is then as it was
     */
    public void save(TrainedModel model, Path target) {
        Preprocessing preprocessing = model.preprocessing();
        // One consistent picture of the weights, even if a training thread is still stepping.
        Network snapshot = model.network().copy();
        List<ModelHeader.WeightInfo> weights = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Parameter p : snapshot.parameters()) {
            float[] v = snapshot.parameterValues(p.name());
            for (float x : v) {
                if (!Float.isFinite(x)) {
                    throw new ModelFileException("Could not save the model to " + target + ": its weight " + p.name()
                            + " holds " + x + ", so it could not predict anything");
                }
            }
            byte[] bytes = WeightCodec.bytes(v);
            weights.add(new ModelHeader.WeightInfo(p.name(), p.shape(), WeightCodec.sha256(bytes)));
            values.add(WeightCodec.base64(bytes));
        }
        ModelHeader header = new ModelHeader(ModelJson.VERSION, model.name(), model.created(), appVersion,
                snapshot.spec(), snapshot.seed(), model.config(), model.datasetName(), model.datasetChecksum(),
                model.history(), model.testAccuracy(), preprocessing, weights, model.adaptation());
        try {
            file.write(target, out -> {
                Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                ModelJsonWriter.write(text, header, values);
                text.flush();
            });
        } catch (IOException e) {
            throw new ModelFileException(failure(target, why(target, e)), e);
        }
    }

    /**
     * Checks, before a long training run, that a model could be saved to {@code target}: its
     * folder exists and is writable, and it is not itself a folder.
     *
     * @throws ModelFileException saying what stands in the way
     */
    public void checkWritable(Path target) {
        Path dir = folder(target);
        if (Files.isDirectory(target)) {
            throw new ModelFileException(failure(target, "it is a folder"));
        }
        if (!Files.isDirectory(dir)) {
            throw new ModelFileException(failure(target, "the folder " + dir + " does not exist"));
        }
        if (!Files.isWritable(dir)) {
            throw new ModelFileException(failure(target, "the folder " + dir + " is not writable"));
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ModelFileException(failure(target, AtomicFile.NOT_REGULAR));
        }
        try {
            // Writable by its permissions is not enough (/proc, a read-only mount): try it.
            Files.delete(Files.createTempFile(dir, ".digitlab-", ".check"));
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(failure(target, "the folder " + dir + " does not take new files"));
        }
    }

    private static String failure(Path target, String why) {
        return "Could not save the model to " + target + ": " + why;
    }

    private static String why(Path target, IOException e) {
        Path dir = folder(target);
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("No space left") || message.contains("Disk quota")) {
            return "the disk is full (any previous file there is unchanged)";
        }
        if (Files.isDirectory(target)) {
            return "it is a folder";
        }
        if (e instanceof AccessDeniedException) {
            return "the folder " + dir + " is not writable";
        }
        if (e instanceof NoSuchFileException) {
            return Files.isDirectory(dir) ? "the folder " + dir + " does not take new files"
                    : "the folder " + dir + " does not exist";
        }
        if (AtomicFile.NOT_REGULAR.equals(message)) {
            return message;
        }
        return (message.isBlank() ? e.getClass().getSimpleName() : message)
                + " (any previous file there is unchanged)";
    }

    private static Path folder(Path target) {
        return target.toAbsolutePath().getParent();
    }
}
