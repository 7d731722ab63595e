package dev.digitlab.cli;

import dev.digitlab.base.AppVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code digitlab --version}: the app's {@link AppVersion}. */
public final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"DigitLab " + AppVersion.current()};
    }
}
