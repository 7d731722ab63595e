package dev.digitlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelauncherTest {

    @Test
    void aCollectorTheUserChoseIsKept() {
        assertEquals(List.of(), Relauncher.windowGc(List.of("-Xmx2g", "-XX:+UseG1GC")));
        assertEquals(List.of(), Relauncher.windowGc(List.of("-XX:+UseZGC")));
    }

    @Test
    void shenandoahIsAskedForOnlyWhenThisJvmKnowsTheOption() {
        List<String> gc = Relauncher.windowGc(List.of("-Xmx2g"));
        boolean known;
        try {
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseShenandoahGC");
            known = true;
        } catch (IllegalArgumentException e) {
            known = false;
        }
        assertEquals(known ? List.of("-XX:+UseShenandoahGC") : List.of(), gc);
        assertTrue(gc.size() <= 1);
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
