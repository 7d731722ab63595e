package dev.digitlab.imaging.strokes;

import dev.digitlab.imaging.GrayImage;
import dev.digitlab.imaging.MnistPreprocessor;
import dev.digitlab.imaging.NaivePreprocessor;
import dev.digitlab.imaging.Preprocessor;
import dev.digitlab.nn.Classifier;
import java.util.List;
import java.util.Optional;

/**
 * Reads a drawing: rasterizes its strokes, makes the network's input the way MNIST was made
 * (and, for contrast, the naive way) and classifies both. Plain Java, so it runs on the Draw tab's
 * background thread and in tests alike. It keeps the last raster, so that a drawing that grows a
 * mouse move at a time is drawn a piece at a time: use one reader on one thread at a time.
 */
public final class DrawingReader {

    /** The raster's side in pixels: one pixel per drawing unit, whatever the canvas's size on screen. */
    public static final int RASTER_SIDE = (int) Drawing.SIDE;
    /**
     * A drawing whose strokes reach less than this many drawing units (1/35 of the canvas) is a
     * click or a slip of the pen, not a digit yet: no prediction is made from it.
     */
    public static final double MIN_EXTENT = 8;

    private final GrowingRaster raster;
    private final Preprocessor mnistStyle;
    private final Preprocessor naive;

    /** A reader with the app's raster size and preprocessing. */
    public DrawingReader() {
        this(new StrokeRasterizer(RASTER_SIDE), new MnistPreprocessor(), new NaivePreprocessor());
    }

    DrawingReader(StrokeRasterizer rasterizer, Preprocessor mnistStyle, Preprocessor naive) {
        this.raster = new GrowingRaster(rasterizer);
        this.mnistStyle = mnistStyle;
        this.naive = naive;
    }

    /**
     * What {@code classifier} reads in {@code strokes}.
     *
     * @param classifier the model, or null to make the inputs only
     */
    public Reading read(List<Stroke> strokes, Classifier classifier) {
        if (strokes.isEmpty() || Drawing.extent(strokes) < MIN_EXTENT) {
            return Reading.EMPTY;
        }
        return read(raster.render(strokes), classifier);
    }

    /**
     * What {@code classifier} reads in a picture, e.g. a test image, prepared as a drawing is.
     *
     * @param canvas     the picture, of either polarity and any size
     * @param classifier the model, or null to make the inputs only
     */
    public Reading read(GrayImage canvas, Classifier classifier) {
        Optional<GrayImage> input = mnistStyle.prepare(canvas);
        if (input.isEmpty()) {
            return Reading.EMPTY;
        }
        GrayImage shrunk = naive.prepare(canvas).orElseThrow();
        if (classifier == null) {
            return new Reading(input.get(), null, shrunk, null);
        }
        return new Reading(input.get(), classifier.probabilities(input.get().values()), shrunk,
                classifier.probabilities(shrunk.values()));
    }
}
