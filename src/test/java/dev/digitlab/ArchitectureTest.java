package dev.digitlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package rules: JavaFX stays in ui and app, dependencies point one way (base at the bottom,
 * the logic packages below the command line and the UI, app on top) and no packages depend on
 * each other in a circle.
 */
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

    @Test
    void theUiDoesNotUseTheCommandLine() {
        noClasses().that().resideInAPackage("dev.digitlab.ui..")
                .should().dependOnClassesThat().resideInAPackage("dev.digitlab.cli..")
                .check(CLASSES);
    }

    @Test
    void baseUsesNoOtherPackageOfTheApp() {
        noClasses().that().resideInAPackage("dev.digitlab.base..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.digitlab.base..", "java..")
                .check(CLASSES);
    }

    @Test
    void topLevelPackagesDependOnEachOtherInNoCircle() {
        slices().matching("dev.digitlab.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noPackageTakesPartInACircleWithItsNeighbours() {
        slices().matching("dev.digitlab.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
