package dev.digitlab.io;

import dev.digitlab.train.TrainedModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The models that ship with DigitLab, so that the Draw tab works before the user has trained
 * anything: the Keras tutorial's network ({@link #TUTORIAL}) and the convolutional network of the
 * tutorial's next step ({@link #CNN}). The build copies {@code models/*.json} into the jar under
 * {@code /models}, so they are found on the class path both from the source tree
 * ({@code mvn javafx:run}, tests) and from {@code java -jar digitlab.jar} run from any folder.
 */
public final class ShippedModels {

    /** One shipped model: {@code models/<name>.json}. */
    public record Shipped(String name) {

        /** The class-path resource, e.g. {@code /models/mnist-mlp.json}. */
        public String resource() {
            return "/models/" + name + ".json";
        }

        /** What messages and {@code digitlab info} call it. */
        public String description() {
            return "the shipped model models/" + name + ".json";
        }
    }

    /** The tutorial's 784-128-10 network, 97.54% on the MNIST test set. */
    public static final Shipped TUTORIAL = new Shipped("mnist-mlp");
    /** The {@code cnn} preset trained for 5 epochs on MNIST and 30 writers' pen digits, augmented: 99.14% on the MNIST test set. */
    public static final Shipped CNN = new Shipped("mnist-cnn");
    /** The most accurate shipped model: the app starts with it and the commands use it by default. */
    public static final Shipped BEST = CNN;
    /** Every shipped model, the best first. */
    public static final List<Shipped> ALL = List.of(CNN, TUTORIAL);

    private final ModelReader reader;

    public ShippedModels() {
        this(new ModelReader());
    }

    public ShippedModels(ModelReader reader) {
        this.reader = reader;
    }

    /**
     * Loads the best shipped model.
     *
     * @throws ModelFileException when it is missing from this build or damaged
     */
    public TrainedModel load() {
        return load(BEST);
    }

    /**
     * Loads one shipped model.
     *
     * @throws ModelFileException when it is missing from this build or damaged
     */
    public TrainedModel load(Shipped model) {
        try (InputStream in = open(model)) {
            return reader.load(in, model.description(), model.name());
        } catch (IOException e) {
            throw new ModelFileException(model.description() + " could not be read: " + e.getMessage(), e);
        }
    }

    /** The best shipped model's header, without its weights (no ND4J). */
    public ModelHeader header() {
        return header(BEST);
    }

    /** One shipped model's header, without its weights (no ND4J). */
    public ModelHeader header(Shipped model) {
        try (InputStream in = open(model)) {
            return reader.readHeader(in, model.description());
        } catch (IOException e) {
            throw new ModelFileException(model.description() + " could not be read: " + e.getMessage(), e);
        }
    }

    private static InputStream open(Shipped model) {
        InputStream in = ShippedModels.class.getResourceAsStream(model.resource());
        if (in == null) {
            throw new ModelFileException(model.description() + " is missing from this build (the build copies it "
                    + "from the project's models folder into the class path)");
        }
        return in;
    }
}
