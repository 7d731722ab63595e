package dev.digitlab.imaging.strokes;

import dev.digitlab.imaging.GrayImage;
import dev.digitlab.imaging.Preprocessing;
import dev.digitlab.imaging.Preprocessor;
import dev.digitlab.nn.Classifier;
import java.util.List;
import java.util.Optional;

/**
 * Reads a drawing: rasterizes its strokes, makes the network's input the way the model's recipe
 * says (its {@link Preprocessing}; and, for contrast, the naive way) and classifies both. Plain
 * Java, so it runs on the Draw tab's background thread, in the command line and in tests alike. It
 * keeps the last raster, so that a drawing that grows a mouse move at a time is drawn a piece at a
 * time: use one reader on one thread at a time.
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
    private Preprocessing recipe;
    private Preprocessor recipeStyle;
    private Preprocessor naive;

    /** A reader with the app's raster size. */
    public DrawingReader() {
        this(new StrokeRasterizer(RASTER_SIDE));
    }

    DrawingReader(StrokeRasterizer rasterizer) {
        this.raster = new GrowingRaster(rasterizer);
    }

    /**
     * What {@code classifier} reads in {@code strokes}.
     *
     * @param classifier the model, or null to make the inputs only
     * @param recipe     how the model wants its input made (the model file's recipe)
     */
    public Reading read(List<Stroke> strokes, Classifier classifier, Preprocessing recipe) {
        if (strokes.isEmpty() || Drawing.extent(strokes) < MIN_EXTENT) {
            return Reading.EMPTY;
        }
        return read(raster.render(strokes), classifier, recipe);
    }

    /**
     * What {@code classifier} reads in a picture, e.g. a test image, prepared as a drawing is.
     *
     * @param canvas     the picture, of either polarity and any size
     * @param classifier the model, or null to make the inputs only
     * @param recipe     how the model wants its input made (the model file's recipe)
     */
    public Reading read(GrayImage canvas, Classifier classifier, Preprocessing recipe) {
        use(recipe);
        Optional<GrayImage> input = recipeStyle.prepare(canvas);
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

    /** Makes the preprocessors for {@code wanted} unless they are made already (a model change is rare). */
    private void use(Preprocessing wanted) {
        if (!wanted.equals(recipe)) {
            recipeStyle = wanted.preprocessor();
            naive = wanted.naive();
            recipe = wanted;
        }
    }
}
