package dev.digitlab.train;

import dev.digitlab.imaging.Preprocessing;
import dev.digitlab.base.Mnist;
import dev.digitlab.data.ImageSet;
import dev.digitlab.imaging.GrayImage;
import dev.digitlab.imaging.ImageFiles;
import dev.digitlab.imaging.MnistPreprocessor;
import dev.digitlab.imaging.Preprocessor;
import dev.digitlab.imaging.strokes.DrawingReader;
import dev.digitlab.imaging.strokes.LabelledDrawing;
import dev.digitlab.imaging.strokes.Reading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A user's examples as the network's inputs: drawings through the Draw tab's own rasterizer and
 * preprocessing, pictures through {@code predict}'s, so that what is taught is exactly what is
 * read later.
 */
public final class OwnExamples {

    private static final int SIDE = Mnist.SIDE;

    private OwnExamples() {
    }

    /** The drawings as 28x28 inputs, in order; a drawing too small to read is left out. */
    public static ImageSet fromDrawings(List<LabelledDrawing> drawings) {
        DrawingReader reader = new DrawingReader();
        List<float[]> inputs = new ArrayList<>();
        List<Integer> digits = new ArrayList<>();
        for (LabelledDrawing d : drawings) {
            Reading r = reader.read(d.strokes(), null, Preprocessing.MNIST);
            if (r.drawn()) {
                inputs.add(r.input().values());
                digits.add(d.digit());
            }
        }
        return set(inputs, digits);
    }

    /**
     * The pictures in {@code folder}'s subfolders {@code 0} to {@code 9} (PNG, JPEG, GIF or BMP;
     * any size, either polarity), labelled by their subfolder.
     *
     * @throws IOException with a one-line reason: no digit subfolders, a picture that cannot be read
     *                     or holds no ink
     */
    public static ImageSet fromFolder(Path folder) throws IOException {
        Preprocessor preprocessor = new MnistPreprocessor();
        List<float[]> inputs = new ArrayList<>();
        List<Integer> digits = new ArrayList<>();
        for (int digit = 0; digit <= 9; digit++) {
            Path sub = folder.resolve(Integer.toString(digit));
            if (!Files.isDirectory(sub)) {
                continue;
            }
            for (Path picture : pictures(sub)) {
                GrayImage image = ImageFiles.read(picture);
                Optional<GrayImage> input = preprocessor.prepare(image);
                if (input.isEmpty()) {
                    throw new IOException(picture + ": nothing drawn");
                }
                inputs.add(input.get().values());
                digits.add(digit);
            }
        }
        if (inputs.isEmpty()) {
            throw new IOException(folder + " holds no pictures in subfolders 0 to 9 (e.g. " + folder.resolve("7")
                    + "/a.png)");
        }
        return set(inputs, digits);
    }

    private static List<Path> pictures(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(OwnExamples::isPicture).sorted().toList();
        }
    }

    private static boolean isPicture(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".gif")
                || name.endsWith(".bmp");
    }

    private static ImageSet set(List<float[]> inputs, List<Integer> digits) {
        float[] pixels = new float[inputs.size() * SIDE * SIDE];
        byte[] labels = new byte[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            System.arraycopy(inputs.get(i), 0, pixels, i * SIDE * SIDE, SIDE * SIDE);
            labels[i] = (byte) (int) digits.get(i);
        }
        return new ImageSet(pixels, labels, SIDE, SIDE);
    }
}
