package dev.digitlab.imaging.strokes;

import dev.digitlab.data.ImageSet;
import dev.digitlab.data.PenDigit;
import dev.digitlab.imaging.GrayImage;
import dev.digitlab.imaging.Preprocessing;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Puts a digit recorded on a pen tablet onto the Draw tab's canvas as a person would draw it there,
 * so that it is read exactly as a drawing is: its strokes go through a {@link Drawing} (the canvas's
 * own clamping and spacing of pen positions) with the Draw tab's default {@link Pen}.
 *
 * <p>Placement: the tablet's y grows upwards, so it is flipped. Each digit's bounding box is scaled,
 * keeping its shape, until its longer side is {@value #FILL} of the canvas, and centred. Writers
 * on the tablet made their digits a third of its 500-unit box tall (median 170 units), which
 * mapped box to canvas would give digits 95 units tall drawn with a 24-unit pen, strokes twice as
 * bold as MNIST's after preprocessing; the default pen's width was chosen for digits drawn across
 * about two thirds of the canvas, which is how people draw on it.
 */
public final class TabletDigits {

    /** The share of the canvas a digit's longer side takes. */
    public static final double FILL = 2.0 / 3.0;

    private TabletDigits() {
    }

    /** {@code digit}'s strokes on the canvas, drawn with the default pen. */
    public static List<Stroke> strokes(PenDigit digit) {
        return strokes(digit, Pen.DEFAULT_WIDTH);
    }

    /** {@code digit}'s strokes on the canvas, drawn with a pen {@code penWidth} units wide. */
    public static List<Stroke> strokes(PenDigit digit, double penWidth) {
        float minX = Float.POSITIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        for (float[] s : digit.strokes()) {
            for (int i = 0; i < s.length; i += 2) {
                minX = Math.min(minX, s[i]);
                maxX = Math.max(maxX, s[i]);
                minY = Math.min(minY, s[i + 1]);
                maxY = Math.max(maxY, s[i + 1]);
            }
        }
        double longer = Math.max(maxX - minX, maxY - minY);
        // A single dot has no size to fit: it stays a dot in the middle.
        double scale = longer > 0 ? FILL * Drawing.SIDE / longer : 1;
        double centreX = (minX + maxX) / 2.0;
        double centreY = (minY + maxY) / 2.0;
        double middle = Drawing.SIDE / 2;
        Drawing drawing = new Drawing();
        for (float[] s : digit.strokes()) {
            drawing.begin(middle + (s[0] - centreX) * scale, middle - (s[1] - centreY) * scale, penWidth);
            for (int i = 2; i < s.length; i += 2) {
                drawing.extend(middle + (s[i] - centreX) * scale, middle - (s[i + 1] - centreY) * scale);
            }
            drawing.end();
        }
        return drawing.strokes();
    }

    /**
     * What the network reads from each digit: its strokes on the canvas with the default pen, through
     * the Draw tab's {@link DrawingReader}, labelled. A digit too small to be read (a dot) gives an
     * empty picture, which the network still has to name. Uses every core.
     */
    public static ImageSet images(List<PenDigit> digits) {
        return images(digits, Preprocessing.MNIST);
    }

    /** As {@link #images(List)}, prepared by {@code recipe} (a model's own, e.g. when testing it). */
    public static ImageSet images(List<PenDigit> digits, Preprocessing recipe) {
        int pixels = recipe.inputs();
        float[] all = new float[digits.size() * pixels];
        byte[] labels = new byte[digits.size()];
        ThreadLocal<DrawingReader> readers = ThreadLocal.withInitial(DrawingReader::new);
        IntStream.range(0, digits.size()).parallel().forEach(i -> {
            PenDigit digit = digits.get(i);
            Reading reading = readers.get().read(strokes(digit), null, recipe);
            if (reading.drawn()) {
                System.arraycopy(reading.input().values(), 0, all, i * pixels, pixels);
            }
            labels[i] = (byte) digit.label();
        });
        return new ImageSet(all, labels, recipe.field(), recipe.field());
    }

    /** {@code digit} as the canvas shows it: a {@value DrawingReader#RASTER_SIDE}-pixel square, ink high. */
    public static GrayImage canvas(PenDigit digit) {
        return new StrokeRasterizer(DrawingReader.RASTER_SIDE).rasterize(strokes(digit));
    }
}
