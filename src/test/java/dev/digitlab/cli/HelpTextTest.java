package dev.digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command's {@code --help} is the first thing a new user runs: it must print the help and
 * nothing else. picocli formats descriptions with {@code String.format}, and a lone percent sign
 * made it print "[picocli WARN] Could not format ..." lines on the console (to System.err, past
 * the command's own writers).
 */
class HelpTextTest {

    static Stream<String> commands() {
        List<String> names = new ArrayList<>(List.of(""));
        names.addAll(Cli.commandLine().getSubcommands().keySet());
        return names.stream();
    }

    @ParameterizedTest(name = "digitlab {0} --help")
    @MethodSource("commands")
    void helpPrintsNoWarning(String command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream realErr = System.err;
        int exit;
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = Cli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            exit = command.isEmpty() ? cli.execute("--help") : cli.execute(command, "--help");
        } finally {
            System.setErr(realErr);
        }

        assertEquals(0, exit);
        assertEquals("", console.toString(StandardCharsets.UTF_8), "printed on the console's error stream");
        assertEquals("", err.toString());
        assertTrue(out.toString().contains("Usage: digitlab"), out.toString());
        assertFalse(out.toString().contains("%n"), "an unformatted description:\n" + out);
    }

    @ParameterizedTest(name = "digitlab {0} --help")
    @MethodSource("modelCommands")
    void modelHelpShowsTheShippedModelsAccuracyWithItsPercentSign(String command) {
        StringWriter out = new StringWriter();
        CommandLine cli = Cli.commandLine();
        cli.setOut(new PrintWriter(out, true));

        cli.execute(command, "--help");

        assertTrue(out.toString().replaceAll("\\s+", " ").contains("(models/mnist-cnn.json, " + shippedAccuracy() + "%"),
                out.toString());
    }

    static Stream<String> modelCommands() {
        return Stream.of("evaluate", "info", "predict");
    }

    /** The default shipped model's recorded test accuracy as the help text should write it, e.g. "99.14". */
    private static String shippedAccuracy() {
        try (java.io.InputStream in = dev.digitlab.io.ShippedModels.class.getResourceAsStream(
                dev.digitlab.io.ShippedModels.BEST.resource())) {
            com.google.gson.JsonObject model = com.google.gson.JsonParser.parseString(
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).getAsJsonObject();
            return String.format(java.util.Locale.ROOT, "%.2f", 100 * model.get("test_accuracy").getAsDouble());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
