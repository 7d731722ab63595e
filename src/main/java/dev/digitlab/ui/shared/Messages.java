package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.Messages;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The visible strings of the UI, from {@code dev/digitlab/ui/messages.properties} (and its
 * translations) for the default locale. Keys are plain, e.g. {@code field.epochs}; texts with
 * arguments use {@link MessageFormat} patterns, e.g. {@code {0,number,#,##0}}.
 */
public final class Messages {

    public static final String BUNDLE = "dev.digitlab.ui.messages";

    private Messages() {
    }

    /** The text for {@code key}. */
    public static String get(String key) {
        // ResourceBundle caches bundles per locale, so looking it up each time is cheap and
        // follows a change of the default locale.
        return ResourceBundle.getBundle(BUNDLE).getString(key);
    }

    /** The text for {@code key} with its {@code {0}}, {@code {1}}... filled in. */
    public static String format(String key, Object... args) {
        return new MessageFormat(get(key), Locale.getDefault()).format(args);
    }
}
