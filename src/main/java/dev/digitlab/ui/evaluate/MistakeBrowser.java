package dev.digitlab.ui.evaluate;

import dev.digitlab.train.Predictions;
import dev.digitlab.ui.shared.LocalText;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.TestImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Browsing an evaluation's test images: {@link #selectCell} fills the gallery with the images
 * behind one cell of the confusion matrix (e.g. every 4 read as a 9); {@link #selectImage} picks
 * one of them to show large, and {@link #onOpenInDrawProperty()} is where the app can hand it on
 * to the Draw tab. Also a random test image. Use on the FX thread.
 */
public final class MistakeBrowser {

    /** A cell of the confusion matrix: images of digit {@code actual} read as {@code predicted}. */
    public record Cell(int actual, int predicted) {
    }

    private final RandomGenerator random;
    private final ReadOnlyObjectWrapper<Cell> selectedCell = new ReadOnlyObjectWrapper<>(this, "selectedCell");
    private final ObservableList<TestImage> gallery = FXCollections.observableArrayList();
    private final ObservableList<TestImage> galleryView = FXCollections.unmodifiableObservableList(gallery);
    private final LocalText galleryTitle = new LocalText(this, "galleryTitle", () -> null);
    private final ReadOnlyObjectWrapper<TestImage> selectedImage = new ReadOnlyObjectWrapper<>(this, "selectedImage");
    private final ReadOnlyObjectWrapper<TestImage> randomImage = new ReadOnlyObjectWrapper<>(this, "randomImage");
    private final ObjectProperty<Consumer<TestImage>> onOpenInDraw = new SimpleObjectProperty<>(this, "onOpenInDraw");
    private final BooleanBinding canOpenInDraw;
    private Predictions predictions;

    MistakeBrowser(RandomGenerator random) {
        this.random = random;
        canOpenInDraw = Bindings.createBooleanBinding(() -> selectedImage.get() != null && onOpenInDraw.get() != null,
                selectedImage, onOpenInDraw);
    }

    /** Browses {@code p}, a new evaluation: its most frequent mistake and a random image. */
    void show(Predictions p) {
        predictions = p;
        Cell worst = mostFrequentMistake(p.evaluation().confusion());
        selectCell(worst.actual(), worst.predicted());
        nextRandom();
    }

    /** Fills the gallery with the test images of digit {@code actual} that were read as {@code predicted}. */
    public void selectCell(int actual, int predicted) {
        Predictions p = predictions;
        if (p == null) {
            return;
        }
        int[] indices = p.indices(actual, predicted);
        List<TestImage> images = new ArrayList<>(indices.length);
        for (int i : indices) {
            images.add(new TestImage(p, i));
        }
        selectedCell.set(new Cell(actual, predicted));
        gallery.setAll(images);
        int count = indices.length;
        galleryTitle.set(actual == predicted
                ? () -> Messages.format("gallery.right", actual, count)
                : () -> Messages.format("gallery.wrong", actual, predicted, count));
        selectedImage.set(images.isEmpty() ? null : images.get(0));
    }

    /** Shows {@code image} large, with its probabilities. */
    public void selectImage(TestImage image) {
        selectedImage.set(image);
    }

    /** Picks another random test image (after an evaluation). */
    public void nextRandom() {
        Predictions p = predictions;
        if (p != null && p.size() > 0) {
            randomImage.set(new TestImage(p, random.nextInt(p.size())));
        }
    }

    /** Hands the selected image to {@link #onOpenInDrawProperty()}'s callback, if both are there. */
    public void openInDraw() {
        if (canOpenInDraw.get()) {
            onOpenInDraw.get().accept(selectedImage.get());
        }
    }

    /** The off-diagonal cell with the most images; the first diagonal cell when there is no mistake. */
    static Cell mostFrequentMistake(int[][] confusion) {
        Cell best = new Cell(0, 0);
        int most = 0;
        for (int a = 0; a < confusion.length; a++) {
            for (int p = 0; p < confusion[a].length; p++) {
                if (a != p && confusion[a][p] > most) {
                    most = confusion[a][p];
                    best = new Cell(a, p);
                }
            }
        }
        return best;
    }

    /** Composes the gallery's title again in the default language. */
    void languageChanged() {
        galleryTitle.recompose();
    }

    /** The cell whose images the gallery shows; null before an evaluation. */
    public ReadOnlyObjectProperty<Cell> selectedCellProperty() {
        return selectedCell.getReadOnlyProperty();
    }

    /** The images of the selected cell, in test-set order. */
    public ObservableList<TestImage> gallery() {
        return galleryView;
    }

    /** E.g. "True 4, read as 9: 12 images". */
    public ReadOnlyStringProperty galleryTitleProperty() {
        return galleryTitle.property();
    }

    /** The image shown large, and the one "open in Draw" hands on; null when none. */
    public ReadOnlyObjectProperty<TestImage> selectedImageProperty() {
        return selectedImage.getReadOnlyProperty();
    }

    /** The random test image; null before an evaluation. */
    public ReadOnlyObjectProperty<TestImage> randomImageProperty() {
        return randomImage.getReadOnlyProperty();
    }

    /**
     * What "Open in Draw" does with the selected image: the app sets it once the Draw tab can show
     * a test image beside the network's input. While it is null the button is hidden.
     */
    public ObjectProperty<Consumer<TestImage>> onOpenInDrawProperty() {
        return onOpenInDraw;
    }

    /** True while an image is selected and {@link #onOpenInDrawProperty()} is set. */
    public BooleanBinding canOpenInDrawProperty() {
        return canOpenInDraw;
    }
}
