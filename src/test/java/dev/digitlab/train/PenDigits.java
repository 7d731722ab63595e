package dev.digitlab.train;

import dev.digitlab.imaging.strokes.Drawing;
import dev.digitlab.imaging.strokes.Stroke;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwaway reader of the pendigits development file for the teaching experiment (the app's
 * own UNIPEN reader comes with issue #13's first part): each digit's strokes, placed on the Draw
 * tab's canvas the way a person draws, its longer side two thirds of the canvas, centred, with the
 * tab's default pen.
 */
final class PenDigits {

    /** One written digit. */
    record Digit(int label, int writer, List<Stroke> strokes) {
    }

    private PenDigits() {
    }

    static List<Digit> read(Path file, double penWidth) throws IOException {
        List<Digit> digits = new ArrayList<>();
        List<List<float[]>> strokes = null;
        List<float[]> stroke = null;
        int label = -1;
        int writer = -1;
        for (String line : Files.readAllLines(file)) {
            String t = line.strip();
            if (t.startsWith(".SEGMENT")) {
                if (strokes != null) {
                    digits.add(place(label, writer, strokes, penWidth));
                }
                strokes = new ArrayList<>();
                label = t.charAt(t.lastIndexOf('"') - 1) - '0';
            } else if (t.startsWith(".COMMENT")) {
                writer = Integer.parseInt(t.split("\\s+")[2]);
            } else if (t.startsWith(".PEN_DOWN")) {
                stroke = new ArrayList<>();
                strokes.add(stroke);
            } else if (t.startsWith(".PEN_UP")) {
                stroke = null;
            } else if (!t.isEmpty() && !t.startsWith(".") && stroke != null) {
                String[] xy = t.split("\\s+");
                stroke.add(new float[] {Float.parseFloat(xy[0]), Float.parseFloat(xy[1])});
            }
        }
        if (strokes != null) {
            digits.add(place(label, writer, strokes, penWidth));
        }
        return digits;
    }

    private static Digit place(int label, int writer, List<List<float[]>> raw, double penWidth) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (List<float[]> s : raw) {
            for (float[] p : s) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        double scale = Drawing.SIDE * 2 / 3 / Math.max(1, Math.max(maxX - minX, maxY - minY));
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        List<Stroke> strokes = new ArrayList<>();
        for (List<float[]> s : raw) {
            if (s.isEmpty()) {
                continue;
            }
            float[] points = new float[2 * s.size()];
            for (int i = 0; i < s.size(); i++) {
                points[2 * i] = (float) (Drawing.SIDE / 2 + (s.get(i)[0] - cx) * scale);
                // The tablet's y grows upwards, the canvas's downwards.
                points[2 * i + 1] = (float) (Drawing.SIDE / 2 - (s.get(i)[1] - cy) * scale);
            }
            strokes.add(new Stroke(penWidth, points));
        }
        return new Digit(label, writer, strokes);
    }
}
