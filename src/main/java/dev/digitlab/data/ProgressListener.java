package dev.digitlab.data;

/** Told how far a download has come, so a terminal or a window can show it. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores all progress. */
    ProgressListener NONE = (file, done, total) -> { };

    /**
     * Called as bytes of {@code file} arrive, and once more when it is complete.
     *
     * @param file the file's name, e.g. {@code train-images-idx3-ubyte.gz}
     * @param done bytes received so far
     * @param total the file's size in bytes, or -1 when the server did not say
     */
    void progress(String file, long done, long total);
}
