package dev.digitlab.ui.shared;

import dev.digitlab.ui.shared.Messages;
import dev.digitlab.ui.shared.MessagesBundleTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesBundleTest {

    private static final List<String> TRANSLATIONS = List.of("messages_zh_CN.properties");

    /** Calls that put text on the screen; their literal argument must come from the bundle. */
    private static final Pattern VISIBLE_LITERAL = Pattern.compile(
            "(new (Label|Button|Tab|MenuItem|Menu|CheckBox|RadioMenuItem|CheckMenuItem|ToggleButton|Tooltip|Text"
                    + "|TitledPane|Hyperlink)|\\.set(Text|Title|HeaderText|ContentText|PromptText|Tooltip))"
                    + "\\(\\s*\"([^\"]*)\"");
    /** Literals that are the same in every language. */
    private static final Set<String> ALLOWED = Set.of("PNG", "DigitLab", "×", "±", "%", "–");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(
                "/" + Messages.BUNDLE.substring(0, Messages.BUNDLE.lastIndexOf('.')).replace('.', '/') + "/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyTranslationHasExactlyTheKeysOfTheEnglishBundle() throws IOException {
        Set<String> english = new TreeSet<>(load("messages.properties").stringPropertyNames());
        for (String translation : TRANSLATIONS) {
            Set<String> translated = new TreeSet<>(load(translation).stringPropertyNames());
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(translated);
            Set<String> extra = new TreeSet<>(translated);
            extra.removeAll(english);
            assertEquals(Set.of(), missing, "keys missing in " + translation);
            assertEquals(Set.of(), extra, "keys in " + translation + " but not in messages.properties");
        }
    }

    @Test
    void translatedPatternsTakeTheSameArgumentsAsTheEnglishOnes() throws IOException {
        Properties english = load("messages.properties");
        for (String translation : TRANSLATIONS) {
            Properties translated = load(translation);
            for (String key : english.stringPropertyNames()) {
                int expected = new MessageFormat(english.getProperty(key)).getFormatsByArgumentIndex().length;
                int actual = new MessageFormat(translated.getProperty(key)).getFormatsByArgumentIndex().length;
                assertEquals(expected, actual, key + " in " + translation);
            }
        }
    }

    @Test
    void chineseLocaleReadsTheChineseBundle() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertEquals("文件", Messages.get("menu.file"));
            assertEquals("测试集准确率（运行 1）：12.50%", Messages.format("test.accuracy", 12.5, "运行 1"));
            Locale.setDefault(Locale.ENGLISH);
            assertEquals("File", Messages.get("menu.file"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void noViewPutsAHardCodedTextOnTheScreen() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/dev/digitlab/ui"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                Matcher m = VISIBLE_LITERAL.matcher(text);
                while (m.find()) {
                    String literal = m.group(4);
                    if (literal.chars().anyMatch(Character::isLetter) && !ALLOWED.contains(literal)) {
                        found.add(source.getFileName() + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "hard-coded visible text: " + found);
    }
}
