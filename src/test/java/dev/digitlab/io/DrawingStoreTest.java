package dev.digitlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.imaging.strokes.LabelledDrawing;
import dev.digitlab.imaging.strokes.Stroke;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's drawings survive a save and a load, and a damaged file is kept, never lost. */
class DrawingStoreTest {

    @TempDir
    Path home;

    private static LabelledDrawing seven() {
        return new LabelledDrawing(7, List.of(new Stroke(24, new float[] {60.5f, 50, 220, 52.25f, 120, 240}),
                new Stroke(18, new float[] {100, 140})), Instant.parse("2026-12-02T17:50:00Z"));
    }

    @Test
    void drawingsComeBackAsTheyWereSaved() throws IOException {
        DrawingStore store = new DrawingStore(home.resolve(DrawingStore.FILE));
        LabelledDrawing one = new LabelledDrawing(1, List.of(new Stroke(30, new float[] {140, 30, 141, 250})), null);

        store.save(List.of(seven(), one));
        List<LabelledDrawing> back = new DrawingStore(home.resolve(DrawingStore.FILE)).load();

        assertEquals(2, back.size());
        assertEquals(7, back.get(0).digit());
        assertEquals(seven().created(), back.get(0).created());
        assertEquals(2, back.get(0).strokes().size());
        Stroke first = back.get(0).strokes().get(0);
        assertEquals(24, first.width());
        assertArrayEquals(new float[] {60.5f, 50, 220, 52.25f, 120, 240},
                new float[] {first.x(0), first.y(0), first.x(1), first.y(1), first.x(2), first.y(2)});
        assertEquals(18, back.get(0).strokes().get(1).width());
        assertEquals(1, back.get(1).digit());
        assertEquals(null, back.get(1).created());
        String text = Files.readString(home.resolve(DrawingStore.FILE));
        assertTrue(text.contains("\"format\": \"digitlab-drawings\""), text);
        assertTrue(text.contains("\"version\": 1"), text);
    }

    @Test
    void noFileMeansNoDrawingsAndNoWarning() {
        DrawingStore store = new DrawingStore(home.resolve(DrawingStore.FILE));

        assertEquals(List.of(), store.load());
        assertTrue(store.warning().isEmpty());
    }

    @Test
    void aDamagedFileIsKeptAsideWithItsContentAndReported() throws IOException {
        Path file = home.resolve(DrawingStore.FILE);
        String damaged = "{\"format\": \"digitlab-drawings\", \"version\": 1, \"drawings\": [{\"digit\": 7, \"str";
        Files.writeString(file, damaged);
        DrawingStore store = new DrawingStore(file);

        assertEquals(List.of(), store.load());

        List<Path> aside = kept();
        assertEquals(1, aside.size());
        assertEquals(damaged, Files.readString(aside.get(0), StandardCharsets.UTF_8));
        String warning = store.warning().orElseThrow();
        assertTrue(warning.contains("kept as " + aside.get(0).getFileName()), warning);
        // A new file starts beside the kept one.
        store.save(List.of(seven()));
        assertEquals(1, store.load().size());
        assertEquals(damaged, Files.readString(aside.get(0), StandardCharsets.UTF_8));
    }

    @Test
    void aFileFromANewerDigitLabIsKeptAsideNotOverwritten() throws IOException {
        Path file = home.resolve(DrawingStore.FILE);
        String newer = "{\"format\": \"digitlab-drawings\", \"version\": 2, \"drawings\": []}";
        Files.writeString(file, newer);
        DrawingStore store = new DrawingStore(file);

        store.load();
        store.save(List.of(seven()));

        assertTrue(store.warning().orElseThrow().contains("newer DigitLab"), store.warning().orElseThrow());
        assertEquals(newer, Files.readString(kept().get(0)));
    }

    @Test
    void aDrawingWithAnImpossibleDigitIsADamagedFile() throws IOException {
        Path file = home.resolve("examples.json");
        Files.writeString(file, "{\"format\": \"digitlab-drawings\", \"version\": 1, \"drawings\": ["
                + "{\"digit\": 12, \"strokes\": [{\"width\": 24, \"points\": [1, 2]}]}]}");

        IOException e = assertThrows(IOException.class, () -> DrawingStore.read(file));

        assertEquals(file + " is not a drawings file: drawing 1: a drawing's digit must be 0 to 9, not 12",
                e.getMessage());
    }

    private List<Path> kept() throws IOException {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(p -> p.getFileName().toString().startsWith(DrawingStore.FILE + ".bad-")).toList();
        }
    }
}
