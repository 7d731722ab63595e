package dev.digitlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.digitlab.data.ImageSet;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.nn.Network;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    @Test
    void countsRightAndWrongAnswersPerClass() {
        // A 10-pixel "image" whose brightest pixel is the answer: W = 20 * identity.
        Network model = Network.create(ModelSpec.parse("10 -> 10 softmax"), 1);
        float[] w = new float[100];
        for (int i = 0; i < 10; i++) {
            w[i * 10 + i] = 20;
        }
        model.setParameterValues("dense_0/W", w);
        int n = 2500; // more than one evaluation batch
        float[] pixels = new float[n * 10];
        byte[] labels = new byte[n];
        int[][] expected = new int[10][10];
        for (int i = 0; i < n; i++) {
            int label = i % 10;
            int bright = i % 7 == 0 ? (label + 1) % 10 : label; // every 7th answer is wrong
            labels[i] = (byte) label;
            pixels[i * 10 + bright] = 1;
            expected[label][bright]++;
        }
        Evaluation e = Evaluator.evaluate(model, new ImageSet(pixels, labels, 2, 5));
        assertArrayEquals(expected, e.confusion());
        assertEquals(n, e.count());
        int wrong = (n + 6) / 7;
        assertEquals((double) (n - wrong) / n, e.accuracy(), 1e-12);
        // loss per image: logsumexp(20, 0 x 9) - logit of the label
        double lse = Math.log(Math.exp(20) + 9);
        assertEquals(((n - wrong) * (lse - 20) + wrong * lse) / n, e.loss(), 1e-5);
    }
}
