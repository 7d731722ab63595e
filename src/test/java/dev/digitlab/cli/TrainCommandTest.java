package dev.digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.digitlab.nn.threads.MachineKey;
import dev.digitlab.nn.threads.ThreadCache;
import dev.digitlab.train.EpochResult;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class TrainCommandTest {

    @TempDir
    Path dir;

    /** Exit code, standard output and error output of one run. */
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = Cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--epochs -1|the number of epochs must be at least 1, not -1",
        "--lr 0|the learning rate must be a positive number, not 0.0",
        "--lr -0.5|the learning rate must be a positive number, not -0.5",
        "--validation 1|the validation split must be in [0, 1), not 1.0",
        "--preset huge|unknown preset 'huge' (known: tutorial, deeper, dropout, cnn)",
        "--optimizer rmsprop|unknown optimizer 'rmsprop' (known: adam, sgd)",
        "--batch 0|the batch size must be at least 1, not 0",
        "--dropout 1.5|--dropout must be in [0, 1), not 1.5",
        "--layers 0|--layers needs positive sizes, not 0",
        "--layers 128,conv5x5x8|--layers needs conv and pool layers before the dense ones, not 'conv5x5x8' after 128",
        "--layers conv5x5|--layers takes dense sizes like 128, conv layers like conv5x5x32 and pool layers like pool2, not 'conv5x5'",
        "--layers conv29x5x8,128|the conv layer 'conv 29x5x8 relu' needs an image of at least 29x5, but its input is 28x28",
        "--layers conv5x5x8,pool2,pool2,pool2,pool2,pool2|the max-pool layer 'maxpool 2' needs an image of at least 2x2, but its input is 1x1",
        "--layers pool1|a max-pool layer needs a window of at least 2, not 1",
    })
    void badValuesGiveOneLineAndExitCodeTwo(String options, String message) {
        Run r = run(("train " + options).split(" "));
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("digitlab: " + message), r.err());
    }

    @Test
    void aNetworkTooLargeForJavasMemoryIsRefusedBeforeTrainingWithWhatItNeeds() {
        // 40,000 units in batches of 60,000 hold about 27 GB of values: more than any test JVM's heap.
        Run r = run("train", "--layers", "40000", "--batch", "60000", "--data", dir.resolve("nowhere").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("digitlab: training this network in batches of 60,000 needs about "), r.err());
        assertTrue(r.err().contains("MB Java may use; use smaller layers or a smaller batch"), r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "64000|50,880,010",
        "100000000|79,500,000,010",
        "conv3x3x256same,4096|822,131,210",
    })
    void aNetworkTooLargeToOpenAgainIsRefusedBeforeTrainingWithTheLimit(String layers, String count) {
        // No --data: were the spec accepted, the run would go on to look for MNIST and fail differently.
        Run r = run("train", "--layers", layers, "--data", dir.resolve("nowhere").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("digitlab: this network has " + count
                + " parameters, more than the 50,000,000 DigitLab can open again; use smaller layers"), r.err());
    }

    @Test
    void missingDataIsOneLineAndExitCodeOne() {
        Run r = run("train", "--data", dir.resolve("nowhere").toString(), "--epochs", "1");
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("nowhere does not exist"), r.err());
    }

    @Test
    void jsonGivesOneObjectPerEpochThenTheTestResults() throws IOException {
        writeMnist(dir, 320, 80);
        Run r = run("train", "--data", dir.toString(), "--epochs", "2", "--layers", "16", "--batch", "32", "--json");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        JsonObject second = JsonParser.parseString(lines.get(1)).getAsJsonObject();
        assertEquals(2, second.get("epoch").getAsInt());
        assertEquals(2, second.get("epochs").getAsInt());
        for (String key : List.of("seconds", "loss", "accuracy", "val_loss", "val_accuracy")) {
            assertTrue(second.has(key), key);
        }
        JsonObject last = JsonParser.parseString(lines.get(2)).getAsJsonObject();
        assertTrue(last.get("test_accuracy").getAsDouble() >= 0 && last.get("test_accuracy").getAsDouble() <= 1);
        assertTrue(last.has("test_loss"));
    }

    @Test
    void textOutputHasAKerasLinePerEpoch() throws IOException {
        writeMnist(dir, 320, 80);
        Run r = run("train", "--data", dir.toString(), "--epochs", "2", "--preset", "dropout", "--optimizer", "sgd",
                "--lr", "0.05", "--momentum", "0.9");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Model 784 -> 256 relu -> dropout 0.2 -> 128 relu -> dropout 0.2 -> 10 softmax"),
                lines.get(0));
        assertTrue(lines.get(1).matches("Epoch 1/2 - \\d+\\.\\ds - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4}"
                + " - val_loss: \\d\\.\\d{4} - val_accuracy: \\d\\.\\d{4}"), lines.get(1));
        assertTrue(lines.get(3).matches("Test - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4}"), lines.get(3));
    }

    @Test
    void cnnPresetTrainsAndPrintsItsLayers() throws IOException {
        writeMnist(dir, 320, 80);
        Run r = run("train", "--data", dir.toString(), "--epochs", "1", "--preset", "cnn");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("Model 784 -> conv 5x5x32 relu -> maxpool 2 -> conv 3x3x64 relu -> maxpool 2 -> flatten -> 128 relu"
                + " -> dropout 0.3 -> 10 softmax (225546 parameters), adam lr 0.001, batch 64", lines.get(0));
        assertTrue(lines.get(2).startsWith("Test - loss: "), r.out());
    }

    @Test
    void layersOptionBuildsConvAndPoolLayersBeforeTheDenseOnes() throws IOException {
        writeMnist(dir, 320, 80);
        Run r = run("train", "--data", dir.toString(), "--epochs", "1", "--layers", "conv3x3x4same,pool2,conv3x3x2,16",
                "--dropout", "0.1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Model 784 -> conv 3x3x4 relu same -> maxpool 2 -> conv 3x3x2 relu -> flatten"
                + " -> 16 relu -> dropout 0.1 -> 10 softmax ("), r.out());
    }

    @Test
    void dropoutOptionKeepsTheCnnPresetsImageLayers() throws IOException {
        writeMnist(dir, 320, 80);
        Run r = run("train", "--data", dir.toString(), "--epochs", "1", "--preset", "cnn", "--dropout", "0.5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Model 784 -> conv 5x5x32 relu -> maxpool 2 -> conv 3x3x64 relu -> maxpool 2"
                + " -> flatten -> 128 relu -> dropout 0.5 -> 10 softmax ("), r.out());
    }

    @Test
    void epochLineLooksLikeKeras() {
        assertEquals("Epoch 3/10 - 1.2s - loss: 0.1065 - accuracy: 0.9696 - val_loss: 0.1088 - val_accuracy: 0.9683",
                TrainCommand.epochLine(new EpochResult(3, 10, 0.10651, 0.96958, 0.10876, 0.96834, 1.234)));
        assertEquals("Epoch 1/1 - 0.5s - loss: 0.5000 - accuracy: 0.8000",
                TrainCommand.epochLine(new EpochResult(1, 1, 0.5, 0.8, Double.NaN, Double.NaN, 0.5)));
    }

    @Test
    void benchPrintsOneJsonObjectWithThePeersKeys() throws IOException {
        writeMnist(dir, 320, 80);
        try {
            System.setProperty("digitlab.home", dir.resolve("home").toString());
            MachineKey key = MachineKey.current();
            new ThreadCache(ThreadCache.defaultFile()).write(new ThreadCache.Entry(key.cores(), key.cpu(),
                    key.version(), 1, Map.of("1", 400.0), Map.of("1", 420.0), 1, Map.of("1", 9000.0), Map.of("1", 9500.0),
                    "2026-01-01T00:00:00Z"));
            Run r = run("bench", "--data", dir.toString(), "--epochs", "1", "--layers", "conv3x3x2,pool2,8");
            assertEquals(0, r.code(), r.err());
            assertEquals(1, r.out().lines().count(), r.out());
            JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
            for (String k : List.of("median_epoch_s", "samples_per_s", "test_accuracy", "predict_one_ms_median",
                    "predict_one_ms_p99", "load_s", "threads", "lanes")) {
                assertTrue(o.has(k), k + " in " + o);
            }
            assertEquals(1, o.getAsJsonObject("thread_calibration").get("chosen").getAsInt());
            assertEquals("784 -> conv 3x3x2 relu -> maxpool 2 -> flatten -> 8 relu -> 10 softmax", o.get("model").getAsString());
        } finally {
            System.clearProperty("digitlab.home");
        }
    }

    /** Writes a small MNIST-format data set (gzipped IDX) with random images. */
    static void writeMnist(Path dir, int train, int test) throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        writeSet(dir, "train", train, random);
        writeSet(dir, "t10k", test, random);
    }

    private static void writeSet(Path dir, String prefix, int n, SplittableRandom random) throws IOException {
        byte[] labels = new byte[n];
        byte[] pixels = new byte[n * 784];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) random.nextInt(10);
            for (int p = 0; p < 784; p++) {
                pixels[i * 784 + p] = (byte) (p % 10 == labels[i] ? 255 : random.nextInt(60));
            }
        }
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(
                Files.newOutputStream(dir.resolve(prefix + "-images-idx3-ubyte.gz"))))) {
            out.writeInt(0x0803);
            out.writeInt(n);
            out.writeInt(28);
            out.writeInt(28);
            out.write(pixels);
        }
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(
                Files.newOutputStream(dir.resolve(prefix + "-labels-idx1-ubyte.gz"))))) {
            out.writeInt(0x0801);
            out.writeInt(n);
            out.write(labels);
        }
    }
}
