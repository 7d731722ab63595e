package dev.digitlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path home;

    @Test
    void savedSettingsLoadBackTheSame() throws Exception {
        Settings settings = new Settings();
        settings.windowX = 12;
        settings.windowY = 34;
        settings.windowWidth = 900;
        settings.windowHeight = 700;
        settings.language = "zh-CN";
        settings.dataFolder = "/data/mnist";
        settings.addRecent("/a.json");
        settings.addRecent("/b.json");
        settings.hyperparameters.put("epochs", "3");
        SettingsStore store = new SettingsStore(home.resolve("sub"));
        store.save(settings);

        Settings back = store.load();
        assertEquals(12, back.windowX);
        assertEquals(34, back.windowY);
        assertEquals(900, back.windowWidth);
        assertEquals(700, back.windowHeight);
        assertEquals("zh-CN", back.language);
        assertEquals("/data/mnist", back.dataFolder);
        assertEquals(List.of("/b.json", "/a.json"), back.recentModels);
        assertEquals("3", back.hyperparameters.get("epochs"));
        assertTrue(store.warning().isEmpty());
    }

    @Test
    void missingFileGivesDefaults() {
        SettingsStore store = new SettingsStore(home);
        Settings settings = store.load();
        assertEquals("en", settings.language);
        assertNull(settings.dataFolder);
        assertTrue(settings.recentModels.isEmpty());
        assertTrue(Double.isNaN(settings.windowX));
        assertTrue(store.warning().isEmpty());
    }

    @Test
    void damagedFileIsSetAsideWithAWarningAndDefaultsAreUsed() throws Exception {
        Path file = home.resolve(SettingsStore.FILE);
        Files.writeString(file, "{\"language\": \"zh-CN\", \"recentModels\": [");
        SettingsStore store = new SettingsStore(home);

        Settings settings = store.load();

        assertEquals("en", settings.language);
        assertFalse(Files.exists(file));
        try (Stream<Path> files = Files.list(home)) {
            Path bad = files.filter(p -> p.getFileName().toString().startsWith("settings.json.bad-"))
                    .findFirst().orElseThrow();
            assertEquals("{\"language\": \"zh-CN\", \"recentModels\": [", Files.readString(bad));
        }
        assertTrue(store.warning().orElseThrow().contains("damaged"));
    }

    @Test
    void aPathJavaRejectsIsDroppedAndTheOtherSettingsKept() throws Exception {
        Path file = home.resolve(SettingsStore.FILE);
        Files.writeString(file, "{\"language\": \"zh-CN\", \"dataFolder\": \"/tmp/a\\u0000b\",\n"
                + " \"recentModels\": [\"/m/good.json\", \"/m/bad\\u0000.json\", null, \"/m/other.json\"],\n"
                + " \"windowX\": 120, \"hyperparameters\": {\"epochs\": \"5\"}}");
        SettingsStore store = new SettingsStore(home);

        Settings settings = store.load();

        assertNull(settings.dataFolder);
        assertEquals(List.of("/m/good.json", "/m/other.json"), settings.recentModels);
        assertEquals("zh-CN", settings.language);
        assertEquals(120, settings.windowX);
        assertEquals(Map.of("epochs", "5"), settings.hyperparameters);
        assertTrue(store.warning().isEmpty(), "nothing to set aside: the file was usable");
        assertTrue(Files.exists(file));
    }

    @Test
    void aFieldOfTheWrongKindIsDroppedAndTheOtherSettingsKept() throws Exception {
        Path file = home.resolve(SettingsStore.FILE);
        Files.writeString(file, "{\"language\": \"zh-CN\", \"dataFolder\": [1, 2], \"recentModels\": \"x\",\n"
                + " \"windowWidth\": \"wide\", \"windowHeight\": 1e300, \"windowY\": -1e12}");

        Settings settings = new SettingsStore(home).load();

        assertEquals("zh-CN", settings.language);
        assertNull(settings.dataFolder);
        assertEquals(List.of(), settings.recentModels);
        assertEquals(1100, settings.windowWidth);
        assertEquals(760, settings.windowHeight);
        assertTrue(Double.isNaN(settings.windowY));
    }

    @Test
    void recentModelsKeepTheLastEightNewestFirstWithoutRepeats() {
        Settings settings = new Settings();
        for (int i = 1; i <= 10; i++) {
            settings.addRecent("/m" + i + ".json");
        }
        settings.addRecent("/m5.json");
        assertEquals(8, settings.recentModels.size());
        assertEquals("/m5.json", settings.recentModels.get(0));
        assertEquals("/m10.json", settings.recentModels.get(1));
        assertEquals(1, settings.recentModels.stream().filter("/m5.json"::equals).count());
    }
}
