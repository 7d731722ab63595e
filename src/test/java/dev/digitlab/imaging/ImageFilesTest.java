package dev.digitlab.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ImageFilesTest {

    @TempDir
    Path dir;

    @Test
    void grayPngReadsItsSamplesUnchanged() throws IOException {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(1, 0, 0, 64);
        image.getRaster().setSample(2, 1, 0, 255);
        Path file = dir.resolve("gray.png");
        ImageIO.write(image, "png", file.toFile());

        GrayImage gray = ImageFiles.read(file);
        assertEquals(3, gray.width());
        assertEquals(2, gray.height());
        assertEquals(64 / 255f, gray.value(1, 0), 1e-6f);
        assertEquals(1f, gray.value(2, 1));
        assertEquals(0f, gray.value(0, 0));
    }

    @Test
    void colourPixelsBecomeTheirLuma() throws IOException {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        image.setRGB(1, 0, 0x00ff00);
        Path file = dir.resolve("colour.png");
        ImageIO.write(image, "png", file.toFile());

        GrayImage gray = ImageFiles.read(file);
        assertEquals(0.299f, gray.value(0, 0), 1e-3f);
        assertEquals(0.587f, gray.value(1, 0), 1e-3f);
    }

    @Test
    void transparentBackgroundReadsAsWhitePaper() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00000000);
        image.setRGB(1, 0, 0xff000000);
        GrayImage gray = ImageFiles.toGray(image);
        assertEquals(1f, gray.value(0, 0));
        assertEquals(0f, gray.value(1, 0));
    }

    @Test
    void missingFileIsOneSentenceNamingIt() {
        Path file = dir.resolve("nothing.png");
        IOException e = assertThrows(IOException.class, () -> ImageFiles.read(file));
        assertEquals(file + " does not exist", e.getMessage());
    }

    @Test
    void fileThatIsNotAPictureIsOneSentenceNamingIt() throws IOException {
        Path file = dir.resolve("notes.png");
        Files.writeString(file, "not a picture");
        IOException e = assertThrows(IOException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().startsWith(file + " is not a picture"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    /** A PNG of a few dozen bytes whose header claims {@code width x height} RGBA pixels. */
    public static Path claimingPng(Path file, int width, int height) throws IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array());
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(new byte[5]);
        deflater.finish();
        byte[] data = new byte[64];
        int n = deflater.deflate(data);
        chunk(png, "IDAT", java.util.Arrays.copyOf(data, n));
        chunk(png, "IEND", new byte[0]);
        Files.write(file, png.toByteArray());
        return file;
    }

    private static void chunk(java.io.ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        crc.update(data);
        png.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        png.write(data);
        png.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void aPictureClaimingMorePixelsThanTheLimitIsRefusedFromItsHeaderAlone() throws IOException {
        Path file = claimingPng(dir.resolve("huge.png"), 46000, 46000);
        IOException e = assertThrows(IOException.class, () -> ImageFiles.read(file));
        assertEquals(file + " is 46,000 x 46,000 pixels; DigitLab reads pictures of at most 25,000,000 pixels",
                e.getMessage());
    }

    @Test
    void aDamagedPictureIsOneSentenceWithoutJavasOwnText() throws IOException {
        Path file = claimingPng(dir.resolve("damaged.png"), 3000, 3000); // its data is far too short
        IOException e = assertThrows(IOException.class, () -> ImageFiles.read(file));
        assertEquals(file + " cannot be read: it is damaged or not a complete picture", e.getMessage());
    }
}
