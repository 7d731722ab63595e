package dev.digitlab.cli;

import dev.digitlab.base.ErrorText;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/** Runs the command line and turns every failure into a one-line message and an exit code. */
public final class Cli {

    private Cli() {
    }

    /** Runs {@code args} with output to the console; returns the exit code. */
    public static int run(String[] args) {
        CommandLine cli = commandLine();
        try {
            return cli.execute(args);
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    /** The configured command line, also used by tests to capture output. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DigitLabCommand());
        // Everything printed may hold text from a file: no control character reaches the terminal.
        cli.setOut(new PrintWriter(new ControlEscapingWriter(new OutputStreamWriter(System.out, Charset.defaultCharset())),
                true));
        cli.setErr(new PrintWriter(new ControlEscapingWriter(new OutputStreamWriter(System.err, Charset.defaultCharset())),
                true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("digitlab: " + ErrorText.describe(e));
            return 1;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("digitlab: " + e.getMessage()
                    + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        return cli;
    }
}
