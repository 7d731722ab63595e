package dev.digitlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digitlab.nn.threads.NativeThreads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildReportTest {

    @TempDir
    Path dir;

    @Test
    void aFailedArchiveWriteAtExitDoesNotChangeTheCommandsExitCode() throws Exception {
        ChildReport report = ChildReport.in(dir);
        // A child whose archive cannot be written: the JVM turns the command's 0 into 1 at exit.
        Path unwritable = dir.resolve("no-such-folder").resolve("classes.jsa");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:cds*=off", "-XX:ArchiveClassesAtExit=" + unwritable,
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "--version")
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        builder.environment().put(Relauncher.MARKER, "1");
        builder.environment().put(NativeThreads.ENV, "1");
        builder.environment().put(ChildReport.ENV, report.file().toString());
        Process child = builder.start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));

        assertNotEquals(0, child.exitValue(), "the JVM's own code reports the failed dump");
        assertTrue(report.childStarted());
        assertEquals(OptionalInt.of(0), report.code(), "the command's code is what the launcher passes on");
        report.delete();
        assertFalse(Files.exists(report.file()));
    }

    @Test
    void aChildThatNeverReachedMainLeavesNoReport() {
        ChildReport report = ChildReport.in(dir);
        assertFalse(report.childStarted());
        assertEquals(OptionalInt.empty(), report.code());
    }

    @Test
    void aReportLeftByAKilledLauncherIsDeletedWithItsHalfMadeArchives() throws IOException {
        Path jar = dir.resolve("digitlab.jar");
        Files.write(jar, new byte[] {'P', 'K', 3, 4});
        Path cache = dir.resolve("cache");
        Files.createDirectories(cache);
        Path left = cache.resolve("classes-report.2147483646.tmp");
        Files.writeString(left, "started");

        ClassDataArchive.forChild(cache, jar.toString(), List.of()).orElseThrow().options();

        assertFalse(Files.exists(left));
    }
}
