import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws DigitLab's icon: a hand-written 3 as the network sees it, a 14x14 grid of grey levels,
 * lit cells amber on a dark blue tile, with a softmax bar underneath where the 3 wins.
 *
 * <p>Run: {@code java src/dist/DrawIcon.java assets/digitlab.png}. Not part of the build; the
 * PNG is committed.
 */
public final class DrawIcon {

    private static final int SIZE = 256;
    private static final int GRID = 14;

    public static void main(String[] args) throws IOException {
        float[][] ink = inkLevels();
        BufferedImage icon = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = icon.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x27, 0x4a, 0x8f), 0, SIZE, new Color(0x16, 0x25, 0x4d)));
        g.fill(new RoundRectangle2D.Float(6, 6, SIZE - 12, SIZE - 12, 52, 52));

        int cell = 11;
        int left = (SIZE - GRID * cell) / 2;
        int top = 30;
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                float v = ink[r][c];
                Color off = new Color(0x31, 0x55, 0x9c);
                Color on = new Color(0xff, 0xd3, 0x4e);
                g.setColor(mix(off, on, v));
                g.fill(new RoundRectangle2D.Float(left + c * cell + 1, top + r * cell + 1, cell - 2, cell - 2, 3, 3));
            }
        }

        // Ten probabilities under the digit: the 3 wins.
        float[] p = {0.02f, 0.01f, 0.06f, 0.92f, 0.01f, 0.05f, 0.01f, 0.02f, 0.08f, 0.03f};
        int barWidth = 11;
        int gap = (GRID * cell - 10 * barWidth) / 9;
        int base = 232;
        for (int d = 0; d < 10; d++) {
            int h = Math.max(5, Math.round(p[d] * 40));
            g.setColor(d == 3 ? new Color(0xff, 0xd3, 0x4e) : new Color(0x8f, 0xa9, 0xdc));
            g.fill(new RoundRectangle2D.Float(left + d * (barWidth + gap), base - h, barWidth, h, 3, 3));
        }
        g.dispose();
        ImageIO.write(icon, "png", new File(args.length > 0 ? args[0] : "digitlab.png"));
    }

    /** A pen-drawn 3 rendered large, then averaged down to 14x14 grey levels as MNIST does. */
    private static float[][] inkLevels() {
        int scale = 16;
        int big = GRID * scale;
        BufferedImage pen = new BufferedImage(big, big, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = pen.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2.1f * scale, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D three = new Path2D.Float();
        three.moveTo(4.2 * scale, 3.4 * scale);
        three.curveTo(6.5 * scale, 1.6 * scale, 10.6 * scale, 2.0 * scale, 10.0 * scale, 4.6 * scale);
        three.curveTo(9.6 * scale, 6.3 * scale, 7.6 * scale, 6.9 * scale, 6.4 * scale, 7.0 * scale);
        three.curveTo(9.4 * scale, 7.0 * scale, 10.9 * scale, 8.6 * scale, 10.2 * scale, 10.4 * scale);
        three.curveTo(9.3 * scale, 12.5 * scale, 5.6 * scale, 12.6 * scale, 3.6 * scale, 10.9 * scale);
        g.draw(three);
        g.dispose();
        float[][] levels = new float[GRID][GRID];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                long sum = 0;
                for (int y = 0; y < scale; y++) {
                    for (int x = 0; x < scale; x++) {
                        sum += pen.getRaster().getSample(c * scale + x, r * scale + y, 0);
                    }
                }
                levels[r][c] = sum / (255f * scale * scale);
            }
        }
        return levels;
    }

    private static Color mix(Color a, Color b, float t) {
        return new Color(Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
