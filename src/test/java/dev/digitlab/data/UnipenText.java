package dev.digitlab.data;

import java.util.Locale;

/** Generated UNIPEN text of clearly written 0s, 1s and 7s (tablet units, y up), for tests. */
public final class UnipenText {

    private UnipenText() {
    }

    /** {@code perDigit} 0s, 1s and 7s by each of writers 1 to {@code writers}, a little different each time. */
    public static String zerosOnesSevens(int writers, int perDigit) {
        StringBuilder text = new StringBuilder(".INCLUDE dene.doc\n.LEXICON \"0\" \"1\" \"7\"\n.HIERARCHY DIGIT\n\n");
        int segment = 0;
        for (int w = 1; w <= writers; w++) {
            for (int k = 0; k < perDigit; k++) {
                double lean = 6 * (k - perDigit / 2.0) + 3 * w;
                segment = digit(text, segment, 0, w, k, zero(lean));
                segment = digit(text, segment, 1, w, k, new double[] {250 + lean, 380, 250, 250, 250 - lean, 120});
                segment = digit(text, segment, 7, w, k,
                        new double[] {170, 370, 250, 370, 330 + lean, 372, 290, 250, 255 - lean, 120});
            }
        }
        return text.toString();
    }

    private static double[] zero(double lean) {
        double[] xy = new double[2 * 25];
        for (int i = 0; i < 25; i++) {
            double a = Math.PI / 2 + 2 * Math.PI * i / 24;
            xy[2 * i] = 250 + 70 * Math.cos(a) + lean * Math.sin(a) / 3;
            xy[2 * i + 1] = 250 + 120 * Math.sin(a);
        }
        return xy;
    }

    private static int digit(StringBuilder text, int segment, int label, int writer, int sample, double[] xy) {
        text.append(String.format(Locale.ROOT, ".SEGMENT DIGIT %d ? \"%d\"\n.COMMENT %d %d %d\n.PEN_DOWN\n",
                segment, label, label, writer, sample));
        for (int i = 0; i < xy.length; i += 2) {
            text.append(String.format(Locale.ROOT, " %4d %4d\n", Math.round(xy[i]), Math.round(xy[i + 1])));
        }
        text.append(".PEN_UP\n.DT 100\n\n");
        return segment + 1;
    }
}
