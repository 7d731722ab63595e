package dev.digitlab.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.digitlab.base.Mnist;
import dev.digitlab.imaging.GrayImage;
import dev.digitlab.imaging.ImageFiles;
import dev.digitlab.imaging.Preprocessor;
import dev.digitlab.nn.Network;
import dev.digitlab.train.TrainedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code digitlab predict}: reads pictures of single digits (any size, either polarity) the way the
 * Draw tab reads drawings, through the preprocessing the model file names, and prints each one's digit and
 * ten probabilities. A picture that cannot be read gets a one-line error and the others are still
 * read; the exit code is 0 only if every picture was read.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Read the digit in each picture (PNG, JPEG, GIF or BMP; one digit each, any size, "
                + "dark on light or light on dark).")
public final class PredictCommand implements Callable<Integer> {

    /** The error for a picture with no ink in it. */
    static final String NOTHING_DRAWN = "nothing drawn";
    /** The error when the network's output is not a number: weights so large that the sums overflow. */
    static final String NOT_A_NUMBER = "the model's output is not a number (its weights are so large that "
            + "the sums overflow), so it cannot read this picture";

    @Spec
    CommandSpec spec;

    @Mixin
    ModelFileOption model = new ModelFileOption();

    @Option(names = "--json", description = "Print one JSON object per picture and line: "
            + "{\"file\", \"digit\", \"probabilities\"} or {\"file\", \"error\"}.")
    boolean json;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Pictures of one digit each.")
    List<Path> images;

    private final Gson gson = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

    @Override
    public Integer call() {
        TrainedModel trained = model.load();
        Network network = trained.network();
        if (!trained.readsItsRecipe() || network.classes() != Mnist.CLASSES) {
            throw new IllegalArgumentException(model.describe() + " takes " + network.inputs() + " inputs and "
                    + network.classes() + " classes, but a digit becomes " + trained.preprocessing().inputs()
                    + " pixels and " + Mnist.CLASSES + " classes");
        }
        Preprocessor preprocessor = trained.preprocessing().preprocessor();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        for (Path image : images) {
            try {
                float[] p = network.probabilities(prepare(image, preprocessor));
                if (!allFinite(p)) {
                    throw new IOException(NOT_A_NUMBER);
                }
                out.println(json ? gson.toJson(result(image, p)) : line(image, p));
            } catch (IOException e) {
                failed++;
                report(out, err, image, e.getMessage());
            }
            out.flush();
        }
        err.flush();
        return failed == 0 ? 0 : 1;
    }

    /** The network's input made from the picture in {@code image} by the model's recipe. */
    private static float[] prepare(Path image, Preprocessor preprocessor) throws IOException {
        GrayImage picture = ImageFiles.read(image);
        Optional<GrayImage> input = preprocessor.prepare(picture);
        if (input.isEmpty()) {
            throw new IOException(NOTHING_DRAWN);
        }
        return input.get().values();
    }

    private void report(PrintWriter out, PrintWriter err, Path image, String message) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", image.toString());
            m.put("error", message);
            out.println(gson.toJson(m));
        } else {
            // The picture reader's messages already name the file; "nothing drawn" does not.
            err.println("digitlab: " + (message.startsWith(image.toString()) ? message : image + ": " + message));
            err.flush();
        }
    }

    private static Map<String, Object> result(Path image, float[] p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", image.toString());
        m.put("digit", argmax(p));
        m.put("probabilities", p);
        return m;
    }

    /** E.g. {@code seven.png: 7 (0.9871)  0:0.0000 1:0.0002 ... 9:0.0043}. */
    private static String line(Path image, float[] p) {
        int digit = argmax(p);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s: %d (%.4f) ", image, digit, p[digit]));
        for (int d = 0; d < p.length; d++) {
            s.append(String.format(Locale.ROOT, " %d:%.4f", d, p[d]));
        }
        return s.toString();
    }

    private static boolean allFinite(float[] p) {
        for (float v : p) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
