package dev.digitlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps JavaFX out of the logic packages, so they stay testable and usable headless. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.digitlab");

    @Test
    void onlyUiAndAppUseJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.digitlab.ui..", "dev.digitlab.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void logicPackagesDoNotReachIntoUi() {
        noClasses().that().resideOutsideOfPackages("dev.digitlab.ui..", "dev.digitlab.app..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.digitlab.ui..", "dev.digitlab.app..")
                .check(CLASSES);
    }

    @Test
    void lowerLayersDoNotDependOnUpperOnes() {
        noClasses().that().resideInAnyPackage("dev.digitlab.data..", "dev.digitlab.nn..", "dev.digitlab.imaging..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.digitlab.train..", "dev.digitlab.io..", "dev.digitlab.cli..")
                .check(CLASSES);
    }
}
