package dev.digitlab.app;

import dev.digitlab.cli.Cli;
import dev.digitlab.nn.threads.NativeThreads;

/**
 * The plain {@code main} of DigitLab. It does not extend {@code Application}, so a shaded
 * {@code java -jar} can start JavaFX from the class path. With no arguments it opens the app;
 * with arguments it runs the command line.
 *
 * <p>ND4J's OpenMP thread count can only be set fully through the environment before the JVM
 * starts, so when it is not set yet the launcher starts the same program again with the
 * count that {@link NativeThreads} chose, and passes on its exit code.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Integer relaunched = Relauncher.relaunchWithThreads(args);
        if (relaunched != null) {
            System.exit(relaunched);
        }
        ParentWatch.start();
        ChildReport.reachedMain();
        NativeThreads.applyInProcess();
        if (args.length == 0) {
            App.launchApp(args);
            ChildReport.exiting(0);
        } else {
            int code = Cli.run(args);
            ChildReport.exiting(code);
            System.exit(code);
        }
    }
}
