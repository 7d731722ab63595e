package dev.digitlab.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A small file through which the relaunched child tells its launcher that it reached
 * {@code main}, and which exit code it chose. Why: a child JVM that cannot start with its
 * class-data archive exits before {@code main} (and then the launcher runs it again without the
 * archive), and a JVM whose archive dump fails at exit replaces the command's exit code with 1;
 * the launcher passes on the code the command chose instead.
 */
final class ChildReport {

    /** The environment variable that names the file for the child. */
    static final String ENV = "DIGITLAB_CHILD_REPORT";
    private static final String STARTED = "started";

    private final Path file;

    private ChildReport(Path file) {
        this.file = file;
    }

    /**
     * A report file for a child the launcher is about to start, in {@code folder}; named like a
     * half-made archive of this launcher, so that one left by a killed launcher is deleted with them.
     */
    static ChildReport in(Path folder) {
        return new ChildReport(folder.resolve("classes-report." + ProcessHandle.current().pid() + ".tmp"));
    }

    Path file() {
        return file;
    }

    /** Child side: notes that {@code main} was reached, when the launcher asked for a report. */
    static void reachedMain() {
        write(STARTED);
    }

    /** Child side: notes the exit code the command chose, when the launcher asked for a report. */
    static void exiting(int code) {
        write(Integer.toString(code));
    }

    private static void write(String text) {
        String name = System.getenv(ENV);
        if (name == null || name.isEmpty()) {
            return;
        }
        try {
            Files.writeString(Path.of(name), text, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            // The report only refines the exit code; without it the process's own code stands.
        }
    }

    /** Whether the child reached {@code main}. */
    boolean childStarted() {
        return Files.exists(file);
    }

    /** The exit code the child's command chose, if it got that far. */
    OptionalInt code() {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** Removes the file; the launcher calls this once it has read it. */
    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a few bytes, deleted with the abandoned archives once this launcher is gone
        }
    }
}
