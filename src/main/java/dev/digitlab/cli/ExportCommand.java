package dev.digitlab.cli;

import dev.digitlab.io.keras.KerasWriter;
import dev.digitlab.train.TrainedModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code digitlab export --keras OUT.h5}: a model as a Keras file, so a learner can take it back
 * to Python ({@code keras.models.load_model('OUT.h5')}); it takes 784 pixels / 255 per example.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a model as a Keras .h5 file that keras.models.load_model reads "
                + "(inputs: 784 pixels / 255 per example).")
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelFileOption model = new ModelFileOption();

    @Option(names = "--keras", paramLabel = "OUT.h5", required = true,
            description = "The Keras file to write (replaced atomically if it exists).")
    Path keras;

    @Override
    public Integer call() {
        TrainedModel trained = model.load();
        new KerasWriter().write(trained.network(), keras);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Exported %s (%s) to %s for Keras: keras.models.load_model('%s')%n", model.describe(),
                trained.network().spec(), keras, keras.getFileName());
        out.flush();
        return 0;
    }
}
