package dev.digitlab.io;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * The app's error log: {@code <home>/logs/digitlab-<date>.log}, appended to, one entry per
 * unexpected error with its stack trace, so a user can send it with a bug report.
 */
public final class ErrorLog {

    private final Path folder;
    private final Clock clock;

    /** @param home the app's home folder, e.g. {@code AppHome.folder()} */
    public ErrorLog(Path home, Clock clock) {
        this.folder = home.resolve("logs");
        this.clock = clock;
    }

    /** Today's log file. */
    public Path file() {
        return folder.resolve("digitlab-" + LocalDate.now(clock) + ".log");
    }

    /**
     * Appends {@code error}, thrown on {@code thread}, to today's log.
     *
     * @return the log file
     * @throws IOException when it cannot be written
     */
    public Path append(String thread, Throwable error) throws IOException {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println(ZonedDateTime.now(clock) + " uncaught on thread " + thread + ":");
        error.printStackTrace(out);
        out.println();
        out.flush();
        Files.createDirectories(folder);
        Path file = file();
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return file;
    }
}
