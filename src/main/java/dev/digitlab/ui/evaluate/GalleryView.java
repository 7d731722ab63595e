package dev.digitlab.ui.evaluate;

import dev.digitlab.ui.shared.DigitImages;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.TestImage;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The test images of the selected matrix cell as thumbnails, each with the digit the network read
 * and how sure it was. A diagonal cell can hold a thousand images, so the thumbnails sit in a
 * virtualised list of rows (only the rows on screen are built), as many per row as fit the width.
 * Each list cell keeps its thumbnail nodes and only changes their picture and text when the gallery
 * changes, so a new evaluation or cell costs no new nodes (new nodes are what make a layout pulse
 * slow). Clicking a thumbnail shows the image large.
 */
final class GalleryView {

    static final double THUMB = 56;
    private static final double GAP = 4;
    /** A thumbnail's width with its padding and frame, and the gap to the next one. */
    private static final double THUMB_WIDTH = THUMB + 2 * 3 + 2 * 2 + GAP;
    private static final double ROW_HEIGHT = THUMB + 30;
    /** The vertical scroll bar, the list's border and its cells' padding. */
    private static final double SCROLL_BAR = 24;

    private final EvaluateViewModel model;
    private final VBox root = new VBox(6);
    private final ListView<Row> rows = new ListView<>();
    private int columns = 1;
    private long generation;

    /** Row {@code index} of the gallery's {@code generation}-th layout: unequal to any earlier row. */
    private record Row(int index, long generation) {
    }

    GalleryView(EvaluateViewModel model) {
        this.model = model;
        Label title = new Label();
        title.setId("galleryTitle");
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(model.mistakes().galleryTitleProperty());

        rows.setId("gallery");
        rows.getStyleClass().add("gallery");
        rows.setFixedCellSize(ROW_HEIGHT);
        rows.setFocusTraversable(false);
        rows.setCellFactory(list -> new RowCell());
        Label empty = new Label(Messages.get("gallery.empty"));
        empty.setWrapText(true);
        rows.setPlaceholder(empty);
        VBox.setVgrow(rows, Priority.ALWAYS);
        rows.widthProperty().addListener((obs, old, w) -> {
            if (columns(w.doubleValue()) != columns) {
                layoutRows();
            }
        });
        model.mistakes().gallery().addListener((ListChangeListener<TestImage>) c -> {
            layoutRows();
            rows.scrollTo(0);
        });
        model.mistakes().selectedImageProperty().addListener((obs, old, now) -> markSelected(now));
        root.getChildren().addAll(title, rows);
        layoutRows();
    }

    Node root() {
        return root;
    }

    private static int columns(double width) {
        return Math.max(1, (int) ((width - SCROLL_BAR) / THUMB_WIDTH));
    }

    /** One list row per {@link #columns} images, as many columns as the width takes. */
    private void layoutRows() {
        columns = columns(rows.getWidth());
        generation++;
        int n = model.mistakes().gallery().size();
        int count = (n + columns - 1) / columns;
        List<Row> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(new Row(i, generation));
        }
        // New, unequal items: the list updates the cells it has instead of making new ones.
        rows.getItems().setAll(items);
    }

    /** Moves the selection frame; only the thumbnails on screen exist. */
    private void markSelected(TestImage selected) {
        for (Node thumb : rows.lookupAll(".gallery-thumb")) {
            thumb.getStyleClass().remove("selected");
            if (thumb.getUserData() != null && thumb.getUserData().equals(selected)) {
                thumb.getStyleClass().add("selected");
            }
        }
    }

    /** A thumbnail that shows one image after another. */
    private final class Thumb extends VBox {

        private final ImageView view = new ImageView();
        private final Label text = new Label();

        Thumb() {
            super(2);
            view.setFitWidth(THUMB);
            view.setFitHeight(THUMB);
            view.setSmooth(false);
            text.getStyleClass().add("thumb-text");
            getChildren().addAll(view, text);
            setAlignment(Pos.CENTER);
            getStyleClass().add("gallery-thumb");
            setCursor(Cursor.HAND);
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && getUserData() instanceof TestImage image) {
                    model.mistakes().selectImage(image);
                }
            });
        }

        void show(TestImage image) {
            setUserData(image);
            view.setImage(DigitImages.of(image));
            text.setText(Messages.format("gallery.thumb", image.predicted(), 100 * image.topProbability()));
            getStyleClass().remove("selected");
            if (image.equals(model.mistakes().selectedImageProperty().get())) {
                getStyleClass().add("selected");
            }
        }
    }

    private final class RowCell extends ListCell<Row> {

        private final HBox box = new HBox(GAP);
        private final List<Thumb> thumbs = new ArrayList<>();

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            List<TestImage> images = model.mistakes().gallery();
            if (empty || row == null || row.index() * columns >= images.size()) {
                setGraphic(null);
                return;
            }
            int from = row.index() * columns;
            int count = Math.min(images.size(), from + columns) - from;
            while (thumbs.size() < count) {
                thumbs.add(new Thumb());
            }
            for (int i = 0; i < count; i++) {
                thumbs.get(i).show(images.get(from + i));
            }
            if (box.getChildren().size() != count) {
                box.getChildren().setAll(thumbs.subList(0, count));
            }
            setGraphic(box);
        }
    }
}
