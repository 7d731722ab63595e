package dev.digitlab.imaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The preprocessing against real MNIST test digits: the set it must imitate. */
class RealMnistTest {

    private final MnistPreprocessor preprocessor = new MnistPreprocessor();

    @Test
    void mnistCentresOfMassLieBetweenFourteenAndFifteen() throws IOException {
        // The fact MnistPreprocessor.CENTRE rests on: MNIST rounded its centres to pixel index 14.
        double sumX = 0;
        double sumY = 0;
        List<GrayImage> digits = MnistTestDigits.first(1000);
        for (GrayImage digit : digits) {
            CenterOfMass centre = CenterOfMass.of(digit);
            assertTrue(centre.x() >= 14 - 1e-6 && centre.x() < 15 && centre.y() >= 14 - 1e-6 && centre.y() < 15,
                    "an MNIST centre at " + centre);
            sumX += centre.x();
            sumY += centre.y();
        }
        System.out.printf("MNIST centre of mass, mean of 1000 test digits: (%.3f, %.3f)%n",
                sumX / digits.size(), sumY / digits.size());
    }

    @Test
    void realDigitsPassThroughNearlyUnchanged() throws IOException {
        List<GrayImage> digits = MnistTestDigits.first(100);
        double sum = 0;
        double min = 1;
        for (GrayImage digit : digits) {
            double r = Measure.correlation(digit.values(), preprocessor.prepare(digit).orElseThrow().values());
            sum += r;
            min = Math.min(min, r);
        }
        System.out.printf("real digits through the preprocessor: mean correlation %.4f, lowest %.4f%n",
                sum / digits.size(), min);
        // Each digit moves by under half a pixel per axis (from wherever in [14,15) MNIST left its
        // centre to 14.5); for the thinnest strokes that subpixel move alone costs some correlation.
        assertTrue(sum / digits.size() > 0.95, "mean correlation " + sum / digits.size());
        assertTrue(min > 0.85, "lowest correlation " + min);
    }

    @Test
    void redrawnDigitsComeBackCloseToTheOriginalsUnlikeTheNaiveShrink() throws IOException {
        List<GrayImage> digits = MnistTestDigits.first(100);
        NaivePreprocessor naive = new NaivePreprocessor();
        Redrawer redrawer = new Redrawer();
        Random random = new Random(42);
        double mnistStyle = 0;
        double naiveShrink = 0;
        for (GrayImage digit : digits) {
            GrayImage canvas = redrawer.redraw(digit, RedrawStyle.random(random, 560));
            mnistStyle += Measure.correlation(digit.values(), preprocessor.prepare(canvas).orElseThrow().values());
            naiveShrink += Measure.correlation(digit.values(), naive.prepare(canvas).orElseThrow().values());
        }
        mnistStyle /= digits.size();
        naiveShrink /= digits.size();
        System.out.printf("100 digits redrawn on 560 px canvases: mean correlation %.4f MNIST-style, %.4f naive%n",
                mnistStyle, naiveShrink);
        assertTrue(mnistStyle > 0.8, "MNIST-style mean correlation " + mnistStyle);
        assertTrue(naiveShrink < mnistStyle - 0.3, "naive mean correlation " + naiveShrink);
    }
}
