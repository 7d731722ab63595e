package dev.digitlab.io.keras;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs src/test/resources/keras/keras_forward.py, Keras's forward pass in numpy from a file's
 * model_config and weights read with h5py (Keras itself cannot be installed here). Needs a python3
 * with h5py and numpy (Debian's python3-h5py and python3-numpy, which .ci/run installs).
 */
final class NumpyKeras {

    private NumpyKeras() {
    }

    /** A python3 that imports h5py and numpy, or null when there is none. */
    static String python() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import h5py, numpy").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not this one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** Numpy's probabilities for {@code images} (784 pixels / 255 each) from the Keras file {@code model}. */
    static double[][] probabilities(String python, Path model, float[][] images, boolean strict, Path dir)
            throws IOException, InterruptedException {
        Path input = dir.resolve("images.f32");
        ByteBuffer bytes = ByteBuffer.allocate(images.length * 784 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] image : images) {
            for (float v : image) {
                bytes.putFloat(v);
            }
        }
        Files.write(input, bytes.array());
        List<String> command = new ArrayList<>(List.of(python, KerasFixtures.file("keras_forward.py").toString()));
        if (strict) {
            command.add("--strict");
        }
        command.addAll(List.of(model.toString(), input.toString(), Integer.toString(images.length)));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("keras_forward.py failed on " + model + ": " + out);
        }
        JsonArray rows = JsonParser.parseString(out).getAsJsonArray();
        double[][] probs = new double[rows.size()][];
        for (int i = 0; i < probs.length; i++) {
            JsonArray row = rows.get(i).getAsJsonArray();
            probs[i] = new double[row.size()];
            for (int c = 0; c < probs[i].length; c++) {
                probs[i][c] = row.get(c).getAsDouble();
            }
        }
        return probs;
    }
}
