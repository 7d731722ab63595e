package dev.digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.digitlab.data.UnipenText;
import dev.digitlab.io.ModelReader;
import dev.digitlab.train.TrainedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code evaluate --strokes} and {@code train --strokes --augment} on generated pen digits. */
class StrokesCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = Cli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path penDigits(int writers, int perDigit) throws IOException {
        return Files.writeString(dir.resolve("digits.tra"), UnipenText.zerosOnesSevens(writers, perDigit));
    }

    @Test
    void evaluateStrokesReportsAccuracyRecallAndConfusionOfTheDrawings() throws IOException {
        Path file = penDigits(2, 3);

        int exit = run("evaluate", "--strokes", file.toString());

        assertEquals(0, exit, err.toString());
        String text = out.toString();
        assertTrue(text.contains("Drawings:       " + file + ", 18 digits by 2 writer(s), drawn with the Draw tab's pen"),
                text);
        assertTrue(text.contains("Recall per digit"), text);
        assertTrue(text.contains("Confusion matrix (rows: true digit, columns: predicted digit)"), text);

        assertEquals(0, run("evaluate", "--strokes", file.toString(), "--json"), err.toString());
        JsonObject json = new Gson().fromJson(out.toString(), JsonObject.class);
        assertEquals(18, json.get("drawings").getAsInt());
        JsonArray confusion = json.getAsJsonArray("confusion");
        int right = 0;
        for (int d = 0; d < 10; d++) {
            right += confusion.get(d).getAsJsonArray().get(d).getAsInt();
        }
        assertEquals(right / 18.0, json.get("accuracy").getAsDouble(), 1e-9);
        JsonArray recall = json.getAsJsonArray("recall");
        assertEquals(1.0, recall.get(0).getAsDouble(), "the shipped model reads a round 0");
        assertEquals(1.0, recall.get(1).getAsDouble(), "the shipped model reads a straight 1");
        assertTrue(recall.get(5).isJsonNull(), "no 5s: no recall");
    }

    @Test
    void writersChoosesWhoseDigitsAreRead() throws IOException {
        Path file = penDigits(3, 2);

        assertEquals(0, run("evaluate", "--strokes", file.toString(), "--writers", "2-3", "--json"), err.toString());

        assertEquals(12, new Gson().fromJson(out.toString(), JsonObject.class).get("drawings").getAsInt());
        assertEquals(1, run("evaluate", "--strokes", file.toString(), "--writers", "9"));
        assertEquals("digitlab: " + file + " has no digits of writers 9" + System.lineSeparator(), err.toString());
        assertEquals(1, run("evaluate", "--strokes", file.toString(), "--writers", "two"));
        assertTrue(err.toString().startsWith("digitlab: --writers takes writer ids"), err.toString());
    }

    @Test
    void aBrokenStrokesFileGetsOneLineWithItsLineNumber() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.tra"), ".SEGMENT DIGIT 0 ? \"4\"\n.PEN_DOWN\n1 2\n");

        int exit = run("evaluate", "--strokes", file.toString());

        assertEquals(1, exit);
        assertEquals("digitlab: " + file + ":3: the file ends while the pen is down (no .PEN_UP)"
                + System.lineSeparator(), err.toString());
    }

    @Test
    void predictOnTheExportedPicturesReadsWhatEvaluateReads() throws IOException {
        Path file = penDigits(2, 3);
        Path pictures = dir.resolve("png");

        assertEquals(0, run("evaluate", "--strokes", file.toString(), "--export-png", pictures.toString(), "--json"),
                err.toString());
        JsonObject json = new Gson().fromJson(out.toString(), JsonObject.class);
        List<String> args = new ArrayList<>(List.of("predict", "--json"));
        try (Stream<Path> files = Files.walk(pictures)) {
            files.filter(p -> p.toString().endsWith(".png")).sorted().forEach(p -> args.add(p.toString()));
        }
        assertEquals(2 + 18, args.size(), "one picture per digit");
        assertEquals(0, run(args.toArray(String[]::new)), err.toString());
        int right = 0;
        for (String line : out.toString().lines().toList()) {
            JsonObject p = new Gson().fromJson(line, JsonObject.class);
            String folder = Path.of(p.get("file").getAsString()).getParent().getFileName().toString();
            right += folder.equals(p.get("digit").getAsString()) ? 1 : 0;
        }
        assertEquals(Math.round(json.get("accuracy").getAsDouble() * 18), right);
    }

    @Test
    void trainAddsPenDigitsAndSaysSoInTheModelFile() throws Exception {
        Path data = ModelCommandsTest.TinyMnist.write(dir.resolve("data"), 100, 30);
        Path file = penDigits(2, 2);
        Path model = dir.resolve("m.json");

        int exit = run("train", "--data", data.toString(), "--epochs", "1", "--layers", "8", "--augment",
                "--strokes", file.toString(), "--writers", "1", "--copies", "3", "--out", model.toString());

        assertEquals(0, exit, err.toString());
        TrainedModel trained = new ModelReader().load(model);
        assertEquals("custom + pen digits: 6 drawings by 1 writers of digits.tra (writers 1), 3 copies, augmented",
                trained.datasetName());
        assertTrue(out.toString().contains(", augmented"), out.toString());
    }
}
