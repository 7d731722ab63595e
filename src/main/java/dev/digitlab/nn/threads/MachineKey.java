package dev.digitlab.nn.threads;

import dev.digitlab.base.AppVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a thread calibration depends on: the number of cores, the CPU model and the app version
 * (a new version may compute differently). A cached result for another key is not used.
 *
 * @param cores   available processors
 * @param cpu     the CPU model name, or the architecture when it cannot be read
 * @param version the app version, "dev" when run from classes
 */
public record MachineKey(int cores, String cpu, String version) {

    /** The key of this machine and build. */
    public static MachineKey current() {
        return new MachineKey(Runtime.getRuntime().availableProcessors(), cpuModel(), AppVersion.current());
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                List<String> lines = Files.readAllLines(cpuinfo);
                for (String line : lines) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // fall back to the architecture below
            }
        }
        String id = System.getenv("PROCESSOR_IDENTIFIER"); // Windows
        return id != null ? id : System.getProperty("os.arch", "unknown");
    }
}
