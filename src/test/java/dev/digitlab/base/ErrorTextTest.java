package dev.digitlab.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorTextTest {

    private static final class BadFile extends RuntimeException implements UserError {
        BadFile(String message) {
            super(message);
        }
    }

    @Test
    void anErrorWrittenForTheUserIsShownAsItIsUpToItsFirstLine() {
        assertEquals(Optional.of("model.json is not a model file"),
                ErrorText.sentence(new BadFile("model.json is not a model file\n\tdetails")));
        assertEquals(Optional.of("the batch size must be positive"),
                ErrorText.sentence(new IllegalArgumentException("the batch size must be positive")));
    }

    @Test
    void aBugCarriesNoSentenceForTheUser() {
        assertTrue(ErrorText.sentence(new NullPointerException("x is null")).isEmpty());
        assertTrue(ErrorText.sentence(new BadFile(" ")).isEmpty());
    }

    @Test
    void theCommandLineShowsAnyMessageOrTheKindOfFailure() {
        assertEquals("disk full", ErrorText.describe(new IOException("disk full\nmore")));
        assertEquals("unexpected NullPointerException", ErrorText.describe(new NullPointerException()));
    }
}
