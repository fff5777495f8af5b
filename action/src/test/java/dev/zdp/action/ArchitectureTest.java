package dev.zdp.action;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
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
 * generator depend on model only; only the action's own classes use the action; within the action,
 * the CLI ({@code action.cli}) and the CI ({@code action.ci}) stand apart over the shared layer
 * ({@code action.engine}, {@code action.deploy}); no package of any module is part of a cycle. That
 * nothing uses the sandbox is checked where the sandbox is on the classpath, in the sandbox module
 * ({@code dev.zdp.sandbox.NothingUsesTheSandboxTest}): this module cannot even compile against it.
 */
class ArchitectureTest {

  private static final String MODEL = "dev.zdp.model..";
  private static final String VALIDATOR = "dev.zdp.validator..";
  private static final String GENERATOR = "dev.zdp.generator..";
  private static final String ACTION = "dev.zdp.action..";
  private static final String SANDBOX = "dev.zdp.sandbox..";
  private static final String CLI = "dev.zdp.action.cli..";
  private static final String CI = "dev.zdp.action.ci..";
  private static final String ENGINE = "dev.zdp.action.engine..";
  private static final String DEPLOY = "dev.zdp.action.deploy..";
  private static final String STATUS = "dev.zdp.action.status..";

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
            "dev.zdp.validator.change.ChangeValidator",
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
  void noPackageIsPartOfACycle() {
    slices().matching("dev.zdp.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theCiDoesNotUseTheCli() {
    noClasses()
        .that()
        .resideInAPackage(CI)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(CLI)
        .check(classes);
  }

  @Test
  void theSharedLayerUsesNeitherTheCliNorTheCi() {
    noClasses()
        .that()
        .resideInAnyPackage(ENGINE, DEPLOY, STATUS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CLI, CI)
        .check(classes);
  }

  @Test
  void theSandboxIsNotOnThisClasspath() {
    assertThat(classes.stream().map(JavaClass::getPackageName))
        .noneMatch(name -> name.startsWith("dev.zdp.sandbox"));
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
