package dev.zdp.action;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency direction of ARCHITECTURE.md, checked over the main classes of every module (they
 * are all on this module's test classpath): model depends on no other module; validator and
 * generator depend on model only; only the action's own classes use the action; nothing uses the
 * sandbox.
 */
class ArchitectureTest {

  private static final String MODEL = "dev.zdp.model..";
  private static final String VALIDATOR = "dev.zdp.validator..";
  private static final String GENERATOR = "dev.zdp.generator..";
  private static final String ACTION = "dev.zdp.action..";
  private static final String SANDBOX = "dev.zdp.sandbox..";

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.zdp");
  }

  @Test
  void importsTheClassesOfEveryModule() {
    assertThat(classes.stream().map(JavaClass::getName))
        .contains(
            "dev.zdp.model.Model",
            "dev.zdp.model.load.ModelLoader",
            "dev.zdp.validator.Validator",
            "dev.zdp.validator.report.JsonFormat",
            "dev.zdp.action.cli.Main")
        .noneMatch(name -> name.endsWith("Test"));
  }

  @Test
  void modelDependsOnNoOtherModule() {
    noClasses()
        .that()
        .resideInAPackage(MODEL)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(VALIDATOR, GENERATOR, ACTION, SANDBOX)
        .check(classes);
  }

  @Test
  void validatorDependsOnModelOnly() {
    noClasses()
        .that()
        .resideInAPackage(VALIDATOR)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(GENERATOR, ACTION, SANDBOX)
        .check(classes);
  }

  @Test
  void generatorDependsOnModelOnly() {
    noClasses()
        .that()
        .resideInAPackage(GENERATOR)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(VALIDATOR, ACTION, SANDBOX)
        .check(classes);
  }

  @Test
  void onlyTheActionUsesTheAction() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ACTION)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ACTION)
        .check(classes);
  }

  @Test
  void nothingUsesTheSandbox() {
    noClasses()
        .that()
        .resideOutsideOfPackage(SANDBOX)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(SANDBOX)
        .check(classes);
  }

  @Test
  void theCatalogSiteUsesTheModelOnly() {
    noClasses()
        .that()
        .resideInAPackage("dev.zdp.catalog..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(VALIDATOR, GENERATOR, ACTION, SANDBOX)
        .check(classes);
  }
}
