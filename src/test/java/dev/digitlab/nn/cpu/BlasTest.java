package dev.digitlab.nn.cpu;

import dev.digitlab.nn.cpu.Blas;
import dev.digitlab.nn.cpu.BlasTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The direct OpenBLAS products against ND4J's own, including views at an offset as the layers use them. */
class BlasTest {

    @ParameterizedTest
    @CsvSource({
        "FLOAT, 5, 7, 3, false, false", "FLOAT, 5, 7, 3, true, false", "FLOAT, 5, 7, 3, false, true",
        "FLOAT, 1, 7, 3, false, false", "FLOAT, 1, 7, 3, false, true",
        "DOUBLE, 4, 6, 2, true, false", "DOUBLE, 1, 6, 2, false, false", "DOUBLE, 1, 6, 2, false, true",
    })
    void productsOfViewsMatchNd4j(DataType type, int m, int k, int n, boolean ta, boolean tb) {
        INDArray a = view(ta ? new long[] {k, m} : new long[] {m, k}, type, 3);
        INDArray b = view(tb ? new long[] {n, k} : new long[] {k, n}, type, 11);
        INDArray parent = Nd4j.create(type, 1, 100).assign(-1);
        INDArray c = parent.get(NDArrayIndex.point(0), NDArrayIndex.interval(20, 20 + m * n)).reshape('c', m, n);
        Blas.gemm(a, ta, b, tb, c, 1.0, 0.0);
        INDArray expected = (ta ? a.transpose() : a).mmul(tb ? b.transpose() : b);
        assertEquals(expected.castTo(DataType.DOUBLE), c.castTo(DataType.DOUBLE));
        // nothing outside the view was touched
        assertEquals(-20.0, parent.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, 20)).sumNumber().doubleValue());
        assertEquals(-(80.0 - m * n), parent.get(NDArrayIndex.point(0),
                NDArrayIndex.interval(20 + m * n, 100)).sumNumber().doubleValue());
    }

    @ParameterizedTest
    @CsvSource({"3, 4, 5"})
    void mismatchedShapesAreRefused(int m, int k, int n) {
        INDArray a = Nd4j.create(DataType.FLOAT, m, k);
        INDArray b = Nd4j.create(DataType.FLOAT, k + 1, n);
        assertThrows(IllegalArgumentException.class, () -> Blas.gemm(a, false, b, false,
                Nd4j.create(DataType.FLOAT, m, n), 1, 0));
    }

    /** A matrix of small whole numbers that is a view at an offset into a larger vector. */
    private static INDArray view(long[] shape, DataType type, int offset) {
        int size = (int) (shape[0] * shape[1]);
        INDArray parent = Nd4j.create(type, 1, offset + size + 5);
        for (int i = 0; i < size; i++) {
            parent.putScalar(0, offset + i, (i * 7 + offset) % 5 - 2);
        }
        return parent.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + size)).reshape('c', shape[0], shape[1]);
    }
}
