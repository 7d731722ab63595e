package dev.digitlab.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Shows control characters as \\u escapes (ESC as \\u001b) instead of sending them to the terminal: model files,
 * data files and file names reach the console (a model's name, its {@code app_version}), and an
 * escape sequence in one could clear the screen or rewrite what the user reads. Line ends, tabs and
 * the carriage return of the progress line pass, as DigitLab writes those itself.
 */
final class ControlEscapingWriter extends FilterWriter {

    ControlEscapingWriter(Writer out) {
        super(out);
    }

    /** Whether {@code c} would act on the terminal rather than show. */
    static boolean isControl(int c) {
        return c != '\n' && c != '\r' && c != '\t'
                && (Character.isISOControl(c) || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069);
    }

    /** {@code text} with every control character written as a {@code \\uXXXX} escape. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public void write(int c) throws IOException {
        if (isControl(c)) {
            out.write(escape(String.valueOf((char) c)));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buffer, int off, int len) throws IOException {
        write(new String(buffer, off, len), 0, len);
    }

    @Override
    public void write(String text, int off, int len) throws IOException {
        out.write(escape(text.substring(off, off + len)));
    }
}
