package dev.digitlab.base;

/** The app's version, from the jar manifest when packaged: what model files, the About box and the command line state. */
public final class AppVersion {

    private AppVersion() {
    }

    /** The version of this build, or "dev" when run from classes. */
    public static String current() {
        String v = AppVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
