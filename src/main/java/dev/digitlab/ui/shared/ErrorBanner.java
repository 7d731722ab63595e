package dev.digitlab.ui.shared;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** The red line a tab shows its last error in: there while the error is, taking no room when it is gone. */
public final class ErrorBanner {

    private ErrorBanner() {
    }

    /** A banner with id {@code id} that shows {@code error} (null: hidden). */
    public static Label of(String id, ObservableStringValue error) {
        Label banner = new Label();
        banner.setId(id);
        banner.getStyleClass().add("error-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(error);
        banner.visibleProperty().bind(banner.textProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
