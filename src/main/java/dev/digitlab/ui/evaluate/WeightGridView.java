package dev.digitlab.ui.evaluate;

import dev.digitlab.ui.shared.Messages;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The first layer's weights as a grid of small pictures, one per hidden unit (or filter), on a
 * diverging scale: blue negative, white zero, red positive, symmetric around zero.
 *
 * <p>By default one scale serves all tiles (the 99th percentile of all absolute weights): a colour
 * then means the same weight in every tile, and a faint tile is a unit with small weights, which is
 * worth seeing. The check box scales each tile on its own instead, which brings out the pattern of
 * the weak units too. The picture is drawn once per model (or scale) into one image, a square of
 * pixels per weight with a grey line between tiles, near the size it is shown at.
 */
final class WeightGridView {

    private static final int GAP_ARGB = 0xFF8A8F98;
    /** About how wide a tile is drawn, in image pixels; see {@link #pixelsPerWeight}. */
    static final int TILE_PIXELS = 84;

    private final EvaluateViewModel model;
    private final VBox root = new VBox(8);
    private final ImageView grid = new ImageView();
    private final CheckBox perTile = new CheckBox(Messages.get("weights.perUnit"));
    private final Label scale = new Label();
    private final Label message = new Label();
    private final Label title = new Label(Messages.get("weights.title"));
    private final Label help = new Label(Messages.get("weights.help"));

    WeightGridView(EvaluateViewModel model) {
        this.model = model;
        root.getStyleClass().add("weights-view");
        root.setPadding(new Insets(12, 16, 12, 16));
        title.setId("weightsTitle");
        title.getStyleClass().add("panel-title");
        help.setId("weightsHelp");
        help.setWrapText(true);
        help.getStyleClass().add("help-text");

        perTile.setId("perUnitScale");
        Tooltip tip = new Tooltip(Messages.get("help.perUnit"));
        tip.setWrapText(true);
        tip.setMaxWidth(340);
        perTile.setTooltip(tip);
        perTile.selectedProperty().addListener((obs, old, on) -> draw());
        Region gradient = new Region();
        gradient.getStyleClass().add("scale-bar");
        gradient.setStyle("-fx-background-color: " + DivergingColors.cssGradient() + ";");
        gradient.setPrefSize(180, 12);
        gradient.setMinSize(180, 12);
        gradient.setMaxHeight(12);
        Label negative = new Label("−");
        Label positive = new Label("+");
        scale.setId("weightScale");
        HBox legend = new HBox(6, negative, gradient, positive, scale);
        legend.setAlignment(Pos.CENTER_LEFT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox controls = new HBox(16, legend, gap, perTile);
        controls.setAlignment(Pos.CENTER_LEFT);

        grid.setId("weightGrid");
        grid.setSmooth(false);
        grid.setPreserveRatio(true);
        message.setId("weightsMessage");
        message.getStyleClass().add("help-text");
        message.setWrapText(true);
        StackPane holder = new FittingPane(grid, message);
        holder.setAlignment(Pos.TOP_CENTER);
        VBox.setVgrow(holder, Priority.ALWAYS);

        root.getChildren().addAll(title, help, controls, holder);
        model.session().weightsProperty().addListener((obs, old, now) -> draw());
        draw();
    }

    Node root() {
        return root;
    }

    /** The picture of the weights alone, for exporting. */
    ImageView grid() {
        return grid;
    }

    private void draw() {
        FirstLayerWeights w = model.session().weightsProperty().get();
        if (w == null || !w.drawable()) {
            grid.setImage(null);
            message.setText(w == null ? Messages.get("weights.noModel") : w.problem());
            message.setVisible(true);
            scale.setText("");
            return;
        }
        message.setVisible(false);
        boolean conv = w.convolution();
        title.setText(Messages.get(conv ? "weights.title.conv" : "weights.title"));
        help.setText(conv ? Messages.format("weights.help.conv", w.count(), w.rows(), w.cols())
                : Messages.get("weights.help"));
        boolean own = perTile.isSelected();
        grid.setImage(render(w, own));
        scale.setText(own ? Messages.get("weights.scalePerUnit") : Messages.format("weights.scale", w.globalScale()));
    }

    /**
     * Fits the picture to the space the pane is given, keeping its shape. The pane asks for little
     * space itself, so the picture's size never feeds back into the layout that sizes it.
     */
    private static final class FittingPane extends StackPane {

        private final ImageView image;

        FittingPane(ImageView image, Node... others) {
            super(image);
            getChildren().addAll(others);
            this.image = image;
            setMinSize(0, 0);
        }

        @Override
        protected double computePrefWidth(double height) {
            return 200;
        }

        @Override
        protected double computePrefHeight(double width) {
            return 100;
        }

        @Override
        protected void layoutChildren() {
            image.setFitWidth(Math.max(1, getWidth() - snappedLeftInset() - snappedRightInset()));
            image.setFitHeight(Math.max(1, getHeight() - snappedTopInset() - snappedBottomInset()));
            super.layoutChildren();
        }
    }

    /**
     * Tiles per row: of the counts from a square grid to one three times as wide as tall, the one
     * that leaves the fewest empty places in the last row, and of those the nearest to twice as
     * wide as tall (16 x 8 for 128 units, 16 x 16 for 256, 25 x 12 for 300).
     */
    static int columns(int count) {
        if (count <= 2) {
            return Math.max(1, count);
        }
        double ideal = Math.sqrt(2.0 * count);
        int best = 0;
        int bestEmpty = Integer.MAX_VALUE;
        for (int c = (int) Math.ceil(Math.sqrt(count)); c <= Math.min(count, Math.ceil(Math.sqrt(3.0 * count))); c++) {
            int empty = c * ((count + c - 1) / c) - count;
            if (empty < bestEmpty || empty == bestEmpty && Math.abs(c - ideal) < Math.abs(best - ideal)) {
                best = c;
                bestEmpty = empty;
            }
        }
        return best;
    }

    /**
     * How many image pixels a side of one weight gets: enough that a tile is about
     * {@value #TILE_PIXELS} pixels wide (3 for 28x28 tiles, 16 for 5x5 filters). The view then
     * scales the picture by about 1 rather than by 20, because JavaFX's software renderer smooths
     * a scaled image even when asked not to, which blurred 5x5 filters into smudges.
     */
    static int pixelsPerWeight(FirstLayerWeights w) {
        return Math.max(1, TILE_PIXELS / Math.max(w.rows(), w.cols()));
    }

    /**
     * Each weight a square of {@link #pixelsPerWeight} pixels, tiles in rows of {@link #columns},
     * a one-pixel grey line around each.
     */
    static WritableImage render(FirstLayerWeights w, boolean perTile) {
        int k = pixelsPerWeight(w);
        int columns = columns(w.count());
        int rowsOfTiles = (w.count() + columns - 1) / columns;
        int tileWidth = w.cols() * k;
        int tileHeight = w.rows() * k;
        int width = columns * (tileWidth + 1) + 1;
        int height = rowsOfTiles * (tileHeight + 1) + 1;
        int[] argb = new int[width * height];
        java.util.Arrays.fill(argb, GAP_ARGB);
        // The empty places after the last tile show the background.
        int lastRowTiles = w.count() - (rowsOfTiles - 1) * columns;
        int top = 1 + (rowsOfTiles - 1) * (tileHeight + 1);
        for (int y = top; y < height; y++) {
            java.util.Arrays.fill(argb, y * width + lastRowTiles * (tileWidth + 1) + 1, (y + 1) * width, 0);
        }
        float global = w.globalScale();
        for (int t = 0; t < w.count(); t++) {
            float s = perTile ? w.scale(t) : global;
            int x0 = 1 + (t % columns) * (tileWidth + 1);
            int y0 = 1 + (t / columns) * (tileHeight + 1);
            for (int y = 0; y < tileHeight; y++) {
                int row = (y0 + y) * width + x0;
                for (int c = 0; c < w.cols(); c++) {
                    java.util.Arrays.fill(argb, row + c * k, row + (c + 1) * k, DivergingColors.argb(w.value(t, y / k, c), s));
                }
            }
        }
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }
}
