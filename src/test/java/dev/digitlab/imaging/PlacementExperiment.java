package dev.digitlab.imaging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The measurement behind {@link MnistPreprocessor#CENTRE} and its subpixel placement: real MNIST
 * test digits, redrawn as people draw them on a 560 px canvas, are preprocessed four ways and read
 * by a 3-nearest-neighbour reader over the 60,000 training digits (which, like the network, only
 * knows what MNIST looks like). A measurement, not a test: it takes a few minutes.
 * Run: {@code ./mvnw -q test-compile && java -Xmx2g -cp target/classes:target/test-classes
 * dev.digitlab.imaging.PlacementExperiment [folder-with-mnist] [digits]}
 */
public final class PlacementExperiment {

    private final float[][] train;
    private final byte[] trainLabels;

    private PlacementExperiment(float[][] train, byte[] trainLabels) {
        this.train = train;
        this.trainLabels = trainLabels;
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/mnist");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        PlacementExperiment reader = new PlacementExperiment(
                MnistTestDigits.images(folder.resolve(MnistTestDigits.TRAIN_IMAGES), 60_000),
                MnistTestDigits.labels(folder.resolve(MnistTestDigits.TRAIN_LABELS), 60_000));
        float[][] test = MnistTestDigits.images(folder.resolve(MnistTestDigits.TEST_IMAGES), count);
        byte[] labels = MnistTestDigits.labels(folder.resolve(MnistTestDigits.TEST_LABELS), count);

        Map<String, UnaryOperator<GrayImage>> ways = new LinkedHashMap<>();
        ways.put("subpixel, centre at 14.0 (geometric) ", picture -> subpixel(picture, 14.0));
        ways.put("subpixel, centre at 14.5 (the app)   ", picture -> new MnistPreprocessor().prepare(picture).orElseThrow());
        ways.put("whole pixels, as MNIST did            ", PlacementExperiment::wholePixels);
        ways.put("naive whole-canvas shrink             ", picture -> new NaivePreprocessor().prepare(picture).orElseThrow());

        int original = 0;
        for (int i = 0; i < count; i++) {
            original += reader.read(test[i]) == labels[i] ? 1 : 0;
        }
        System.out.printf("original test digits                   %d/%d%n", original, count);
        Redrawer redrawer = new Redrawer();
        Random random = new Random(11);
        int[] right = new int[ways.size()];
        for (int i = 0; i < count; i++) {
            // One canvas at a time: a thousand 560x560 canvases would not fit in the heap.
            GrayImage canvas = redrawer.redraw(new GrayImage(28, 28, test[i]), RedrawStyle.random(random, 560));
            int w = 0;
            for (UnaryOperator<GrayImage> way : ways.values()) {
                right[w++] += reader.read(way.apply(canvas).values()) == labels[i] ? 1 : 0;
            }
        }
        int w = 0;
        for (String way : ways.keySet()) {
            System.out.printf("redrawn, %s %d/%d%n", way, right[w++], count);
        }
    }

    /** The majority of the three nearest training digits, or the nearest when all differ. */
    private int read(float[] image) {
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        int[] label = new int[3];
        for (int n = 0; n < train.length; n++) {
            double d = 0;
            for (int i = 0; i < image.length; i++) {
                float e = train[n][i] - image[i];
                d += e * e;
            }
            if (d < best[2]) {
                int k = 2;
                for (; k > 0 && best[k - 1] > d; k--) {
                    best[k] = best[k - 1];
                    label[k] = label[k - 1];
                }
                best[k] = d;
                label[k] = trainLabels[n];
            }
        }
        return label[1] == label[2] ? label[1] : label[0];
    }

    /** The app's pipeline but with the centre of mass placed at {@code centre}. */
    private static GrayImage subpixel(GrayImage picture, double centre) {
        InkCrop ink = InkCrop.find(picture, InkRules.DEFAULT).orElseThrow();
        double s = (double) Preprocessing.MNIST_BOX / ink.box().longerSide();
        return new GrayImage(28, 28, new AreaResampler(28, 28).resample(ink.values(), ink.box().width(),
                ink.box().height(), s, s, centre - ink.centre().x() * s, centre - ink.centre().y() * s));
    }

    /**
     * MNIST's own recipe: fit into a 20x20 box (centred in it), take the centre of mass in pixel
     * indices there, and move the box by whole pixels until that rounds to pixel 14.
     */
    private static GrayImage wholePixels(GrayImage picture) {
        InkCrop ink = InkCrop.find(picture, InkRules.DEFAULT).orElseThrow();
        int w = ink.box().width();
        int h = ink.box().height();
        double s = (double) Preprocessing.MNIST_BOX / ink.box().longerSide();
        double left = (20 - w * s) / 2;
        double top = (20 - h * s) / 2;
        float[] box = new AreaResampler(20, 20).resample(ink.values(), w, h, s, s, left, top);
        CenterOfMass c = CenterOfMass.of(box, 20, 20);
        long dx = Math.round(14 - (c.x() - 0.5));
        long dy = Math.round(14 - (c.y() - 0.5));
        return new GrayImage(28, 28, new AreaResampler(28, 28).resample(ink.values(), w, h, s, s, left + dx, top + dy));
    }
}
