package dev.digitlab.cli;

import picocli.CommandLine.Command;

/** The top-level {@code digitlab} command; its subcommands do the work. */
@Command(name = "digitlab", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Train a neural network on MNIST and read handwritten digits.",
        subcommands = {
            picocli.CommandLine.HelpCommand.class,
            DataCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            AdaptCommand.class,
            InfoCommand.class,
            PredictCommand.class,
            ExportCommand.class,
            BenchCommand.class,
        })
public final class DigitLabCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
