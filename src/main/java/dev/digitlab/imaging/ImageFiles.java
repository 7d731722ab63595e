package dev.digitlab.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/** Reads picture files (PNG, JPEG, GIF, BMP) as {@link GrayImage}s, so loaded digits can be read, and writes PNGs. */
public final class ImageFiles {

    private ImageFiles() {
    }

    /**
     * The picture in {@code file} as gray values.
     *
     * @throws IOException with a one-sentence message naming the file, if it is missing, unreadable
     *     or not a picture
     */
    public static GrayImage read(Path file) throws IOException {
        BufferedImage image;
        try (InputStream in = Files.newInputStream(file)) {
            image = ImageIO.read(in);
        } catch (NoSuchFileException e) {
            throw new IOException(file + " does not exist", e);
        } catch (IOException e) {
            throw new IOException(file + " cannot be read: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IOException(file + " is not a picture in a format DigitLab reads (PNG, JPEG, GIF or BMP)");
        }
        return toGray(image);
    }

    /**
     * The gray values of {@code image}: its samples as they are for a gray image, otherwise as
     * {@link GrayImage#fromArgb} reads colour (luma, transparency over white).
     */
    public static GrayImage toGray(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (!isPlainGray(image)) {
            return GrayImage.fromArgb(w, h, image.getRGB(0, 0, w, h, null, 0, w));
        }
        // getRGB would pass gray samples through a colour-space conversion that changes them.
        float[] values = new float[w * h];
        Raster raster = image.getRaster();
        float max = (1 << image.getColorModel().getComponentSize(0)) - 1;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                values[y * w + x] = Math.min(1f, row[x] / max);
            }
        }
        return new GrayImage(w, h, values);
    }

    private static boolean isPlainGray(BufferedImage image) {
        return image.getColorModel().getNumComponents() == 1
                && image.getRaster().getNumBands() == 1
                && image.getColorModel().getComponentSize(0) <= 16;
    }

    /**
     * Writes an ink-high picture (1 = ink) as an 8-bit gray PNG, dark ink on white paper as it looks
     * on the canvas; atomically (a temporary file moved over {@code file}).
     *
     * @throws IOException with a one-sentence message naming the file
     */
    public static void writeInkPng(GrayImage inkHigh, Path file) throws IOException {
        int w = inkHigh.width();
        int h = inkHigh.height();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = Math.round(255 * (1 - Math.max(0f, Math.min(1f, inkHigh.value(x, y)))));
            }
            image.getRaster().setSamples(0, y, w, 1, 0, row);
        }
        Path parent = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, ".digit", ".png.tmp");
        try {
            ImageIO.write(image, "png", temp.toFile());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new IOException(file + " cannot be written: " + e.getMessage(), e);
        }
    }
}
