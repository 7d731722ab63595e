package dev.digitlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code bench --profile}: a Java Flight Recorder recording of the benchmark run, written to a
 * file for {@code jfr} or JDK Mission Control, and the methods its samples fall in.
 *
 * <p>Java code and native code (OpenBLAS's products, reached through JNI) are sampled by two JFR
 * events whose default periods differ (10 and 20 ms), which would halve the native share in a
 * combined count; both are sampled every 10 ms here, and only stacks that pass through DigitLab's
 * own code are counted, so the JVM's compiler and loader threads stay out of the list.
 */
final class BenchProfile {

    private static final Duration PERIOD = Duration.ofMillis(10);
    private static final int TOP = 15;

    private final Recording recording = new Recording();
    private final Path file;

    private BenchProfile(Path file) {
        this.file = file;
    }

    /** Starts recording; the run's samples go to {@code file} at {@link #stop}. */
    static BenchProfile start(Path file) {
        BenchProfile profile = new BenchProfile(file);
        profile.recording.enable("jdk.ExecutionSample").withPeriod(PERIOD);
        profile.recording.enable("jdk.NativeMethodSample").withPeriod(PERIOD);
        profile.recording.enable("jdk.ObjectAllocationSample");
        profile.recording.enable("jdk.GarbageCollection");
        profile.recording.start();
        return profile;
    }

    /** Stops, writes the file and prints the methods that took the most samples, with their share. */
    void stop(PrintWriter out) throws IOException {
        recording.stop();
        recording.dump(file);
        recording.close();
        Map<String, Integer> self = new HashMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")
                    || event.getStackTrace() == null || !ownCode(event.getStackTrace().getFrames())) {
                continue;
            }
            RecordedFrame top = event.getStackTrace().getFrames().get(0);
            self.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
            total++;
        }
        out.printf("profile: %s (%d samples in DigitLab's stacks; open with 'jfr print' or JDK Mission Control)%n",
                file, total);
        int shown = 0;
        for (Map.Entry<String, Integer> e : self.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList()) {
            if (shown++ == TOP) {
                break;
            }
            out.printf("%6.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey());
        }
        out.flush();
    }

    private static boolean ownCode(List<RecordedFrame> frames) {
        return frames.stream().anyMatch(f -> f.getMethod().getType().getName().startsWith("dev.digitlab."));
    }
}
