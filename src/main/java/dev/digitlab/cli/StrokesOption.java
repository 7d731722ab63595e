package dev.digitlab.cli;

import dev.digitlab.data.PenDigit;
import dev.digitlab.data.UnipenReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --strokes FILE} and {@code --writers LIST} options: handwritten digits recorded with a
 * pen (UNIPEN text, such as the pen digits data set), optionally only some writers' digits, e.g.
 * to test on writers a model never saw.
 */
final class StrokesOption {

    @Option(names = "--strokes", paramLabel = "FILE",
            description = "Pen trajectories of handwritten digits, UNIPEN text (e.g. pendigits-orig.tra): each "
                    + "digit is drawn with the Draw tab's pen on its canvas and read as a drawing is.")
    Path file;

    @Option(names = "--writers", paramLabel = "LIST",
            description = "Only these writers' digits from --strokes, by the writer ids in the file: e.g. 1-20 or 3,7,21-30.")
    String writers;

    /** Whether {@code --strokes} was given. */
    boolean given() {
        return file != null;
    }

    /** What the output calls the drawings: the file, and the writers when only some are used. */
    String describe() {
        return writers == null ? file.toString() : file + " (writers " + writers + ")";
    }

    /**
     * The digits of the chosen writers.
     *
     * @throws IllegalArgumentException for a bad writer list, or when no digit is left
     */
    List<PenDigit> load() {
        BitSet chosen = writers == null ? null : parseWriters(writers);
        List<PenDigit> all = UnipenReader.read(file);
        if (chosen == null) {
            return all;
        }
        List<PenDigit> kept = new ArrayList<>();
        for (PenDigit d : all) {
            if (d.writer() >= 0 && chosen.get(d.writer())) {
                kept.add(d);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(file + " has no digits of writers " + writers);
        }
        return kept;
    }

    /** "3,7,21-30" as a set of writer ids. */
    static BitSet parseWriters(String list) {
        BitSet set = new BitSet();
        for (String part : list.split(",")) {
            String p = part.strip();
            try {
                int dash = p.indexOf('-', 1);
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).strip());
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).strip());
                if (from < 0 || to < from || to > 1_000_000) {
                    throw new NumberFormatException();
                }
                set.set(from, to + 1);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--writers takes writer ids and ranges such as 1-20 or 3,7,21-30, not \""
                        + list + "\"");
            }
        }
        return set;
    }
}
