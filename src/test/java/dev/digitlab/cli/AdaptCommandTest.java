package dev.digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.io.ModelReader;
import dev.digitlab.train.Adaptation;
import dev.digitlab.train.TrainedModel;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digitlab adapt} on a tiny folder of pictures and tiny generated MNIST files. */
class AdaptCommandTest extends CommandLineTest {

    @TempDir
    Path dir;

    /**
     * Three pictures of each digit as the generated MNIST draws it (a bright row at 4 + 2 * digit
     * of 28), but as a short dark bar on white at other sizes, so they go through the preprocessing.
     */
    private Path examples() throws IOException {
        Path examples = dir.resolve("mine");
        for (int digit = 0; digit <= 9; digit++) {
            Files.createDirectories(examples.resolve(Integer.toString(digit)));
            for (int k = 0; k < 3; k++) {
                int side = 56 + 28 * k;
                BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        boolean ink = Math.abs(y - side * (4 + 2 * digit) / 28) < side / 28 + 1 && x > side / 4
                                && x < side * (2 + digit % 2) / 4;
                        image.setRGB(x, y, ink ? Color.BLACK.getRGB() : Color.WHITE.getRGB());
                    }
                }
                ImageIO.write(image, "png", examples.resolve(digit + "/" + k + ".png").toFile());
            }
        }
        return examples;
    }

    @Test
    void adaptSavesAModelNamedAfterItsBaseThatKnowsHowManyExamplesTaughtIt() throws IOException {
        Path data = ModelCommandsTest.TinyMnist.write(dir.resolve("data"), 200, 50);
        Path base = dir.resolve("small.json");
        assertEquals(0, run("train", "--data", data.toString(), "--epochs", "1", "--layers", "16", "--out",
                base.toString()), err.toString());
        out.getBuffer().setLength(0);
        Path adapted = dir.resolve("adapted.json");

        int exit = run("adapt", "--model", base.toString(), "--examples", examples().toString(), "--data",
                data.toString(), "--out", adapted.toString());

        assertEquals(0, exit, err.toString());
        TrainedModel model = new ModelReader().load(adapted);
        // The file keeps the name it was given; the app names an opened model after its file.
        assertEquals("small + my handwriting", new ModelReader().readHeader(adapted).name());
        assertEquals(new Adaptation("small", 30), model.adaptation());
        String text = out.toString();
        assertTrue(text.contains("Teaching " + base + " 30 examples (0: 3, 1: 3, 2: 3"), text);
        assertTrue(text.contains("Your examples:  "), text);
        assertTrue(text.contains("(each read by a model that did not learn it, 3-fold)"), text);
        assertTrue(text.contains("MNIST test set: "), text);
        assertTrue(text.endsWith("Saved small + my handwriting to " + adapted + System.lineSeparator()), text);
        assertTrue(Files.readString(adapted).contains("\"adapted_from\""));
        out.getBuffer().setLength(0);
        assertEquals(0, run("info", "--model", adapted.toString()));
        assertTrue(out.toString().contains("Adapted:        from small, taught 30 of the user's drawings"),
                out.toString());
    }

    @Test
    void aFolderWithoutDigitSubfoldersIsOneLineAndNoModel() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path adapted = dir.resolve("adapted.json");

        int exit = run("adapt", "--examples", empty.toString(), "--data", dir.toString(), "--out", adapted.toString());

        assertEquals(1, exit);
        assertEquals("digitlab: " + empty + " holds no pictures in subfolders 0 to 9 (e.g. " + empty.resolve("7")
                + "/a.png)", err.toString().strip());
        assertFalse(Files.exists(adapted));
    }

    @Test
    void aPictureWithoutInkIsNamed() throws IOException {
        Path examples = examples();
        BufferedImage blank = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        Path file = examples.resolve("4/blank.png");
        ImageIO.write(blank, "png", file.toFile());

        int exit = run("adapt", "--examples", examples.toString(), "--data", dir.toString(), "--out",
                dir.resolve("a.json").toString());

        assertEquals(1, exit);
        assertEquals("digitlab: " + file + ": nothing drawn", err.toString().strip());
    }
}
