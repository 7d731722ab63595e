package dev.digitlab.app;

import dev.digitlab.io.AtomicFile;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Ends the relaunched child when the launcher that started it ends. Why: a user who kills the
 * process they started ({@code kill -9}, a closed terminal) expects the work to stop; the child,
 * re-parented to PID 1, would otherwise go on training and write its model seconds later. From
 * the moment the launcher is gone no file is replaced ({@link AtomicFile} asks before its
 * atomic move), and the child halts at once, without shutdown hooks that might write.
 */
final class ParentWatch {

    /** The environment variable with the launcher's process id. */
    static final String ENV = "DIGITLAB_PARENT_PID";
    /** The exit code of a child that stopped because its launcher was gone (as SIGHUP would give). */
    static final int ORPHANED = 129;

    /**
     * How often the launcher is looked for. Not {@code ProcessHandle.onExit()}: for a process that
     * is not our child it polls ever more slowly, up to 5 s apart (6.5 s measured after a kill).
     * Our parent id changes the moment the launcher dies (we are re-parented), which a look at
     * this process's own parent sees at once.
     */
    private static final long POLL_MILLIS = 100;

    private ParentWatch() {
    }

    /** In the child: starts watching the launcher named in the environment; nothing when there is none. */
    static void start() {
        String pid = System.getenv(ENV);
        if (pid == null || pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> parent;
        try {
            parent = ProcessHandle.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return;
        }
        long launcherPid = parent.map(ProcessHandle::pid).orElse(-1L);
        BooleanSupplier gone = () -> parent.isEmpty() || !parent.get().isAlive()
                || ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) != launcherPid;
        if (gone.getAsBoolean()) {
            Runtime.getRuntime().halt(ORPHANED); // gone before we started: do nothing at all
        }
        AtomicFile.refuseWritesWhen(gone);
        Thread watch = new Thread(() -> {
            while (!gone.getAsBoolean()) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(ORPHANED);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
