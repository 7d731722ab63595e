package dev.digitlab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads handwritten digits from a UNIPEN text file, the form of the pen-based digits data set
 * (Alpaydin and Alimoglu): each digit is a {@code .SEGMENT DIGIT <strokes> ? "<label>"}, an optional
 * {@code .COMMENT <label> <writer> <sample>}, and its strokes, each {@code .PEN_DOWN}, one
 * {@code x y} line per pen position, {@code .PEN_UP}; {@code .DT <ms>} (time between strokes),
 * {@code .INCLUDE}, {@code .LEXICON}, {@code .HIERARCHY} and any other directive are read over.
 * A broken file is refused with one sentence naming the file and the line.
 */
public final class UnipenReader {

    /** {@code .SEGMENT DIGIT 12 ? "7"} or {@code .SEGMENT DIGIT 12-13 ? "7"}. */
    private static final Pattern SEGMENT = Pattern.compile(
            "\\.SEGMENT\\s+(\\S+)\\s+(\\d+)(?:-(\\d+))?\\s+(\\S+)\\s+\"([^\"]*)\"\\s*");
    private static final Pattern COMMENT = Pattern.compile("\\.COMMENT\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*");
    private static final Pattern DT = Pattern.compile("\\.DT\\s+\\d+\\s*");
    private static final Pattern POINT = Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)\\s+(-?\\d+(?:\\.\\d+)?)\\s*");
    private static final Pattern DIRECTIVE = Pattern.compile("\\.([A-Z_]+)\\b.*");

    private final String source;
    private final List<PenDigit> digits = new ArrayList<>();
    private int lineNumber;
    // The digit being read.
    private int label = -1;
    private int writer;
    private int sample;
    private int segmentLine;
    private int expectedStrokes;
    private final List<float[]> strokes = new ArrayList<>();
    // The stroke being read, while the pen is down.
    private float[] points;
    private int length;

    private UnipenReader(String source) {
        this.source = source;
    }

    /**
     * The digits in {@code file}, in file order.
     *
     * @throws DataException when the file cannot be read or is not a UNIPEN digits file
     */
    public static List<PenDigit> read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (IOException e) {
            throw new DataException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The digits in UNIPEN text read from {@code in}; {@code source} names it in messages.
     *
     * @throws DataException when the text is not a UNIPEN digits file
     * @throws IOException   when reading fails
     */
    public static List<PenDigit> read(Reader in, String source) throws IOException {
        UnipenReader reader = new UnipenReader(source);
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            reader.lineNumber++;
            reader.line(line);
        }
        reader.finish();
        return List.copyOf(reader.digits);
    }

    private void line(String line) {
        if (line.isBlank()) {
            return;
        }
        if (!line.startsWith(".")) {
            point(line);
            return;
        }
        Matcher directive = DIRECTIVE.matcher(line);
        if (!directive.matches()) {
            throw fail("\"" + shorten(line) + "\" is not a UNIPEN directive");
        }
        switch (directive.group(1)) {
            case "SEGMENT" -> segment(line);
            case "COMMENT" -> comment(line);
            case "PEN_DOWN" -> penDown();
            case "PEN_UP" -> penUp();
            case "DT" -> {
                if (!DT.matcher(line).matches()) {
                    throw fail(".DT needs a time in milliseconds, e.g. \".DT 100\"");
                }
            }
            default -> penUpFor("." + directive.group(1)); // .INCLUDE, .LEXICON, .HIERARCHY and others
        }
    }

    private void segment(String line) {
        penUpFor(".SEGMENT");
        endDigit();
        Matcher m = SEGMENT.matcher(line);
        if (!m.matches()) {
            throw fail(".SEGMENT needs a level, stroke numbers, a quality and a label, e.g. "
                    + "'.SEGMENT DIGIT 12 ? \"7\"'");
        }
        if (!m.group(1).equals("DIGIT")) {
            throw fail("only DIGIT segments can be read, not " + m.group(1));
        }
        if (!m.group(5).matches("[0-9]")) {
            throw fail("the label \"" + shorten(m.group(5)) + "\" is not a digit 0-9");
        }
        int first = Integer.parseInt(m.group(2));
        int last = m.group(3) == null ? first : Integer.parseInt(m.group(3));
        if (last < first) {
            throw fail("the stroke numbers " + first + "-" + last + " go backwards");
        }
        label = m.group(5).charAt(0) - '0';
        expectedStrokes = last - first + 1;
        writer = -1;
        sample = -1;
        segmentLine = lineNumber;
    }

    private void comment(String line) {
        penUpFor(".COMMENT");
        Matcher m = COMMENT.matcher(line);
        if (label < 0 || !m.matches()) {
            return; // a free-text comment
        }
        if (Integer.parseInt(m.group(1)) != label) {
            throw fail("the comment says the digit is a " + m.group(1) + ", its segment a " + label);
        }
        writer = Integer.parseInt(m.group(2));
        sample = Integer.parseInt(m.group(3));
    }

    private void penDown() {
        if (label < 0) {
            throw fail(".PEN_DOWN before any .SEGMENT: the stroke belongs to no digit");
        }
        penUpFor(".PEN_DOWN");
        points = new float[64];
        length = 0;
    }

    private void penUp() {
        if (points == null) {
            throw fail(".PEN_UP without a .PEN_DOWN before it");
        }
        if (length == 0) {
            throw fail("a stroke without any pen position between .PEN_DOWN and .PEN_UP");
        }
        strokes.add(Arrays.copyOf(points, length));
        points = null;
    }

    private void point(String line) {
        Matcher m = POINT.matcher(line);
        if (!m.matches()) {
            throw fail("\"" + shorten(line) + "\" is neither a directive nor a pen position \"x y\"");
        }
        if (points == null) {
            throw fail("a pen position outside a stroke (no .PEN_DOWN before it)");
        }
        if (length + 2 > points.length) {
            points = Arrays.copyOf(points, points.length * 2);
        }
        points[length++] = Float.parseFloat(m.group(1));
        points[length++] = Float.parseFloat(m.group(2));
    }

    /** Refuses {@code directive} while the pen is down: a stroke must end with .PEN_UP first. */
    private void penUpFor(String directive) {
        if (points != null) {
            throw fail(directive + " while the pen is down: the stroke begun at a .PEN_DOWN has no .PEN_UP");
        }
    }

    private void endDigit() {
        if (label < 0) {
            return;
        }
        if (strokes.size() != expectedStrokes) {
            throw new DataException(source + ":" + segmentLine + ": the digit's .SEGMENT announces "
                    + expectedStrokes + " stroke(s) but " + strokes.size() + " follow");
        }
        digits.add(new PenDigit(label, writer, sample, new ArrayList<>(strokes), segmentLine));
        strokes.clear();
        label = -1;
    }

    private void finish() {
        if (points != null) {
            throw fail("the file ends while the pen is down (no .PEN_UP)");
        }
        endDigit();
        if (digits.isEmpty()) {
            throw new DataException(source + ": no digits in it (no .SEGMENT DIGIT lines): not a UNIPEN digits file");
        }
    }

    private DataException fail(String what) {
        return new DataException(source + ":" + lineNumber + ": " + what);
    }

    private static String shorten(String s) {
        String t = s.strip();
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }
}
