package dev.digitlab.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppHomeTest {

    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(AppHome.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(AppHome.PROPERTY);
        } else {
            System.setProperty(AppHome.PROPERTY, saved);
        }
    }

    @Test
    void thePropertyMovesTheHomeFolder() {
        System.setProperty(AppHome.PROPERTY, "/tmp/portable-digitlab");
        assertEquals(Path.of("/tmp/portable-digitlab"), AppHome.folder());
    }

    @Test
    void withoutThePropertyTheHomeFolderIsDotDigitlabInTheUsersHome() {
        System.clearProperty(AppHome.PROPERTY);
        assertEquals(Path.of(System.getProperty("user.home"), ".digitlab"), AppHome.folder());
        assertEquals(Path.of("/home/ann/.digitlab"), AppHome.in(Path.of("/home/ann")));
    }
}
