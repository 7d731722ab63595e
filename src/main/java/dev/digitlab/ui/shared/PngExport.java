package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.FileChooserService;
import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.PngExport;

import dev.digitlab.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/**
 * Saves what a node shows as a PNG picture: asks for the file through a {@link FileChooserService},
 * takes a snapshot of the node (on a white background) and writes it atomically, so a failed save
 * leaves any earlier file as it was. Use on the FX thread.
 */
public final class PngExport {

    private final FileChooserService chooser;
    private final Consumer<Path> saved;
    private final Consumer<String> failed;

    /**
     * @param chooser asks where to save
     * @param saved   told the file after a save, to show it to the user
     * @param failed  told why a save could not be done, one sentence
     */
    public PngExport(FileChooserService chooser, Consumer<Path> saved, Consumer<String> failed) {
        this.chooser = chooser;
        this.saved = saved;
        this.failed = failed;
    }

    /**
     * Asks for a file and saves {@code node} there as PNG.
     *
     * @param name the picture's name, e.g. {@code confusion-matrix}: the suggested file name
     * @return the file written, or empty when the user cancelled or it failed (the reason is reported)
     */
    public Optional<Path> export(Node node, String name) {
        if (node.getLayoutBounds().getWidth() < 1 || node.getLayoutBounds().getHeight() < 1
                || node.getScene() == null) {
            failed.accept(Messages.get("export.empty"));
            return Optional.empty();
        }
        Optional<Path> chosen = chooser.chooseSaveFile(Messages.get("export.title"), name + ".png");
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Path file = withPngExtension(chosen.get());
        try {
            write(snapshot(node), file);
            saved.accept(file);
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            failed.accept(Messages.format("export.failed", file.toString(), reason(e)));
            return Optional.empty();
        }
    }

    /** What the node shows, on white (a transparent background would show black in some viewers). */
    static WritableImage snapshot(Node node) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        return node.snapshot(parameters, null);
    }

    /** Writes {@code image} to {@code file} as PNG, atomically. */
    static void write(WritableImage image, Path file) throws IOException {
        java.awt.image.BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        new AtomicFile().write(file, out -> {
            if (!ImageIO.write(buffered, "png", out)) {
                throw new IOException("no PNG writer is available");
            }
        });
    }

    static Path withPngExtension(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".png") ? file : file.resolveSibling(name + ".png");
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the folder does not exist";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
