package dev.digitlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A folder holding the four MNIST files under their standard names, each with or without
 * {@code .gz}. Loading checks the files against each other (counts, labels 0-9, 28x28 images)
 * and returns either a complete data set or a {@link DataException}, never a partial one.
 */
public final class MnistFolder {

    /** Image side length the app's networks are built for. */
    public static final int SIDE = 28;

    private final Path dir;

    public MnistFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The file stored for {@code name} (one of {@link MnistFiles#NAMES}), the .gz form first. */
    public Optional<Path> file(String name) {
        for (String candidate : List.of(name + ".gz", name)) {
            Path file = dir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** The standard names (without extension) for which the folder holds no file. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (String name : MnistFiles.NAMES) {
            if (file(name).isEmpty()) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** Whether all four files are there (their content is checked only by {@link #load()}). */
    public boolean isComplete() {
        return Files.isDirectory(dir) && missing().isEmpty();
    }

    /**
     * Reads and checks the four files. The training images, by far the largest, are read on a
     * second thread while this one reads the other three: inflating them is most of the cost.
     */
    public MnistDataset load() {
        requireAllFiles();
        Path trainImagesFile = file(MnistFiles.TRAIN_IMAGES).orElseThrow();
        Path trainLabelsFile = file(MnistFiles.TRAIN_LABELS).orElseThrow();
        Path testImagesFile = file(MnistFiles.TEST_IMAGES).orElseThrow();
        Path testLabelsFile = file(MnistFiles.TEST_LABELS).orElseThrow();

        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "digitlab-idx-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<IdxReader.Images> trainImagesFuture = reader.submit(() -> IdxReader.readImages(trainImagesFile));
            IdxReader.Labels trainLabels = null;
            IdxReader.Images testImages = null;
            IdxReader.Labels testLabels = null;
            DataException failure = null;
            try {
                trainLabels = IdxReader.readLabels(trainLabelsFile);
                testImages = IdxReader.readImages(testImagesFile);
                testLabels = IdxReader.readLabels(testLabelsFile);
            } catch (DataException e) {
                failure = e;
            }
            // Waits even after a failure here, so that the training images' problem, if any,
            // is the one reported: the same broken folder always gives the same message.
            IdxReader.Images trainImages = await(trainImagesFuture);
            if (failure != null) {
                throw failure;
            }
            ImageSet train = imageSet(trainImages, trainImagesFile, trainLabels, trainLabelsFile);
            ImageSet test = imageSet(testImages, testImagesFile, testLabels, testLabelsFile);
            return new MnistDataset(MnistFiles.nameOf(trainImages.sha256()), trainImages.sha256(), train, test);
        } finally {
            reader.shutdownNow();
        }
    }

    private void requireAllFiles() {
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir + ": no such folder");
        }
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new DataException(dir + ": missing " + String.join(", ", missing) + " (with or without .gz)");
        }
    }

    private static ImageSet imageSet(IdxReader.Images images, Path imagesFile,
                                     IdxReader.Labels labels, Path labelsFile) {
        if (images.count() == 0) {
            throw new DataException(imagesFile + ": holds no images");
        }
        if (images.rows() != SIDE || images.cols() != SIDE) {
            throw new DataException(imagesFile + ": images are " + images.rows() + "x" + images.cols()
                    + ", but DigitLab needs " + SIDE + "x" + SIDE + " images");
        }
        byte[] values = labels.labels();
        if (values.length != images.count()) {
            throw new DataException(labelsFile + ": holds " + IdxReader.number(values.length) + " labels, but "
                    + imagesFile.getFileName() + " holds " + IdxReader.number(images.count()) + " images");
        }
        for (int i = 0; i < values.length; i++) {
            int label = values[i] & 0xff;
            if (label > 9) {
                throw new DataException(labelsFile + ": label " + label + " at position " + IdxReader.number(i)
                        + " is not a digit 0-9");
            }
        }
        return new ImageSet(images.pixels(), values, images.rows(), images.cols());
    }

    private static IdxReader.Images await(Future<IdxReader.Images> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("interrupted while loading the training images", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new DataException("could not load the training images (" + cause + ")", cause);
        }
    }
}
