package dev.digitlab.imaging;

/**
 * The intensity-weighted centre of an image, with pixel {@code i} centred at {@code i + 0.5}, so
 * the centre of a 28x28 field is (14, 14): the convention in which MNIST digits are centred.
 *
 * @param x centre column coordinate; NaN when there is no mass
 * @param y centre row coordinate; NaN when there is no mass
 * @param mass the sum of all values
 */
public record CenterOfMass(double x, double y, double mass) {

    /** The centre of mass of a row-major {@code width x height} array of non-negative values. */
    public static CenterOfMass of(float[] values, int width, int height) {
        // Row and column sums in float (a few hundred values each, so exact enough) keep the pixel
        // loop to two additions the JIT can vectorise; the moments are then taken in double.
        float[] columns = new float[width];
        double mass = 0;
        double sumY = 0;
        for (int y = 0; y < height; y++) {
            float rowMass = 0f;
            int row = y * width;
            for (int x = 0; x < width; x++) {
                float v = values[row + x];
                rowMass += v;
                columns[x] += v;
            }
            mass += rowMass;
            sumY += rowMass * (y + 0.5);
        }
        double sumX = 0;
        for (int x = 0; x < width; x++) {
            sumX += columns[x] * (x + 0.5);
        }
        return new CenterOfMass(sumX / mass, sumY / mass, mass);
    }

    /** The centre of mass of a whole picture's values (for a 28x28 result: its ink). */
    public static CenterOfMass of(GrayImage image) {
        return of(image.pixels(), image.width(), image.height());
    }
}
