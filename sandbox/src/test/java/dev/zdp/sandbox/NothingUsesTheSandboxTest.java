package dev.zdp.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.zdp.generator.Generator;
import dev.zdp.model.Model;
import dev.zdp.sandbox.apply.Deployment;
import dev.zdp.validator.change.ChangeValidator;
import java.net.URL;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's heavy dependencies (Kafka, Connect, Debezium, Iceberg) stay out of the CLI: no
 * class of the modules the sandbox builds on (model, validator, generator, all on this classpath)
 * uses a sandbox class.
 */
class NothingUsesTheSandboxTest {

  @Test
  void noOtherModuleUsesTheSandbox() {
    // the jars or class directories of the four modules, not the whole (large) classpath
    List<URL> modules =
        Stream.of(Model.class, ChangeValidator.class, Generator.class, Deployment.class)
            .map(c -> c.getProtectionDomain().getCodeSource().getLocation())
            .distinct()
            .toList();
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importUrls(modules);
    assertThat(classes.stream().map(JavaClass::getName))
        .contains(
            "dev.zdp.model.Model",
            "dev.zdp.validator.change.ChangeValidator",
            "dev.zdp.generator.Generator",
            "dev.zdp.sandbox.apply.Deployment");

    noClasses()
        .that()
        .resideOutsideOfPackage("dev.zdp.sandbox..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.zdp.sandbox..")
        .check(classes);
  }
}
