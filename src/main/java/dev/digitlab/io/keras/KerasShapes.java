package dev.digitlab.io.keras;

/** Keras shapes and numbers as the messages write them, and small checks on them. */
final class KerasShapes {

    private KerasShapes() {
    }

    static boolean allOnes(long[] values) {
        if (values == null) {
            return true;
        }
        for (long v : values) {
            if (v != 1) {
                return false;
            }
        }
        return true;
    }

    /** The number of values of a shape. */
    static long size(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, Math.max(d, 0));
        }
        return n;
    }

    /** A shape as Keras prints it: {@code (28, 28, 1)}. */
    static String text(long[] shape) {
        if (shape == null) {
            return "nothing";
        }
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }

    static String number(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }
}
