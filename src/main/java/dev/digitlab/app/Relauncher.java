package dev.digitlab.app;

import dev.digitlab.base.AppHome;
import dev.digitlab.nn.threads.NativeThreads;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Starts this same JVM program again with {@code OMP_NUM_THREADS} (and the lane count, {@code
 * DIGITLAB_LANES}) in its environment.
 * OpenMP reads the variable once, when the native library loads, so it must be there before the
 * JVM starts; setting it from Java code afterwards only reaches part of the native threads.
 * The child also gets the window's garbage collector ({@link #windowGc}) and, from a jar, a
 * {@link ClassDataArchive} that shortens its start.
 */
final class Relauncher {

    static final String MARKER = "DIGITLAB_RELAUNCHED";
    /** The environment variable that tells the child when its launcher's JVM started (epoch milliseconds). */
    static final String LAUNCHED_AT = "DIGITLAB_LAUNCHED_AT";

    private Relauncher() {
    }

    /**
     * Relaunches when the thread count is not yet in the environment, or is no thread count (then says so).
     *
     * @return the child's exit code, or {@code null} when this process should go on itself
     */
    static Integer relaunchWithThreads(String[] args) {
        if (System.getenv(MARKER) != null) {
            return null;
        }
        Optional<String> unusable = NativeThreads.unusableEnv();
        if (System.getenv(NativeThreads.ENV) != null && unusable.isEmpty()) {
            return null;
        }
        unusable.ifPresent(bad -> System.err.println("digitlab: " + NativeThreads.ENV + "="
                + bad.replaceAll("\\p{Cntrl}", "?") + " is not a thread count, so DigitLab uses "
                + NativeThreads.choose() + " instead"));
        Optional<String> java = javaCommand();
        if (java.isEmpty()) {
            return null;
        }
        List<String> jvmArgs = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (args.length == 0) {
            jvmArgs.addAll(windowGc(jvmArgs));
        }
        String classPath = System.getProperty("java.class.path", "");
        Optional<ClassDataArchive> archive = ClassDataArchive.forChild(AppHome.folder().resolve("cache"),
                classPath, jvmArgs);
        List<String> archiveOptions = archive.map(ClassDataArchive::options).orElse(List.of());
        try {
            if (archiveOptions.isEmpty()) {
                return run(command(java.get(), jvmArgs, List.of(), classPath, args), null);
            }
            return runWithArchive(java.get(), jvmArgs, archive.get(), archiveOptions, classPath, args);
        } catch (java.io.IOException e) {
            return null; // cannot start a child: carry on here with the in-process setting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * Runs the child with the class data archive mapped (or being dumped); an archive the child
     * could not live with is discarded, and a JVM that could not start with it runs again without.
     *
     * @return the command's exit code
     */
    private static int runWithArchive(String java, List<String> jvmArgs, ClassDataArchive archive,
                                      List<String> archiveOptions, String classPath, String[] args)
            throws java.io.IOException, InterruptedException {
        ChildReport report = ChildReport.in(archive.file().getParent());
        int code = run(command(java, jvmArgs, archiveOptions, classPath, args), report);
        boolean started = report.childStarted();
        OptionalInt chosen = report.code();
        report.delete();
        if (archive.exists() && chosen.isEmpty() && code != 0) {
            // The child ended abnormally with the archive mapped: never trust that archive again.
            archive.discard();
            if (!started && (code == 1 || code == CRASHED)) {
                // It did not even reach main (a JVM that cannot start with it): run as a plain JVM.
                return run(command(java, jvmArgs, List.of(), classPath, args), null);
            }
        }
        archive.finish(code); // the JVM's own code: a dump that failed at exit is not kept
        return chosen.orElse(code); // the command's code: a failed dump never fails the command
    }

    /** The exit code of a JVM that crashed (SIGABRT after writing its hs_err file). */
    private static final int CRASHED = 134;

    private static List<String> command(String java, List<String> jvmArgs, List<String> archiveOptions,
                                        String classPath, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        command.addAll(archiveOptions);
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isEmpty()
                && command.stream().noneMatch(a -> a.startsWith("--module-path") || a.startsWith("-p"))) {
            command.add("--module-path");
            command.add(modulePath);
        }
        command.add("-cp");
        command.add(classPath);
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs the child with the thread count in its environment and waits for it; returns its exit code. */
    private static int run(List<String> command, ChildReport report) throws java.io.IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(NativeThreads.ENV, Integer.toString(NativeThreads.choose()));
        // The lanes too, so that the child need not read the cache (unless set by hand).
        builder.environment().putIfAbsent(NativeThreads.LANES_ENV, Integer.toString(NativeThreads.chooseLanes()));
        builder.environment().put(MARKER, "1");
        builder.environment().put(LAUNCHED_AT, Long.toString(ManagementFactory.getRuntimeMXBean().getStartTime()));
        builder.environment().put(ParentWatch.ENV, Long.toString(ProcessHandle.current().pid()));
        if (report != null) {
            builder.environment().put(ChildReport.ENV, report.file().toString());
        }
        Process child = builder.start();
        Thread stopChild = new Thread(child::destroy, "stop-child");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int code = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stopChild);
        return code;
    }

    /** In the child: when its launcher's JVM started, to time the start-up as the user saw it. */
    static java.util.OptionalLong launchedAt() {
        try {
            String at = System.getenv(LAUNCHED_AT);
            return at == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(Long.parseLong(at));
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /**
     * The java program that starts the child: this JVM's own, except in an app image made by
     * jpackage, whose launcher ({@code bin/DigitLab}) is a native program that hosts the JVM and
     * would take JVM options for app arguments; there the child runs the image's own runtime,
     * which works with no JDK installed.
     */
    static Optional<String> javaCommand() {
        if (System.getProperty("jpackage.app-path") != null) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            return Files.isExecutable(java) ? Optional.of(java.toString()) : Optional.empty();
        }
        return ProcessHandle.current().info().command();
    }

    /**
     * The garbage collector for the window: G1, when this JVM has it and the user chose no
     * collector (a {@code -XX:+Use...GC} of theirs is kept). Chosen by measurement on this project's
     * 2-core machine (Java 17; training allocates about 9 MB an epoch for the tutorial MLP and
     * 19 MB for the {@code cnn} preset, so no collector has much to do):
     * <table>
     *   <caption>G1, Shenandoah, Parallel and ZGC (medians; order rotated each round)</caption>
     *   <tr><th></th><th>G1</th><th>Shenandoah</th><th>Parallel</th><th>ZGC</th></tr>
     *   <tr><td>tutorial MLP epoch, {@code bench --epochs 3} (4 rounds)</td>
     *       <td>0.335 s</td><td>0.340 s</td><td>0.327 s</td><td>0.336 s</td></tr>
     *   <tr><td>{@code cnn} preset epoch, {@code bench --preset cnn --epochs 1} (G1 and Shenandoah
     *       8 rounds, the others 3)</td><td>13.17 s</td><td>12.92 s</td><td>13.65 s</td><td>13.57 s</td></tr>
     *   <tr><td>window while the tutorial MLP trains 10 epochs: pulse gap p99 / longest (5 runs)</td>
     *       <td>27.6 / 40.2 ms</td><td>26.8 / 40.2 ms</td><td>29.9 / 98.8 ms</td><td>25.0 / 38.2 ms</td></tr>
     *   <tr><td>its collector's pauses in that run</td><td>25-51, at most 9-13 ms</td>
     *       <td>4, at most 1 ms</td><td>6-9, 69-79 ms</td><td>under 1 ms</td></tr>
     *   <tr><td>window painted, warm {@code java -jar} (6 rounds)</td>
     *       <td>1.12 s</td><td>1.23 s</td><td>1.10 s</td><td>1.20 s</td></tr>
     *   <tr><td>the window's memory (RSS) once the model is loaded</td>
     *       <td>256 MB</td><td>268-287 MB</td><td>271 MB</td><td>288 MB</td></tr>
     * </table>
     * Training speed is the same within the noise (same-round ratios G1/Shenandoah: MLP 0.98, CNN
     * 1.02), and so is the window's smoothness, except for Parallel's pauses of a dozen frames. G1
     * starts the window 0.12 s sooner than Shenandoah (median of the rounds' differences) with
     * less memory, and every Java build has it. Shenandoah was chosen before, when training
     * allocated tens of MB a second and G1's young pauses took 30-75 ms. A child JVM given an
     * unknown option would not start, so the option is asked for only when this JVM knows it.
     */
    static List<String> windowGc(List<String> jvmArgs) {
        boolean chosen = jvmArgs.stream().anyMatch(a -> a.startsWith("-XX:+Use") && a.endsWith("GC"));
        if (chosen) {
            return List.of();
        }
        try {
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseG1GC");
            return List.of("-XX:+UseG1GC");
        } catch (IllegalArgumentException | NullPointerException e) {
            return List.of(); // no such option in this JVM: keep its default collector
        }
    }
}
