package dev.digitlab.ui;

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
 * Clicking a thumbnail shows the image large.
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
    private final ListView<Integer> rows = new ListView<>();
    private int columns = 1;

    GalleryView(EvaluateViewModel model) {
        this.model = model;
        Label title = new Label();
        title.setId("galleryTitle");
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(model.galleryTitleProperty());

        rows.setId("gallery");
        rows.getStyleClass().add("gallery");
        rows.setFixedCellSize(ROW_HEIGHT);
        rows.setFocusTraversable(false);
        rows.setCellFactory(list -> new RowCell());
        Label empty = new Label(Messages.get("gallery.empty"));
        empty.setWrapText(true);
        rows.setPlaceholder(empty);
        VBox.setVgrow(rows, Priority.ALWAYS);
        rows.widthProperty().addListener((obs, old, w) -> layoutRows());
        model.gallery().addListener((ListChangeListener<TestImage>) c -> {
            layoutRows();
            rows.scrollTo(0);
        });
        model.selectedImageProperty().addListener((obs, old, now) -> markSelected(now));
        root.getChildren().addAll(title, rows);
        layoutRows();
    }

    Node root() {
        return root;
    }

    /** One list row per {@link #columns} images, as many columns as the width takes. */
    private void layoutRows() {
        columns = Math.max(1, (int) ((rows.getWidth() - SCROLL_BAR) / THUMB_WIDTH));
        int n = model.gallery().size();
        int count = (n + columns - 1) / columns;
        List<Integer> indices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            indices.add(i);
        }
        rows.getItems().setAll(indices);
        rows.refresh();
    }

    /** Moves the selection frame; only the thumbnails on screen exist. */
    private void markSelected(TestImage selected) {
        for (Node thumb : rows.lookupAll(".gallery-thumb")) {
            thumb.getStyleClass().remove("selected");
            if (thumb.getUserData().equals(selected)) {
                thumb.getStyleClass().add("selected");
            }
        }
    }

    private Node thumb(TestImage image) {
        ImageView view = new ImageView(DigitImages.of(image));
        view.setFitWidth(THUMB);
        view.setFitHeight(THUMB);
        view.setSmooth(false);
        Label text = new Label(Messages.format("gallery.thumb", image.predicted(), 100 * image.topProbability()));
        text.getStyleClass().add("thumb-text");
        VBox box = new VBox(2, view, text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("gallery-thumb");
        if (image.equals(model.selectedImageProperty().get())) {
            box.getStyleClass().add("selected");
        }
        box.setUserData(image);
        box.setCursor(Cursor.HAND);
        box.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                model.selectImage(image);
            }
        });
        return box;
    }

    private final class RowCell extends ListCell<Integer> {

        @Override
        protected void updateItem(Integer row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            List<TestImage> images = model.gallery();
            if (empty || row == null || row * columns >= images.size()) {
                setGraphic(null);
                return;
            }
            HBox box = new HBox(GAP);
            for (int i = row * columns; i < Math.min(images.size(), (row + 1) * columns); i++) {
                box.getChildren().add(thumb(images.get(i)));
            }
            setGraphic(box);
        }
    }
}
