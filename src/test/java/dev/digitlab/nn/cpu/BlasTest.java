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

    @ParameterizedTest(name = "{0} {1}x{2} by {2}x{3}, transposed {4} {5}, {6} lanes")
    @CsvSource({
        "FLOAT, 64, 4608, 128, false, false, 2", "FLOAT, 4608, 64, 128, true, false, 2",
        "FLOAT, 64, 128, 4608, false, true, 2", "FLOAT, 65, 2100, 129, false, false, 2",
        "FLOAT, 301, 433, 131, true, true, 3", "FLOAT, 2, 70000, 130, false, false, 2",
        "FLOAT, 31, 4200, 131, true, true, 3",
        "DOUBLE, 133, 1000, 130, true, false, 2", "DOUBLE, 40, 2000, 210, false, true, 2"})
    void aProductSplitIntoLanesIsTheWholeProductToTheBit(DataType type, int m, int k, int n, boolean ta, boolean tb,
                                                         int lanes) {
        INDArray a = Nd4j.rand(type, ta ? k : m, ta ? m : k).subi(0.5);
        INDArray b = Nd4j.rand(type, tb ? n : k, tb ? k : n).subi(0.5);
        assertEquals(true, (long) m * k * n >= Blas.SPLIT_WORK, "the product is large enough to be split");
        INDArray parent = Nd4j.create(type, 1, m * n + 30).assign(7);
        INDArray split = parent.get(NDArrayIndex.point(0), NDArrayIndex.interval(10, 10 + m * n)).reshape('c', m, n);
        INDArray whole = Nd4j.create(type, m, n).assign(7);
        split.assign(7);
        Blas.gemm(a, ta, b, tb, whole, 1.0, 0.5);
        Blas.gemm(a, ta, b, tb, split, 1.0, 0.5, lanes);
        assertEquals(whole, split);
        assertEquals(Nd4j.create(type, 1, 10).assign(7), parent.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, 10))
                .reshape(1, 10), "nothing before the view was touched");
        assertEquals(Nd4j.create(type, 1, 20).assign(7), parent.get(NDArrayIndex.point(0),
                NDArrayIndex.interval(10 + m * n, 30 + m * n)).reshape(1, 20), "nothing after the view was touched");
    }

    @ParameterizedTest
    @CsvSource({"3, 4, 5"})
    void mismatchedShapesAreRefused(int m, int k, int n) {
        INDArray a = Nd4j.create(DataType.FLOAT, m, k);
        INDArray b = Nd4j.create(DataType.FLOAT, k + 1, n);
        assertThrows(IllegalArgumentException.class, () -> Blas.gemm(a, false, b, false,
                Nd4j.create(DataType.FLOAT, m, n), 1, 0));
        INDArray large = Nd4j.create(DataType.FLOAT, 300, 400);
        assertThrows(IllegalArgumentException.class, () -> Blas.gemm(large, false, Nd4j.create(DataType.FLOAT, 401, 500),
                false, Nd4j.create(DataType.FLOAT, 300, 500), 1, 0, 2), "split into lanes");
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
