package dev.digitlab.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads picture files (PNG, JPEG, GIF, BMP) as {@link GrayImage}s, so loaded digits can be read, and writes PNGs. */
public final class ImageFiles {

    private ImageFiles() {
    }

    /**
     * The most pixels a picture may have: 25 million (e.g. 5000 x 5000, more than a phone photo).
     * Checked from the file's header, before anything is decoded: a few bytes of PNG can claim
     * 46000 x 46000, which would take gigabytes to decode.
     */
    public static final long MAX_PIXELS = 25_000_000L;

    /**
     * The picture in {@code file} as gray values.
     *
     * @throws IOException with a one-sentence message naming the file, if it is missing, unreadable,
     *     not a picture, damaged, or larger than {@link #MAX_PIXELS}
     */
    public static GrayImage read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a file");
        }
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(NOT_A_PICTURE.formatted(file));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new IOException(String.format(Locale.ROOT,
                            "%s is %,d x %,d pixels; DigitLab reads pictures of at most %,d pixels", file,
                            reader.getWidth(0), reader.getHeight(0), MAX_PIXELS));
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new IOException(file + " cannot be read: it is damaged or not a complete picture", e);
        } catch (RuntimeException e) {
            throw new IOException(file + " cannot be read: it is damaged or not a complete picture", e);
        } catch (OutOfMemoryError e) {
            throw new IOException(file + " is too large for the memory Java has", e);
        }
        if (image == null) {
            throw new IOException(NOT_A_PICTURE.formatted(file));
        }
        return toGray(image);
    }

    private static final String NOT_A_PICTURE = "%s is not a picture in a format DigitLab reads (PNG, JPEG, GIF or BMP)";

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
