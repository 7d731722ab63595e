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

    @Test
    void aSaveRemovesTheTempFilesOfSavesThatWereKilled() throws IOException {
        Path deadWriter = dir.resolve(".m.json.2147483646-1a2b3c.tmp");
        Path liveWriter = dir.resolve(".m.json." + ProcessHandle.current().pid() + "-4d5e6f.tmp");
        Path oldNaming = dir.resolve(".m.json.89abcdef0123.tmp");
        Path oldNamingRecent = dir.resolve(".other.json.89abcdef0124.tmp");
        Path notOurs = dir.resolve(".notes.tmp");
        for (Path p : List.of(deadWriter, liveWriter, oldNaming, oldNamingRecent, notOurs)) {
            Files.write(p, new byte[1000]);
        }
        Files.setLastModifiedTime(oldNaming, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(AtomicFile.STALE_AGE).minusSeconds(60)));

        new AtomicFile().write(dir.resolve("m.json"), out -> out.write("new".getBytes()));

        assertEquals(List.of(liveWriter.getFileName().toString(), ".notes.tmp",
                oldNamingRecent.getFileName().toString(), "m.json"), names());
    }
}
