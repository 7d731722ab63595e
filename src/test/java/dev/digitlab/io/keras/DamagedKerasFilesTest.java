package dev.digitlab.io.keras;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.digitlab.io.ModelFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files damaged at random places (a bad disk, a broken download, a hostile file): each one either
 * opens or gets a {@link ModelFileException} of one line, never another exception or an
 * OutOfMemoryError, and never hangs.
 */
class DamagedKerasFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"mlp-keras2.h5", "cnn-keras3.3.h5", "cnn.keras"})
    void randomlyDamagedFilesOpenOrGetOneLine(String name, @TempDir Path dir) throws IOException {
        byte[] good = Files.readAllBytes(KerasFixtures.file(name));
        SplittableRandom random = new SplittableRandom(name.hashCode());
        Path file = dir.resolve(name);
        // Small limits, as a reader with the defaults would only take longer to say the same.
        KerasReader reader = new KerasReader(10_000_000, 1_000_000);
        for (int round = 0; round < 25; round++) {
            byte[] bad = good.clone();
            int changes = 1 + random.nextInt(8);
            // Mostly the first kilobytes, where HDF5 keeps its superblock and object headers.
            for (int c = 0; c < changes; c++) {
                int at = random.nextInt(4) == 0 ? random.nextInt(bad.length) : random.nextInt(Math.min(bad.length, 4096));
                bad[at] = (byte) random.nextInt(256);
            }
            Files.write(file, bad);
            int r = round;
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    reader.load(file);
                } catch (ModelFileException e) {
                    assertFalse(e.getMessage().contains("\n"), e.getMessage());
                } catch (Throwable e) {
                    fail(name + " damaged in round " + r + " threw " + e, e);
                }
            });
        }
    }
}
