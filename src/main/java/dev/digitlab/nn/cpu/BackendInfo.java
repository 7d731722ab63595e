package dev.digitlab.nn.cpu;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/** What the About box says about ND4J: its version and the backend it runs on. */
public final class BackendInfo {

    private BackendInfo() {
    }

    /** ND4J's version, e.g. {@code 1.0.0-M2.1}, read without starting ND4J. */
    public static String nd4jVersion() {
        try (InputStream in = Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String version = p.getProperty("version");
                if (version != null) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String version = Nd4j.class.getPackage().getImplementationVersion();
        return version == null ? "?" : version;
    }

    /** The backend ND4J runs on, e.g. {@code CpuBackend}; starts ND4J if it has not started yet. */
    public static String backend() {
        try {
            NdStart.await();
            return Nd4j.getBackend().getClass().getSimpleName();
        } catch (RuntimeException | LinkageError e) {
            return "unavailable (" + e.getMessage() + ")";
        }
    }
}
