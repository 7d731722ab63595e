package dev.digitlab.cli;

import picocli.CommandLine.IVersionProvider;

/** The app version, from the jar manifest when packaged. */
public final class Version implements IVersionProvider {

    /** The version of this build, or "dev" when run from classes. */
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"DigitLab " + current()};
    }
}
