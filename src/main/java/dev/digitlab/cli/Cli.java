package dev.digitlab.cli;

import dev.digitlab.base.ErrorText;
import picocli.CommandLine;

/** Runs the command line and turns every failure into a one-line message and an exit code. */
public final class Cli {

    private Cli() {
    }

    /** Runs {@code args} with output to the console; returns the exit code. */
    public static int run(String[] args) {
        return commandLine().execute(args);
    }

    /** The configured command line, also used by tests to capture output. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DigitLabCommand());
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
