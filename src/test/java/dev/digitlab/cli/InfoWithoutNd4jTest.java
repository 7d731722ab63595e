package dev.digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code digitlab info} reads the JSON header only and answers at once: in a fresh JVM started as
 * a user starts it, not one ND4J (or JavaCPP) class is even loaded.
 */
class InfoWithoutNd4jTest {

    @Test
    void infoLoadsNoNd4jClass() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), "dev.digitlab.app.Launcher", "info")
                .redirectErrorStream(true);
        builder.environment().put("OMP_NUM_THREADS", "1"); // set, so the launcher does not start a second JVM
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));

        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("Architecture:   784 -> conv 5x5x32 relu -> maxpool 2"), output);
        List<String> loaded = output.lines().filter(l -> l.contains("[class,load]")).toList();
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" dev.digitlab.io.ModelReader ")),
                "the class-load log should show the classes info uses");
        assertEquals(List.of(), loaded.stream()
                .filter(l -> l.contains(" org.nd4j.") || l.contains(" org.bytedeco.")).toList());
    }
}
