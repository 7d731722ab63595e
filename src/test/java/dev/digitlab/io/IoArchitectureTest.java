package dev.digitlab.io;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Model files are used by the command line and the app alike, so io depends on neither. */
class IoArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.digitlab");

    @Test
    void ioDependsOnNoCommandLineOrUi() {
        noClasses().that().resideInAPackage("dev.digitlab.io..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.digitlab.cli..", "dev.digitlab.ui..",
                        "dev.digitlab.app..")
                .check(CLASSES);
    }
}
