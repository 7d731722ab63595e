package dev.digitlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.nn.threads.NativeThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code OMP_NUM_THREADS=abc} in the user's environment: corrected and said, never an ND4J start-up trace. */
class BadThreadSettingTest {

    @TempDir
    Path dir;

    @Test
    void ompNumThreadsThatIsNoCountIsReplacedAndSaidInOneLine() throws Exception {
        Path model = Path.of("models", "mnist-mlp.json").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Ddigitlab.home=" + dir, "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "info", "--model", model.toString())
                .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile());
        builder.environment().put(NativeThreads.ENV, "abc");
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));

        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(0, process.exitValue(), err);
        assertTrue(err.matches("digitlab: OMP_NUM_THREADS=abc is not a thread count, so DigitLab uses \\d+ instead\\R"),
                err);
        assertTrue(Files.readString(dir.resolve("out.txt")).contains("Architecture:"));
    }
}
