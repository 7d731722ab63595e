package dev.digitlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorLogTest {

    @TempDir
    Path home;

    @Test
    void errorsAreAppendedToTodaysLogUnderTheHomeFolder() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
        ErrorLog log = new ErrorLog(home, clock);

        Path file = log.append("worker-1", new IllegalStateException("first failure"));
        log.append("JavaFX Application Thread", new ArithmeticException("second failure"));

        assertEquals(home.resolve("logs").resolve("digitlab-2026-03-04.log"), file);
        String text = Files.readString(file);
        assertTrue(text.contains("worker-1") && text.contains("IllegalStateException: first failure"), text);
        assertTrue(text.indexOf("first failure") < text.indexOf("second failure"), text);
        assertTrue(text.contains("at dev.digitlab.io.ErrorLogTest"), "the stack trace is kept");
    }
}
