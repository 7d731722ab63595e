package dev.digitlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an error dialog's "Show details" offers: a stack trace for bugs only, never for bad input. */
class FxPromptsTest {

    @Test
    void badInputGetsItsSentenceAloneWithNoStackTrace() {
        assertEquals(Optional.empty(), FxPrompts.details(new IllegalArgumentException("digits.tra:2: .PEN_UP without a "
                + ".PEN_DOWN before it")));
        assertEquals(Optional.empty(), FxPrompts.details(null));
    }

    @Test
    void aBugKeepsItsStackTraceForTheReport() {
        String details = FxPrompts.details(new IllegalStateException("index 3 out of range")).orElseThrow();
        assertTrue(details.startsWith("java.lang.IllegalStateException: index 3 out of range"), details);
        assertTrue(details.contains("\tat dev.digitlab.ui.shell.FxPromptsTest."), details);
    }
}
