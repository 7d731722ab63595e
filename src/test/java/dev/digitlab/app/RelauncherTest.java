package dev.digitlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelauncherTest {

    @Test
    void aCollectorTheUserChoseIsKept() {
        assertEquals(List.of(), Relauncher.windowGc(List.of("-Xmx2g", "-XX:+UseShenandoahGC")));
        assertEquals(List.of(), Relauncher.windowGc(List.of("-XX:+UseZGC")));
        assertEquals(List.of(), Relauncher.windowGc(List.of("-XX:+UseParallelGC", "-Xmx2g")));
    }

    @Test
    void theWindowGetsG1WhenTheUserChoseNoCollector() {
        // Every HotSpot JVM, this one included, has G1: the measured choice (see windowGc).
        ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("UseG1GC");
        assertEquals(List.of("-XX:+UseG1GC"), Relauncher.windowGc(List.of("-Xmx2g")));
        assertEquals(List.of("-XX:+UseG1GC"), Relauncher.windowGc(List.of()));
    }

    @Test
    void insideAnAppImageTheChildRunsTheImagesOwnJavaNotTheNativeLauncher() {
        String before = System.getProperty("jpackage.app-path");
        try {
            System.setProperty("jpackage.app-path", "/opt/digitlab/bin/DigitLab");
            assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    Relauncher.javaCommand().orElseThrow());
        } finally {
            if (before == null) {
                System.clearProperty("jpackage.app-path");
            } else {
                System.setProperty("jpackage.app-path", before);
            }
        }
    }

    @Test
    void fromAJarTheChildRunsThisSameJavaProgram() {
        assertEquals(ProcessHandle.current().info().command(), Relauncher.javaCommand());
    }
}
