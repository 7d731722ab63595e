package dev.digitlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParentWatchTest {

    @TempDir
    Path dir;

    @Test
    void killingTheLauncherEndsTheWorkerAtOnce() throws Exception {
        Path model = dir.resolve("m.json");
        // The process the user started: a shell that starts the worker as its child and waits for it.
        Process launcher = new ProcessBuilder("sh", "-c",
                ParentWatch.ENV + "=$$ \"$0\" -cp \"$1\" " + OrphanWriter.class.getName() + " \"$2\" & wait",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"), model.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(model) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(model), "the worker saves while its launcher runs");
            String before = Files.readString(model);
            Thread.sleep(300);
            assertNotEquals(before, Files.readString(model), "the worker saves every few milliseconds");

            launcher.destroyForcibly().waitFor(); // kill -9
            Thread.sleep(1000);
            String after = Files.readString(model);
            Thread.sleep(1000);
            assertEquals(after, Files.readString(model), "the worker went on saving after its launcher was killed");
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    @Test
    void aWorkerWhoseLauncherIsAlreadyGoneDoesNothing() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path model = dir.resolve("m.json");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanWriter.class.getName(), model.toString());
        builder.environment().put(ParentWatch.ENV, Long.toString(gone.pid()));
        Process worker = builder.start();
        assertTrue(worker.waitFor(30, TimeUnit.SECONDS));
        assertEquals(ParentWatch.ORPHANED, worker.exitValue());
        assertTrue(Files.notExists(model));
    }
}
