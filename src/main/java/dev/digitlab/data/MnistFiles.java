package dev.digitlab.data;

import java.util.List;
import java.util.Map;

/**
 * The four file names of an MNIST-style data set and the published checksums that identify the
 * known ones (see /work/shared/data/mnist/SOURCE.md for MNIST).
 */
public final class MnistFiles {

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** The four names without extension, training set first. */
    public static final List<String> NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /** The four names with {@code .gz}, as downloaded. */
    public static final List<String> GZ_NAMES = NAMES.stream().map(n -> n + ".gz").toList();

    /** SHA-256 of the four original MNIST {@code .gz} files, by file name. */
    public static final Map<String, String> MNIST_GZ_SHA256 = Map.of(
            TRAIN_IMAGES + ".gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            TRAIN_LABELS + ".gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            TEST_IMAGES + ".gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            TEST_LABELS + ".gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6");

    /** Names of the data sets whose training-images file has this SHA-256 (gzip or raw). */
    private static final Map<String, String> NAME_BY_TRAIN_IMAGES = Map.of(
            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", "MNIST",
            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", "MNIST",
            // Fashion-MNIST's train-images-idx3-ubyte.gz (26,421,880 bytes, published MD5
            // 8d4fb7e6c68d591d4c3dfef9ec88bf0d); its uncompressed file has no published SHA-256.
            "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84", "Fashion-MNIST");

    /** Name of any data set DigitLab does not recognise. */
    public static final String CUSTOM = "custom";

    private MnistFiles() {
    }

    /** "MNIST", "Fashion-MNIST" or "custom", from the SHA-256 of the training-images file. */
    public static String nameOf(String trainImagesSha256) {
        return NAME_BY_TRAIN_IMAGES.getOrDefault(trainImagesSha256, CUSTOM);
    }
}
