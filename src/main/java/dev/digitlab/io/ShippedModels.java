package dev.digitlab.io;

import dev.digitlab.train.TrainedModel;
import java.io.IOException;
import java.io.InputStream;

/**
 * The model that ships with DigitLab: the Keras tutorial's network trained on MNIST, so that the
 * Draw tab works before the user has trained anything. The build copies {@code models/*.json}
 * into the jar under {@code /models}, so it is found on the class path both from the source tree
 * ({@code mvn javafx:run}, tests) and from {@code java -jar digitlab.jar} run from any folder.
 */
public final class ShippedModels {

    /** The class-path resource of the shipped model. */
    public static final String RESOURCE = "/models/mnist-mlp.json";
    /** What messages and {@code digitlab info} call it. */
    public static final String DESCRIPTION = "the shipped model models/mnist-mlp.json";
    /** The name the loaded model gets. */
    public static final String NAME = "mnist-mlp";

    private final ModelReader reader;

    public ShippedModels() {
        this(new ModelReader());
    }

    public ShippedModels(ModelReader reader) {
        this.reader = reader;
    }

    /**
     * Loads the shipped model.
     *
     * @throws ModelFileException when it is missing from this build or damaged
     */
    public TrainedModel load() {
        try (InputStream in = open()) {
            return reader.load(in, DESCRIPTION, NAME);
        } catch (IOException e) {
            throw new ModelFileException(DESCRIPTION + " could not be read: " + e.getMessage(), e);
        }
    }

    /** The shipped model's header, without its weights (no ND4J). */
    public ModelHeader header() {
        try (InputStream in = open()) {
            return reader.readHeader(in, DESCRIPTION);
        } catch (IOException e) {
            throw new ModelFileException(DESCRIPTION + " could not be read: " + e.getMessage(), e);
        }
    }

    private static InputStream open() {
        InputStream in = ShippedModels.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new ModelFileException(DESCRIPTION + " is missing from this build (the build copies it from the "
                    + "project's models folder into the class path)");
        }
        return in;
    }
}
