package dev.digitlab.cli;

import dev.digitlab.data.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Draws a download's progress as a bar on one terminal line (meant for standard error, so that
 * standard output stays clean). Call {@link #finish()} when the downloads are over.
 */
final class ConsoleProgress implements ProgressListener {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private String shown = "";
    private boolean lineOpen;

    ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void progress(String file, long done, long total) {
        String line = line(file, done, total);
        // Redraw only when the text changes: a download reports every 64 KB.
        if (line.equals(shown)) {
            return;
        }
        shown = line;
        out.print("\r" + line);
        lineOpen = true;
        if (total > 0 && done >= total) {
            out.println();
            lineOpen = false;
        }
        out.flush();
    }

    /** Ends the current line, if a download of unknown size left one open. */
    void finish() {
        if (lineOpen) {
            out.println();
            out.flush();
            lineOpen = false;
        }
    }

    static String line(String file, long done, long total) {
        if (total <= 0) {
            return "Downloading " + file + " " + size(done);
        }
        int filled = (int) (WIDTH * Math.min(done, total) / total);
        return String.format(Locale.ROOT, "Downloading %s [%s%s] %3d%% %s of %s", file,
                "#".repeat(filled), " ".repeat(WIDTH - filled), done * 100 / total, size(done), size(total));
    }

    /** Bytes as the user reads them: "4.5 MB", "28.9 kB". */
    static String size(long bytes) {
        if (bytes >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }
}
