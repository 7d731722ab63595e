package dev.digitlab.base;

import java.nio.file.Path;

/**
 * The folder where DigitLab keeps what it writes for a user: settings, error logs, the data cache,
 * the measured thread count and the class-data archive. It is {@code ~/.digitlab}, or the folder
 * the system property {@value #PROPERTY} names (tests, portable installs).
 */
public final class AppHome {

    /** The system property that moves the home folder. */
    public static final String PROPERTY = "digitlab.home";
    /** The home folder's name inside the user's home. */
    public static final String FOLDER_NAME = ".digitlab";

    private AppHome() {
    }

    /** The home folder in force now: {@value #PROPERTY} when set, else {@code ~/.digitlab}. */
    public static Path folder() {
        String home = System.getProperty(PROPERTY);
        return home != null && !home.isBlank() ? Path.of(home) : in(Path.of(System.getProperty("user.home")));
    }

    /** The default home folder of a user whose home is {@code userHome}: {@code userHome/.digitlab}. */
    public static Path in(Path userHome) {
        return userHome.resolve(FOLDER_NAME);
    }
}
