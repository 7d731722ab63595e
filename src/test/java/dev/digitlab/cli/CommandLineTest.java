package dev.digitlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code digitlab} commands in the test's JVM and keeps what they print, for the command tests to read. */
abstract class CommandLineTest {

    /** What the commands printed to standard output. */
    protected final StringWriter out = new StringWriter();
    /** What the commands printed to standard error (their one-line errors). */
    protected final StringWriter err = new StringWriter();

    /** Runs {@code digitlab args...} and returns its exit code. */
    protected int run(String... args) {
        CommandLine cli = Cli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
