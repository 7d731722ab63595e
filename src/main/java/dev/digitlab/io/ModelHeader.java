package dev.digitlab.io;

import dev.digitlab.imaging.Preprocessing;
import dev.digitlab.nn.ModelSpec;
import dev.digitlab.train.Adaptation;
import dev.digitlab.train.EpochResult;
import dev.digitlab.train.TrainingConfig;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Everything a model file says except the weight values: what {@code digitlab info} shows, read
 * without decoding the weights or starting ND4J.
 *
 * @param formatVersion   the file format version
 * @param name            the name stored in the file; null when absent
 * @param created         when the model was made; null when unknown
 * @param appVersion      the DigitLab version that wrote the file; null when unknown
 * @param spec            the architecture
 * @param initSeed        the seed the network was initialised from (it also seeds dropout)
 * @param config          how it was trained; null when unknown
 * @param datasetName     the data set it was trained on; null when unknown
 * @param datasetChecksum SHA-256 of that data set's training images file; null when unknown
 * @param history         one entry per finished epoch
 * @param testAccuracy    accuracy on the test set, or NaN when not measured
 * @param preprocessing   how drawn digits are prepared for this model
 * @param weights         the stored weights' names, shapes and checksums, in file order
 * @param adaptation      how the model was adapted to a user's handwriting; null when it was not
 */
public record ModelHeader(int formatVersion, String name, Instant created, String appVersion, ModelSpec spec,
                          long initSeed, TrainingConfig config, String datasetName, String datasetChecksum,
                          List<EpochResult> history, double testAccuracy, Preprocessing preprocessing,
                          List<WeightInfo> weights, Adaptation adaptation) {

    public ModelHeader {
        history = List.copyOf(history);
        weights = List.copyOf(weights);
    }

    /**
     * One stored weight without its values.
     *
     * @param name   e.g. {@code dense_0/W}
     * @param shape  dimensions, row-major
     * @param sha256 lower-case hex SHA-256 of its little-endian float32 bytes
     */
    public record WeightInfo(String name, int[] shape, String sha256) {

        public WeightInfo {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        /** The number of values: the product of the dimensions. */
        public long size() {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WeightInfo w && w.name.equals(name) && Arrays.equals(w.shape, shape)
                    && w.sha256.equals(sha256);
        }

        @Override
        public int hashCode() {
            return (name.hashCode() * 31 + Arrays.hashCode(shape)) * 31 + sha256.hashCode();
        }

        @Override
        public String toString() {
            return name + Arrays.toString(shape);
        }
    }

    /** Whether the test accuracy was measured. */
    public boolean hasTestAccuracy() {
        return !Double.isNaN(testAccuracy);
    }

    /** The total number of stored weight values. */
    public long parameterCount() {
        long n = 0;
        for (WeightInfo w : weights) {
            n += w.size();
        }
        return n;
    }

    /** This header as the JSON of a model file without the weight values (what {@code info --json} prints). */
    public String toJson() {
        return ModelJsonWriter.headerOnly(this);
    }
}
