package dev.digitlab.nn.cpu;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Matrix products straight through the OpenBLAS that nd4j-native bundles and itself calls (its
 * {@code CpuLevel3} uses the same {@code openblas_nolapack.cblas_sgemm}).
 *
 * <p>Why not {@code Nd4j.gemm}: it goes through ND4J's {@code Mmul} custom op, whose fixed cost
 * was measured at 10-40 microseconds per call here, against ~5 for the direct call; a training
 * step makes five products, three of them tiny (64x128 by 128x10). And a 1-row product (predicting
 * one image) is 15x faster as a matrix-vector product (3.6 vs 61 microseconds for 1x784 by 784x128),
 * which OpenBLAS's gemm does not switch to on its own.
 */
public final class Blas {

    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
    private static final int TRANS = openblas_nolapack.CblasTrans;

    private Blas() {
    }

    /**
     * {@code c = alpha * op(a) op(b) + beta * c}, all contiguous C-order matrices of one data type.
     *
     * <p>A hot path kept in one piece (a little over 40 lines): it runs five times per training step,
     * and its float and double branches mirror each other line for line, so they read best side by side.
     *
     * @param transposeA use a's transpose
     * @param transposeB use b's transpose
     */
    public static void gemm(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c,
                     double alpha, double beta) {
        checkShapes(a, transposeA, b, transposeB, c);
        int m = (int) (transposeA ? a.size(1) : a.size(0));
        int k = (int) (transposeA ? a.size(0) : a.size(1));
        int n = (int) (transposeB ? b.size(0) : b.size(1));
        int lda = (int) a.size(1);
        int ldb = (int) b.size(1);
        if (a.dataType() == DataType.FLOAT) {
            FloatPointer pa = floats(a);
            FloatPointer pb = floats(b);
            FloatPointer pc = floats(c);
            if (m == 1 && !transposeA) {
                // c (1 x n) = a (1 x k) op(b): a matrix-vector product with op(b)^T.
                openblas_nolapack.cblas_sgemv(ROW_MAJOR, transposeB ? NO_TRANS : TRANS, (int) b.size(0),
                        (int) b.size(1), (float) alpha, pb, ldb, pa, 1, (float) beta, pc, 1);
            } else {
                openblas_nolapack.cblas_sgemm(ROW_MAJOR, transposeA ? TRANS : NO_TRANS,
                        transposeB ? TRANS : NO_TRANS, m, n, k, (float) alpha, pa, lda, pb, ldb, (float) beta, pc, n);
            }
        } else if (a.dataType() == DataType.DOUBLE) {
            DoublePointer pa = doubles(a);
            DoublePointer pb = doubles(b);
            DoublePointer pc = doubles(c);
            if (m == 1 && !transposeA) {
                openblas_nolapack.cblas_dgemv(ROW_MAJOR, transposeB ? NO_TRANS : TRANS, (int) b.size(0),
                        (int) b.size(1), alpha, pb, ldb, pa, 1, beta, pc, 1);
            } else {
                openblas_nolapack.cblas_dgemm(ROW_MAJOR, transposeA ? TRANS : NO_TRANS,
                        transposeB ? TRANS : NO_TRANS, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, n);
            }
        } else {
            throw new IllegalArgumentException("unsupported data type " + a.dataType());
        }
    }

    /**
     * As {@link #gemm(INDArray, boolean, INDArray, boolean, INDArray, double, double)}, split among
     * {@code lanes} lanes that run at the same time (see {@link Lanes}), one OpenBLAS call each on a
     * block of {@code c}'s rows or columns, whichever dimension is larger (each call packs its share
     * of one operand and all of the other, so the smaller one is the one read twice). Every value of
     * {@code c} is the same product over the same {@code k} as in one call, so the result is the same
     * to the bit (the tests hold it to that). Products below {@link #SPLIT_WORK} multiply-adds are not
     * worth a hand-over and go in one call.
     */
    public static void gemm(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c,
                            double alpha, double beta, int lanes) {
        int m = (int) c.size(0);
        int n = (int) c.size(1);
        long work = (long) m * n * (transposeA ? a.size(0) : a.size(1));
        if (lanes <= 1 || Math.max(m, n) < 2 || work < SPLIT_WORK) {
            gemm(a, transposeA, b, transposeB, c, alpha, beta);
            return;
        }
        gemm(a, transposeA, b, transposeB, c, alpha, beta, false, 0, 0); // checks the shapes
        boolean rows = m >= n;
        int size = rows ? m : n;
        int count = Math.min(lanes, size);
        Lanes.run(count, lane -> gemm(a, transposeA, b, transposeB, c, alpha, beta, rows,
                (int) ((long) size * lane / count), (int) ((long) size * (lane + 1) / count)));
    }

    /**
     * Multiply-adds from which a product is split among lanes: 2^24, about 0.15 ms of work. Smaller
     * products gained nothing in training, where the worker has parked between two products and
     * takes a while to wake: the tutorial MLP's (64x784 by 784x128, 6.4 million) made its epoch up
     * to 20% slower split, while the peer CNN's 64x4608 by 4608x128 (38 million) made its epoch 10%
     * faster.
     */
    static final long SPLIT_WORK = 1L << 24;

    /**
     * Rows (or columns) {@code first .. end - 1} of {@code c = alpha * op(a) op(b) + beta * c} by
     * sgemm/dgemm on pointers moved to them (never gemv, so that every value is computed as in the
     * whole product); with {@code first == end} it only checks the shapes.
     */
    private static void gemm(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c,
                             double alpha, double beta, boolean rows, int first, int end) {
        int m = (int) (transposeA ? a.size(1) : a.size(0));
        int k = (int) (transposeA ? a.size(0) : a.size(1));
        int n = (int) (transposeB ? b.size(0) : b.size(1));
        if (first == end) {
            checkShapes(a, transposeA, b, transposeB, c);
            return;
        }
        int lda = (int) a.size(1);
        int ldb = (int) b.size(1);
        // Row r of op(a) starts at a's row r, or at its column r when transposed; column j of op(b)
        // at b's column j, or at its row j when transposed.
        long aOffset = !rows ? 0 : transposeA ? first : (long) first * lda;
        long bOffset = rows ? 0 : transposeB ? (long) first * ldb : first;
        long cOffset = rows ? (long) first * n : first;
        int blockM = rows ? end - first : m;
        int blockN = rows ? n : end - first;
        if (a.dataType() == DataType.FLOAT) {
            FloatPointer pa = floats(a);
            FloatPointer pb = floats(b);
            FloatPointer pc = floats(c);
            openblas_nolapack.cblas_sgemm(ROW_MAJOR, transposeA ? TRANS : NO_TRANS, transposeB ? TRANS : NO_TRANS,
                    blockM, blockN, k, (float) alpha, new FloatPointer(pa).position(pa.position() + aOffset), lda,
                    new FloatPointer(pb).position(pb.position() + bOffset), ldb, (float) beta,
                    new FloatPointer(pc).position(pc.position() + cOffset), n);
        } else if (a.dataType() == DataType.DOUBLE) {
            DoublePointer pa = doubles(a);
            DoublePointer pb = doubles(b);
            DoublePointer pc = doubles(c);
            openblas_nolapack.cblas_dgemm(ROW_MAJOR, transposeA ? TRANS : NO_TRANS, transposeB ? TRANS : NO_TRANS,
                    blockM, blockN, k, alpha, new DoublePointer(pa).position(pa.position() + aOffset), lda,
                    new DoublePointer(pb).position(pb.position() + bOffset), ldb, beta,
                    new DoublePointer(pc).position(pc.position() + cOffset), n);
        } else {
            throw new IllegalArgumentException("unsupported data type " + a.dataType());
        }
    }

    /**
     * {@code target += source}, element by element, for two contiguous arrays of one data type and
     * size (one exact addition per value: OpenBLAS's axpy with the factor 1).
     */
    public static void add(INDArray source, INDArray target) {
        long n = source.length();
        if (target.length() != n || source.dataType() != target.dataType()) {
            throw new IllegalArgumentException("cannot add " + source.shapeInfoToString() + " to " + target.shapeInfoToString());
        }
        check(source);
        check(target);
        if (source.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_saxpy((int) n, 1f, floats(source), 1, floats(target), 1);
        } else if (source.dataType() == DataType.DOUBLE) {
            openblas_nolapack.cblas_daxpy((int) n, 1.0, doubles(source), 1, doubles(target), 1);
        } else {
            throw new IllegalArgumentException("unsupported data type " + source.dataType());
        }
    }

    // A view's data() is a buffer whose address is already the view's first element (its offset()
    // counts from the parent's start): ND4J's own CpuLevel3 passes addressPointer() as it is.
    // Kept per thread (NativeViews): addressPointer() makes three objects a call.
    private static FloatPointer floats(INDArray array) {
        return (FloatPointer) NativeViews.pointer(array);
    }

    private static DoublePointer doubles(INDArray array) {
        return (DoublePointer) NativeViews.pointer(array);
    }

    /** Throws unless {@code op(a) op(b)} fits {@code c} and all three are contiguous C-order matrices. */
    private static void checkShapes(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c) {
        long m = transposeA ? a.size(1) : a.size(0);
        long k = transposeA ? a.size(0) : a.size(1);
        long n = transposeB ? b.size(0) : b.size(1);
        long kb = transposeB ? b.size(1) : b.size(0);
        if (k != kb || c.size(0) != m || c.size(1) != n) {
            throw new IllegalArgumentException("cannot multiply " + shape(a, transposeA) + " by "
                    + shape(b, transposeB) + " into " + c.size(0) + "x" + c.size(1));
        }
        check(a);
        check(b);
        check(c);
    }

    private static void check(INDArray array) {
        boolean rowsContiguous = array.size(0) == 1 || array.stride(0) == array.size(1);
        boolean colsContiguous = array.size(1) == 1 || array.stride(1) == 1;
        if (array.rank() != 2 || array.ordering() != 'c' || !rowsContiguous || !colsContiguous) {
            throw new IllegalArgumentException("needs a contiguous C-order matrix, got " + array.shapeInfoToString());
        }
    }

    private static String shape(INDArray array, boolean transposed) {
        return transposed ? array.size(1) + "x" + array.size(0) + " (transposed)" : array.size(0) + "x" + array.size(1);
    }
}
