package dev.digitlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    @TempDir
    Path dir;

    private Path jar() throws IOException {
        Path jar = dir.resolve("digitlab.jar");
        if (!Files.exists(jar)) {
            Files.write(jar, new byte[] {'P', 'K', 3, 4});
        }
        return jar;
    }

    private ClassDataArchive archive(List<String> options) throws IOException {
        return ClassDataArchive.forChild(dir.resolve("cache"), jar().toString(), options).orElseThrow();
    }

    /** Stands in for the child JVM writing its archive at exit. */
    private static Path dumpAsTheChildWould(List<String> options) throws IOException {
        String dump = options.stream().filter(o -> o.startsWith("-XX:ArchiveClassesAtExit=")).findFirst().orElseThrow();
        Path pending = Path.of(dump.substring(dump.indexOf('=') + 1));
        byte[] archive = new byte[64 * 1024];
        new java.util.Random(1).nextBytes(archive);
        Files.write(pending, archive);
        return pending;
    }

    private List<Path> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
            return files.toList();
        }
    }

    @Test
    void theFirstRunDumpsTheArchiveAndTheNextRunMapsIt() throws IOException {
        ClassDataArchive first = archive(List.of("-XX:+UseShenandoahGC"));
        assertFalse(first.exists());
        Path pending = dumpAsTheChildWould(first.options());
        first.finish(0);

        assertFalse(Files.exists(pending));
        assertEquals(List.of(first.file(), checkFile(first)), sorted(cacheFiles()));
        ClassDataArchive next = archive(List.of("-XX:+UseShenandoahGC"));
        assertTrue(next.exists());
        assertTrue(next.options().contains("-XX:SharedArchiveFile=" + first.file()));
    }

    private static Path checkFile(ClassDataArchive archive) {
        return archive.file().resolveSibling(archive.file().getFileName() + ".crc");
    }

    private static List<Path> sorted(List<Path> files) {
        return files.stream().sorted().toList();
    }

    @Test
    void aDamagedArchiveIsDeletedAndDumpedAgainRatherThanMapped() throws IOException {
        ClassDataArchive first = archive(List.of());
        dumpAsTheChildWould(first.options());
        first.finish(0);
        assertTrue(archive(List.of()).exists());

        // 4 KB overwritten in the middle, the file's size unchanged: what broke every command before.
        try (java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(first.file(),
                java.nio.file.StandardOpenOption.WRITE)) {
            file.write(java.nio.ByteBuffer.wrap(new byte[4096]), 30_000);
        }
        ClassDataArchive next = archive(List.of());
        assertFalse(next.exists());
        assertFalse(Files.exists(first.file()));
        assertFalse(Files.exists(checkFile(first)));
        assertTrue(next.options().stream().anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit=")));
        assertTrue(next.options().stream().noneMatch(o -> o.startsWith("-XX:SharedArchiveFile=")));
    }

    @Test
    void anArchiveWithoutItsCheckFileIsNeverMapped() throws IOException {
        ClassDataArchive first = archive(List.of());
        dumpAsTheChildWould(first.options());
        first.finish(0);
        Files.delete(checkFile(first));

        assertFalse(archive(List.of()).exists());
        assertFalse(Files.exists(first.file()));
    }

    @Test
    void tooLittleFreeSpaceMeansNoDumpRatherThanAFailedCommand() throws IOException {
        ClassDataArchive archive = archive(List.of());
        assertEquals(List.of(), archive.dumpOptions(18L << 20));
        assertTrue(archive.dumpOptions(ClassDataArchive.MIN_FREE_BYTES).stream()
                .anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit=")));
    }

    @Test
    void aMappedArchiveNeverStopsTheJvmAndACrashReportStaysOutOfTheUsersFolder() throws IOException {
        ClassDataArchive first = archive(List.of());
        dumpAsTheChildWould(first.options());
        first.finish(0);
        List<String> options = archive(List.of()).options();
        assertTrue(options.contains("-Xshare:auto"), options.toString());
        assertTrue(options.contains("-XX:ErrorFile=" + dir.resolve("cache").resolve("hs_err_pid%p.log")),
                options.toString());
    }

    @Test
    void aRunThatFailedKeepsNoArchive() throws IOException {
        ClassDataArchive first = archive(List.of());
        Path pending = dumpAsTheChildWould(first.options());
        first.finish(1);

        assertFalse(Files.exists(pending));
        assertEquals(List.of(), cacheFiles());
        assertFalse(archive(List.of()).exists());
    }

    @Test
    void aNewJarOrOtherOptionsGetANewArchiveAndTheOldOneIsDeleted() throws IOException {
        ClassDataArchive old = archive(List.of());
        dumpAsTheChildWould(old.options());
        old.finish(0);

        Files.setLastModifiedTime(jar(), FileTime.fromMillis(Files.getLastModifiedTime(jar()).toMillis() + 60_000));
        ClassDataArchive rebuilt = archive(List.of());
        assertNotEquals(old.file(), rebuilt.file());
        assertFalse(rebuilt.exists());
        assertNotEquals(rebuilt.file(), archive(List.of("-Xmx2g")).file());

        dumpAsTheChildWould(rebuilt.options());
        rebuilt.finish(0);
        assertEquals(List.of(rebuilt.file(), checkFile(rebuilt)), sorted(cacheFiles()));
    }

    @Test
    void halfMadeArchivesOfLaunchersThatAreGoneAreDeleted() throws IOException {
        Files.createDirectories(dir.resolve("cache"));
        Path abandoned = dir.resolve("cache/classes-0123456789abcdef.2147483646.tmp");
        Files.write(abandoned, new byte[] {1});
        Path ours = dir.resolve("cache/classes-0123456789abcdef." + ProcessHandle.current().pid() + ".tmp");
        Files.write(ours, new byte[] {1});

        archive(List.of()).options();

        assertFalse(Files.exists(abandoned));
        assertTrue(Files.exists(ours), "a launcher that still runs keeps its file");
    }

    @Test
    void noArchiveForFoldersOnTheClassPathOrWhenTheUserChoseOne() throws IOException {
        Path cache = dir.resolve("cache");
        String classes = dir.resolve("classes").toString();
        Files.createDirectories(Path.of(classes));
        assertTrue(ClassDataArchive.forChild(cache, classes, List.of()).isEmpty());
        assertTrue(ClassDataArchive.forChild(cache, jar() + java.io.File.pathSeparator + classes, List.of()).isEmpty());
        assertTrue(ClassDataArchive.forChild(cache, dir.resolve("missing.jar").toString(), List.of()).isEmpty());
        assertTrue(ClassDataArchive.forChild(cache, jar().toString(), List.of("-Xshare:off")).isEmpty());
        assertTrue(ClassDataArchive.forChild(cache, jar().toString(), List.of("-XX:SharedArchiveFile=/x.jsa")).isEmpty());
        assertTrue(ClassDataArchive.forChild(cache, jar().toString(),
                List.of("-D" + ClassDataArchive.SWITCH + "=false")).isEmpty());
        assertTrue(ClassDataArchive.forChild(cache, jar().toString(), List.of()).isPresent());
    }

    @Test
    void anUnwritableCacheMeansARunWithoutAnArchive() throws IOException {
        Path file = dir.resolve("not-a-folder");
        Files.write(file, new byte[] {1});
        ClassDataArchive archive = ClassDataArchive.forChild(file.resolve("cache"), jar().toString(), List.of())
                .orElseThrow();
        assertEquals(List.of(), archive.options());
        archive.finish(0); // nothing to keep, and no error
    }
}
