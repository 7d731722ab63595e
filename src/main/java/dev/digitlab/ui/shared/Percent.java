package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.Percent;

import java.text.NumberFormat;

/**
 * A probability as a percentage with one decimal, never rounded to a certainty it is not: 0.9997
 * shows as "&gt;99.9%" rather than "100.0%", 0.0002 as "&lt;0.1%"; only exact 0 and 1 show as "0%" and
 * "100%".
 */
public final class Percent {

    private Percent() {
    }

    public static String of(double p) {
        NumberFormat f = NumberFormat.getNumberInstance();
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        if (p <= 0) {
            return "0%";
        }
        if (p >= 1) {
            return "100%";
        }
        if (p < 0.0005) {
            return "<" + f.format(0.1) + "%";
        }
        if (p >= 0.9995) {
            return ">" + f.format(99.9) + "%";
        }
        return f.format(100 * p) + "%";
    }
}
