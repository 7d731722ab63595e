package dev.digitlab.ui.evaluate;

import dev.digitlab.ui.evaluate.DigitRow;

/**
 * One row of the per-digit table.
 *
 * @param digit     the digit
 * @param images    test images of that digit
 * @param precision of the images read as this digit, the fraction that are it; NaN when none was
 * @param recall    of the images of this digit, the fraction read right; NaN when there are none
 */
public record DigitRow(int digit, int images, double precision, double recall) {
}
