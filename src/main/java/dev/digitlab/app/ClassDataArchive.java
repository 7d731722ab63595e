package dev.digitlab.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * A class-data archive (Java's AppCDS) for the relaunched JVM: the classes a run loaded, parsed
 * and verified once, then mapped from a file on every later start.
 *
 * <p>Why: starting ND4J loads some two thousand classes (its op table alone has hundreds) and
 * JavaFX another thousand; loading and verifying them is most of the app's start-up and of the
 * shipped model's first load. Measured here, the first load of the shipped model in a fresh JVM
 * took 0.48-0.52 s without an archive and 0.30-0.32 s with one.
 *
 * <p>Life cycle: the first run of a given jar and JVM dumps the archive when it exits
 * ({@code -XX:ArchiveClassesAtExit}) to a temporary name; the launcher, which waits for that run,
 * moves it into place only when the run ended normally, so a crash never leaves half a file to
 * map. Later runs map it ({@code -XX:SharedArchiveFile}). The file name is a hash of everything
 * the archive depends on (Java build, class path with each jar's size and time, JVM options), so a
 * new jar or JDK gets a new archive, and the old one is deleted then. A JVM that cannot use an
 * archive ignores it and runs as without one ({@code -Xshare:auto}).
 *
 * <p>Damage: a mapped archive that is damaged on disk kills every start, so beside each archive is
 * a check file (size and CRC32C) written when it is kept; an archive that does not match it is
 * deleted before a JVM maps it, and dumped again. A dump is only asked for with
 * {@link #MIN_FREE_BYTES} free, since a dump that fails at exit turns the command's exit code into 1
 * (the {@link Relauncher} passes on the command's own code, see {@link ChildReport}).
 *
 * <p>Only class paths made of jar files qualify ({@code java -jar digitlab.jar}); the JVM
 * cannot archive classes from folders, as in {@code mvn javafx:run}.
 */
final class ClassDataArchive {

    /** Set to {@code false} to run without an archive, e.g. to measure what it saves. */
    static final String SWITCH = "digitlab.classDataArchive";

    private static final String PREFIX = "classes-";
    private static final String SUFFIX = ".jsa";
    /** Archiving reports classes it skips (e.g. very old class files) as warnings; a user need not see them. */
    private static final String QUIET = "-Xlog:cds*=off";
    /** Use the archive when it maps, run without it otherwise; never refuse to start over it. */
    private static final String AUTO = "-Xshare:auto";

    /**
     * Dumping needs this much free space where the archive goes (archives are 20-60 MB): with
     * less, a dump fails at exit and that run goes without one rather than risk it.
     */
    static final long MIN_FREE_BYTES = 256L << 20;

    private final Path target;
    private final Path pending;
    private final Path check;
    private final boolean exists;

    private ClassDataArchive(Path target, Path pending) {
        this.target = target;
        this.pending = pending;
        this.check = checkFile(target);
        this.exists = Files.isRegularFile(target) && keepIfIntact();
    }

    /**
     * Whether the archive is as it was written: its size and CRC32C match the check file beside
     * it. A damaged archive, mapped, kills the JVM (a crash or {@code NoClassDefFoundError} on
     * every start), so one that fails the check, or has no check file, is deleted and dumped again.
     */
    private boolean keepIfIntact() {
        try {
            String[] expected = Files.readString(check, StandardCharsets.US_ASCII).trim().split(" ");
            if (expected.length == 2 && Long.parseLong(expected[0]) == Files.size(target)
                    && expected[1].equals(crc(target))) {
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // no check file, or an unreadable one: the archive cannot be trusted
        }
        discard();
        return false;
    }

    /** Deletes the archive and its check file, e.g. after a child JVM failed to start with it. */
    void discard() {
        try {
            Files.deleteIfExists(target);
            Files.deleteIfExists(check);
        } catch (IOException e) {
            // the next launch checks it again
        }
    }

    private static Path checkFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".crc");
    }

    /** The file's CRC32C in hex: hardware-accelerated, some 10 ms for a 50 MB archive. */
    static String crc(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (in.read(buffer) >= 0) {
                buffer.flip();
                crc.update(buffer);
                buffer.clear();
            }
        }
        return Long.toHexString(crc.getValue());
    }

    /**
     * The archive for a child JVM with this class path and these options, kept in {@code folder};
     * empty when the class path is not all jars, the user chose CDS options, or the switch is off.
     */
    static Optional<ClassDataArchive> forChild(Path folder, String classPath, List<String> jvmOptions) {
        if ("false".equals(System.getProperty(SWITCH))
                || jvmOptions.stream().anyMatch(o -> o.startsWith("-Xshare") || o.contains("SharedArchiveFile")
                || o.contains("ArchiveClassesAtExit") || o.equals("-D" + SWITCH + "=false"))) {
            return Optional.empty();
        }
        List<Path> jars = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (entry.isEmpty() || !entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
                return Optional.empty();
            }
            jars.add(jar);
        }
        if (jars.isEmpty()) {
            return Optional.empty();
        }
        String key;
        try {
            key = key(jars, jvmOptions);
        } catch (UncheckedIOException e) {
            return Optional.empty(); // a jar went away while we looked: run without an archive
        }
        Path target = folder.resolve(PREFIX + key + SUFFIX);
        Path pending = folder.resolve(PREFIX + key + "." + ProcessHandle.current().pid() + ".tmp");
        return Optional.of(new ClassDataArchive(target, pending));
    }

    /**
     * The JVM options that map the archive, or make the child dump it when there is none yet;
     * none when the folder for it cannot be made.
     */
    List<String> options() {
        if (exists) {
            return List.of(AUTO, QUIET, crashLog(), "-XX:SharedArchiveFile=" + target);
        }
        long free;
        try {
            Files.createDirectories(target.getParent());
            deleteAbandoned();
            free = Files.getFileStore(target.getParent()).getUsableSpace();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // nowhere to keep it: this run goes without, as a plain JVM would
        }
        return dumpOptions(free);
    }

    /** The options that dump the archive, or none when {@code freeBytes} is too little room for it. */
    List<String> dumpOptions(long freeBytes) {
        if (freeBytes < MIN_FREE_BYTES) {
            return List.of();
        }
        return List.of(AUTO, QUIET, crashLog(), "-XX:ArchiveClassesAtExit=" + pending);
    }

    /** Should the JVM crash with an archive, its report goes beside the archive, not into the user's folder. */
    private String crashLog() {
        return "-XX:ErrorFile=" + target.resolveSibling("hs_err_pid%p.log");
    }

    /**
     * Deletes half-made archives whose launcher is gone (killed before it could keep or discard
     * them): each is named after its launcher's process id. They are tens of megabytes each.
     */
    private void deleteAbandoned() throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(target.getParent(), PREFIX + "*.tmp{,.crc}")) {
            for (Path file : temps) {
                String name = file.getFileName().toString().replaceFirst("\\.crc$", "");
                String pid = name.substring(name.lastIndexOf('.', name.length() - 5) + 1, name.length() - 4);
                boolean alive;
                try {
                    alive = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                } catch (NumberFormatException e) {
                    alive = false;
                }
                if (!alive) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * After the child exited: keeps a freshly dumped archive when the run ended normally (and
     * deletes archives of older jars or JVMs), else discards it. Never fails the launch.
     */
    void finish(int exitCode) {
        if (exists) {
            return;
        }
        try {
            if (exitCode == 0 && Files.isRegularFile(pending) && Files.size(pending) > 0) {
                Path checkPending = checkFile(pending);
                Files.writeString(checkPending, Files.size(pending) + " " + crc(pending), StandardCharsets.US_ASCII);
                Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Files.move(checkPending, check, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                deleteOthers();
            } else {
                Files.deleteIfExists(pending);
            }
        } catch (IOException | UncheckedIOException e) {
            // An archive only saves start-up time; without it the next run simply dumps again.
            try {
                Files.deleteIfExists(pending);
                Files.deleteIfExists(checkFile(pending));
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    /** Where the archive is, or will be once a run has dumped it. */
    Path file() {
        return target;
    }

    /** Whether the archive was there already (mapped), rather than to be dumped by this run. */
    boolean exists() {
        return exists;
    }

    private void deleteOthers() throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(target.getParent(), PREFIX + "*" + SUFFIX + "{,.crc}")) {
            for (Path file : old) {
                if (!file.equals(target) && !file.equals(check)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static String key(List<Path> jars, List<String> jvmOptions) {
        StringBuilder text = new StringBuilder();
        text.append(System.getProperty("java.home")).append('\n')
                .append(System.getProperty("java.vm.version")).append('\n');
        for (Path jar : jars) {
            try {
                text.append(jar.toAbsolutePath()).append(' ').append(Files.size(jar)).append(' ')
                        .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        jvmOptions.forEach(o -> text.append(o).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
