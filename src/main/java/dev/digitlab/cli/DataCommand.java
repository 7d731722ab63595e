package dev.digitlab.cli;

import dev.digitlab.data.DataLocator;
import dev.digitlab.data.ImageSet;
import dev.digitlab.data.MnistDataset;
import dev.digitlab.data.MnistFolder;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code digitlab data}: finds or downloads MNIST and shows what it holds. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Find (or download) the MNIST data set and show where it is and what it holds.")
public final class DataCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        DataLocator.Location location;
        try {
            location = data.locator().locate(progress);
        } finally {
            progress.finish();
        }
        long start = System.nanoTime();
        MnistDataset dataset = new MnistFolder(location.folder()).load();
        double seconds = (System.nanoTime() - start) / 1e9;

        out.printf(Locale.ROOT, "Data set:      %s (training images SHA-256 %s)%n", dataset.name(), dataset.checksum());
        out.printf(Locale.ROOT, "Folder:        %s (%s)%n", location.folder().toAbsolutePath().normalize(),
                location.source().description());
        out.printf(Locale.ROOT, "Training set:  %,d images of %dx%d%n", dataset.train().size(),
                dataset.train().rows(), dataset.train().cols());
        out.printf(Locale.ROOT, "Test set:      %,d images of %dx%d%n", dataset.test().size(),
                dataset.test().rows(), dataset.test().cols());
        out.printf(Locale.ROOT, "Loaded in      %.2f s%n", seconds);
        out.println();
        printCounts(out, dataset.train(), dataset.test());
        out.flush();
        return 0;
    }

    private static void printCounts(PrintWriter out, ImageSet train, ImageSet test) {
        int[] trainCounts = train.classCounts();
        int[] testCounts = test.classCounts();
        out.printf(Locale.ROOT, "%5s %10s %10s%n", "digit", "training", "test");
        for (int digit = 0; digit < 10; digit++) {
            out.printf(Locale.ROOT, "%5d %,10d %,10d%n", digit, trainCounts[digit], testCounts[digit]);
        }
        out.printf(Locale.ROOT, "%5s %,10d %,10d%n", "all", train.size(), test.size());
    }
}
