package dev.digitlab.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a file all at once or not at all: the content goes to a temporary file in the same
 * folder, is forced to the disk, and is then moved over the target in one atomic step. Whatever
 * fails on the way (a full disk, a crash mid-write) leaves the previous file as it was, and the
 * temporary file is removed; one left by a process that was killed is removed by the next save
 * into the same folder.
 */
public final class AtomicFile {

    /** Writes the content of the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Wraps the stream to the temporary file; tests use it to fail a write half way. */
    @FunctionalInterface
    public interface StreamWrapper {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    /** A temporary file older than this is a leftover even when a process of its id runs. */
    static final Duration STALE_AGE = Duration.ofHours(1);
    /** {@code .name.<pid>-<hex>.tmp}, or {@code .name.<hex>.tmp} as older versions named them. */
    private static final Pattern TEMP = Pattern.compile("\\..+\\.(?:(\\d{1,10})-)?[0-9a-f]{1,12}\\.tmp");

    /** Why a link or a device is never replaced: the user's link, or a device, would become a plain file. */
    public static final String NOT_REGULAR = "it is a link or a special file, not a regular file, and is left as it is";

    private static volatile BooleanSupplier refuse = () -> false;

    private final StreamWrapper wrapper;

    /**
     * From now on, every write asks {@code stop} just before it replaces its target, and fails
     * (leaving the target as it was) when it says yes. The relaunched worker uses it so that it
     * writes nothing once the process the user started is gone.
     */
    public static void refuseWritesWhen(BooleanSupplier stop) {
        refuse = stop;
    }

    /** Writes straight to the file. */
    public AtomicFile() {
        this(out -> out);
    }

    public AtomicFile(StreamWrapper wrapper) {
        this.wrapper = wrapper;
    }

    /**
     * Writes {@code content} to {@code target}, replacing it atomically.
     *
     * @throws IOException when anything fails; {@code target} is then unchanged
     */
    public void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(absolute)) {
            throw new IOException(NOT_REGULAR);
        }
        removeStale(dir);
        Path temp = createTemp(dir, absolute.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(wrapper.wrap(Channels.newOutputStream(channel)), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            if (refuse.getAsBoolean()) {
                throw new IOException("DigitLab was stopped before " + target.getFileName() + " was written");
            }
            move(temp, absolute);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        syncFolder(dir);
    }

    /**
     * A new empty file next to the target, named after it, hidden, and with the writer's process
     * id ({@code .name.4711-1a2b3c.tmp}), so that a later save can tell one whose writer is gone.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            Path temp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + ".tmp");
            try {
                // Not Files.createTempFile: it would make the model file readable by its owner only.
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
    }

    /**
     * Deletes the temporary files of saves that were killed half way (they can be as large as a
     * model): those whose writer process is gone, and those older than {@link #STALE_AGE} (names
     * without a process id, from older versions, or whose process id was reused). Never fails a save.
     */
    static void removeStale(Path dir) {
        Instant old = Instant.now().minus(STALE_AGE);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path temp : temps) {
                Matcher m = TEMP.matcher(temp.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                boolean writerGone = m.group(1) != null
                        && ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true);
                if (writerGone || Files.getLastModifiedTime(temp, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(old)) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a leftover stays until a later save; this one goes on
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable where the system allows it (Linux, macOS; not Windows). */
    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The file is complete and in place; only its survival of a power cut is less certain.
        }
    }
}
