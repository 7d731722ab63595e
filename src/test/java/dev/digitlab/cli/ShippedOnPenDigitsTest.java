package dev.digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.digitlab.io.ShippedModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What the shipped models read of real people's pen digits (the development set of 30 writers), as
 * stated in models/README.md. The default model learnt from these writers, so this is its figure on
 * drawings it trained on; models/README.md gives the writer-disjoint figures of the recipe.
 */
class ShippedOnPenDigitsTest {

    static final Path PEN_DIGITS = Path.of("../shared/data/pendigits/pendigits-orig.tra");

    private static double accuracy(String... modelArgs) {
        assumeTrue(Files.isReadable(PEN_DIGITS), "the pen digits development set is not at "
                + PEN_DIGITS.toAbsolutePath() + ": skipped");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] args = new String[modelArgs.length + 4];
        args[0] = "evaluate";
        System.arraycopy(modelArgs, 0, args, 1, modelArgs.length);
        args[modelArgs.length + 1] = "--strokes";
        args[modelArgs.length + 2] = PEN_DIGITS.toString();
        args[modelArgs.length + 3] = "--json";
        assertEquals(0, cli.execute(args), err.toString());
        JsonObject json = new Gson().fromJson(out.toString(), JsonObject.class);
        assertEquals(7494, json.get("drawings").getAsInt());
        return json.get("accuracy").getAsDouble();
    }

    @Test
    void theDefaultModelReadsThePenDigitsAsModelsReadmeSays() {
        double accuracy = accuracy();
        assertTrue(accuracy >= DEFAULT_FIGURE, "the default shipped model reads " + accuracy);
        assertTrue(new ShippedModels().load().testAccuracy() >= 0.991, "and keeps 99.1% on MNIST's test set");
    }

    @Test
    void theTutorialModelReadsThePenDigitsAsModelsReadmeSays() {
        double accuracy = accuracy("--model", "models/mnist-mlp.json");
        assertTrue(accuracy >= 0.90 && accuracy < 0.92, "the tutorial's model reads " + accuracy);
    }

    /** models/README.md's figure for the default model on the development set, rounded down. */
    private static final double DEFAULT_FIGURE = 0.996;
}
