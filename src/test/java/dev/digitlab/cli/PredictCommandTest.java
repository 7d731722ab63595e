package dev.digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import dev.digitlab.imaging.Preprocessing;
import dev.digitlab.io.ModelWriter;
import dev.digitlab.io.ShippedModels;
import dev.digitlab.train.TrainedModel;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digitlab predict} on pictures the test draws, with the shipped model. */
class PredictCommandTest extends CommandLineTest {

    @TempDir
    Path dir;

    /**
     * A picture of {@code width x height} with a pen stroke through {@code xy} (corners), the pen
     * {@code pen} pixels wide, dark on white or white on black.
     */
    private Path picture(String name, int width, int height, boolean darkOnLight, float pen, double... xy)
            throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(darkOnLight ? Color.WHITE : Color.BLACK);
        g.fillRect(0, 0, width, height);
        g.setColor(darkOnLight ? new Color(20, 30, 40) : Color.WHITE);
        g.setStroke(new BasicStroke(pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        g.draw(path);
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(image, name.substring(name.lastIndexOf('.') + 1), file.toFile());
        return file;
    }

    private static double[] oval(double cx, double cy, double rx, double ry) {
        double[] xy = new double[2 * 41];
        for (int i = 0; i <= 40; i++) {
            double a = 2 * Math.PI * i / 40;
            xy[2 * i] = cx + rx * Math.sin(a);
            xy[2 * i + 1] = cy - ry * Math.cos(a);
        }
        return xy;
    }

    @Test
    void aPictureTooLargeIsRefusedAndTheOtherPicturesAreStillRead() throws IOException {
        Path huge = dev.digitlab.imaging.ImageFilesTest.claimingPng(dir.resolve("huge.png"), 46000, 46000);
        Path seven = picture("seven.png", 600, 400, true, 26, 220, 60, 420, 60, 290, 340);

        int code = run("predict", huge.toString(), seven.toString());

        assertEquals(1, code);
        assertEquals("digitlab: " + huge + " is 46,000 x 46,000 pixels; DigitLab reads pictures of at most "
                + "25,000,000 pixels", err.toString().strip());
        assertTrue(out.toString().startsWith(seven + ": 7 "), out.toString());
    }

    @Test
    void readsDigitsOfAnySizeAndPolarity() throws IOException {
        Path seven = picture("seven.png", 600, 400, true, 26, 220, 60, 420, 60, 290, 340);
        Path zero = picture("zero.bmp", 90, 120, false, 6, oval(45, 60, 22, 40));
        Path one = picture("one.jpg", 300, 300, true, 18, 150, 40, 150, 260);

        int exit = run("predict", seven.toString(), zero.toString(), one.toString());

        assertEquals(0, exit, err.toString());
        assertEquals("", err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(3, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith(seven + ": 7 ("), lines.get(0));
        assertTrue(lines.get(1).startsWith(zero + ": 0 ("), lines.get(1));
        assertTrue(lines.get(2).startsWith(one + ": 1 ("), lines.get(2));
        assertTrue(lines.get(0).contains(" 0:") && lines.get(0).contains(" 9:"), "all ten probabilities");
    }

    @Test
    void jsonIsOneObjectPerPictureWithTenProbabilitiesThatSumToOne() throws IOException {
        Path seven = picture("seven.png", 280, 280, true, 20, 60, 50, 220, 50, 110, 250);

        int exit = run("predict", "--json", seven.toString());

        assertEquals(0, exit, err.toString());
        JsonObject json = new Gson().fromJson(out.toString().strip(), JsonObject.class);
        assertEquals(seven.toString(), json.get("file").getAsString());
        assertEquals(7, json.get("digit").getAsInt());
        JsonArray p = json.getAsJsonArray("probabilities");
        assertEquals(10, p.size());
        double sum = 0;
        double best = 0;
        for (int d = 0; d < 10; d++) {
            sum += p.get(d).getAsDouble();
            best = Math.max(best, p.get(d).getAsDouble());
        }
        assertEquals(1.0, sum, 1e-4);
        assertEquals(best, p.get(7).getAsDouble());
    }

    @Test
    void badPicturesGetOneLineEachAndTheOthersAreStillRead() throws IOException {
        Path one = picture("one.png", 200, 200, true, 14, 100, 30, 100, 170);
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        Path missing = dir.resolve("missing.png");
        Path blank = dir.resolve("blank.png");
        ImageIO.write(new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY), "png", blank.toFile());

        int exit = run("predict", text.toString(), one.toString(), missing.toString(), blank.toString());

        assertEquals(1, exit, "not every picture was read");
        assertTrue(out.toString().startsWith(one + ": 1 ("), out.toString());
        assertEquals(1, out.toString().lines().count());
        List<String> errors = err.toString().lines().toList();
        assertEquals(List.of(
                "digitlab: " + text + " is not a picture in a format DigitLab reads (PNG, JPEG, GIF or BMP)",
                "digitlab: " + missing + " does not exist",
                "digitlab: " + blank + ": nothing drawn"), errors);
    }

    @Test
    void jsonReportsErrorsAsObjectsInTheirPlace() throws IOException {
        Path one = picture("one.png", 200, 200, false, 14, 100, 30, 100, 170);
        Path blank = dir.resolve("blank.png");
        BufferedImage white = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        ImageIO.write(white, "png", blank.toFile());

        int exit = run("predict", "--json", blank.toString(), one.toString());

        assertEquals(1, exit);
        assertEquals("", err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size());
        JsonObject first = new Gson().fromJson(lines.get(0), JsonObject.class);
        assertEquals(blank.toString(), first.get("file").getAsString());
        assertEquals("nothing drawn", first.get("error").getAsString());
        assertEquals(2, first.size());
        assertEquals(1, new Gson().fromJson(lines.get(1), JsonObject.class).get("digit").getAsInt());
    }

    @Test
    void aDamagedModelStopsBeforeAnyPicture() throws IOException {
        Path one = picture("one.png", 200, 200, true, 14, 100, 30, 100, 170);
        Path model = Files.writeString(dir.resolve("model.json"), "{}");

        int exit = run("predict", "--model", model.toString(), one.toString());

        assertEquals(1, exit);
        assertEquals("", out.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("digitlab: " + model), err.toString());
    }

    @Test
    void theModelsStoredRecipePreparesThePictures() throws IOException {
        Path seven = picture("seven.png", 600, 400, true, 26, 220, 60, 420, 60, 290, 340);
        TrainedModel shipped = new ShippedModels().load();
        Path wider = dir.resolve("wider.json");
        // A recipe that makes 32x32 inputs, which the shipped 784-input network cannot read: predict
        // must say so instead of quietly preparing the picture MNIST's way.
        new ModelWriter("test").save(new TrainedModel("wider", shipped.network(), shipped.config(),
                shipped.datasetName(), shipped.datasetChecksum(), shipped.history(), shipped.testAccuracy(),
                shipped.created(), new Preprocessing("mnist", 24, 32, Preprocessing.CENTRE_OF_MASS)), wider);

        int exit = run("predict", "--model", wider.toString(), seven.toString());

        assertEquals(1, exit);
        assertTrue(err.toString().contains("takes 784 inputs and 10 classes, but a digit becomes 1024 pixels"),
                err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void withoutPicturesItIsAUsageError() {
        assertEquals(2, run("predict"));
        assertTrue(err.toString().startsWith("digitlab: Missing required parameter"), err.toString());
    }
}
