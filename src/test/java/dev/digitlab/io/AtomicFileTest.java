package dev.digitlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWorkerWhoseLauncherIsGoneReplacesNothing() throws IOException {
        Path model = dir.resolve("m.json");
        Files.writeString(model, "old");
        try {
            AtomicFile.refuseWritesWhen(() -> true);
            assertThrows(IOException.class, () -> new AtomicFile().write(model, out -> out.write("new".getBytes())));
        } finally {
            AtomicFile.refuseWritesWhen(() -> false);
        }
        assertEquals("old", Files.readString(model));
        assertEquals(List.of("m.json"), names(), "no temporary file left");
    }
}
