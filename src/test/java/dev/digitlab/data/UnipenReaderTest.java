package dev.digitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnipenReaderTest {

    /** Every directive the development file uses, in its layout. */
    static final String TWO_DIGITS = """
            .INCLUDE        dene.doc

            .LEXICON "0" "1" "2" "3" "4" "5" "6" "7" "8" "9"
            .HIERARCHY      DIGIT

            .SEGMENT DIGIT    0 ? "8"
            .COMMENT 8 12  224
            .PEN_DOWN
             267  333
             262  346
            .PEN_UP
            .DT 100

            .SEGMENT DIGIT 1-2 ? "7"
            .COMMENT 7 3   5
            .PEN_DOWN
             10  400
            .PEN_UP
            .DT 100
            .PEN_DOWN
             20  400
             30  300
             31  299
            .PEN_UP
            .DT 100
            """;

    static List<PenDigit> parse(String text) throws IOException {
        return UnipenReader.read(new StringReader(text), "digits.tra");
    }

    @Test
    void readsEveryDirectiveOfTheDevelopmentFile() throws IOException {
        List<PenDigit> digits = parse(TWO_DIGITS);

        assertEquals(2, digits.size());
        PenDigit eight = digits.get(0);
        assertEquals(8, eight.label());
        assertEquals(12, eight.writer());
        assertEquals(224, eight.sample());
        assertEquals(6, eight.line());
        assertEquals(1, eight.strokes().size());
        assertArrayEquals(new float[] {267, 333, 262, 346}, eight.strokes().get(0));
        PenDigit seven = digits.get(1);
        assertEquals(7, seven.label());
        assertEquals(3, seven.writer());
        assertEquals(2, seven.strokes().size(), "a segment over strokes 1-2 has both");
        assertArrayEquals(new float[] {10, 400}, seven.strokes().get(0));
        assertEquals(4, seven.pointCount());
    }

    @Test
    void aDigitWithoutWriterCommentHasAnUnknownWriter() throws IOException {
        PenDigit d = parse(".SEGMENT DIGIT 0 ? \"3\"\n.COMMENT written on a train\n.PEN_DOWN\n1 2\n.PEN_UP\n").get(0);
        assertEquals(3, d.label());
        assertEquals(-1, d.writer());
    }

    @Test
    void unknownDirectivesAreReadOver() throws IOException {
        assertEquals(1, parse(".VERSION 1.0\n.X_POINTS_PER_INCH 500\n.SEGMENT DIGIT 0 ? \"1\"\n.PEN_DOWN\n1 2\n"
                + ".PEN_UP\n.END_OF_DATA\n").size());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        ".PEN_DOWN\\n1 2\\n.PEN_UP\\n| 1 | .PEN_DOWN before any .SEGMENT",
        ".SEGMENT DIGIT 0 ? \"4\"\\n1 2\\n| 2 | a pen position outside a stroke",
        ".SEGMENT DIGIT 0 ? \"4\"\\n.PEN_DOWN\\n1 two\\n.PEN_UP\\n| 3 | \"1 two\" is neither a directive",
        ".SEGMENT DIGIT 0 ? \"4\"\\n.PEN_UP\\n| 2 | .PEN_UP without a .PEN_DOWN",
        ".SEGMENT DIGIT 0 ? \"4\"\\n.PEN_DOWN\\n.PEN_UP\\n| 3 | a stroke without any pen position",
        ".SEGMENT DIGIT 0 ? \"4\"\\n.PEN_DOWN\\n1 2\\n.PEN_DOWN\\n| 4 | .PEN_DOWN while the pen is down",
        ".SEGMENT DIGIT 0 ? \"4\"\\n.PEN_DOWN\\n1 2\\n| 3 | the file ends while the pen is down",
        ".SEGMENT DIGIT 0 ? \"x\"\\n| 1 | the label \"x\" is not a digit",
        ".SEGMENT DIGIT 0 ? 4\\n| 1 | .SEGMENT needs a level",
        ".SEGMENT WORD 0 ? \"4\"\\n| 1 | only DIGIT segments",
        ".SEGMENT DIGIT 3-1 ? \"4\"\\n| 1 | go backwards",
        ".SEGMENT DIGIT 0-1 ? \"4\"\\n.PEN_DOWN\\n1 2\\n.PEN_UP\\n| 1 | announces 2 stroke(s) but 1 follow",
        ".SEGMENT DIGIT 0 ? \"4\"\\n.COMMENT 5 1 1\\n| 2 | the comment says the digit is a 5, its segment a 4",
        ".SEGMENT DIGIT 0 ? \"4\"\\n.PEN_DOWN\\n1 2\\n.PEN_UP\\n.DT soon\\n| 5 | .DT needs a time",
        ".SEGMENT DIGIT 0 ? \"4\"\\n.pen_down\\n| 2 | is not a UNIPEN directive",
    })
    void brokenInputIsRefusedWithOneLineNamingTheLine(String text, int line, String expected) {
        DataException e = assertThrows(DataException.class, () -> parse(text.replace("\\n", "\n")));
        assertTrue(e.getMessage().startsWith("digits.tra:" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aFileWithoutDigitsIsNotAUnipenFile() {
        DataException e = assertThrows(DataException.class, () -> parse(".LEXICON \"0\"\n\n"));
        assertEquals("digits.tra: no digits in it (no .SEGMENT DIGIT lines): not a UNIPEN digits file", e.getMessage());
    }

    @Test
    void aBinaryFileIsRefusedAtItsFirstLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.bin");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, '\n'});
        DataException e = assertThrows(DataException.class, () -> UnipenReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ":1: "), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path file = dir.resolve("none.tra");
        DataException e = assertThrows(DataException.class, () -> UnipenReader.read(file));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void readsTheWholeDevelopmentSet() {
        Path file = Path.of("../shared/data/pendigits/pendigits-orig.tra");
        assumeTrue(Files.isReadable(file), "the pen digits development set is not at " + file.toAbsolutePath());
        List<PenDigit> digits = UnipenReader.read(file);
        assertEquals(7494, digits.size());
        Set<Integer> writers = new HashSet<>();
        int[] perLabel = new int[10];
        for (PenDigit d : digits) {
            writers.add(d.writer());
            perLabel[d.label()]++;
        }
        assertEquals(30, writers.size());
        for (int count : perLabel) {
            assertTrue(count > 700, "every digit is there about 750 times: " + count);
        }
    }
}
