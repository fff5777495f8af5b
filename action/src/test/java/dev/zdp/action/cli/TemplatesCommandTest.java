package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.generator.Generator;
import dev.zdp.generator.template.TemplateEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesCommandTest {

  @TempDir Path temp;

  private Path model() {
    return temp.resolve("model");
  }

  @Test
  void listNamesEveryTemplateAndWhichTheModelOverrides() {
    Acme.copyTo(model());
    Zdp before = Zdp.run("templates", "list", "--model", model().toString());
    Zdp.run("templates", "eject", "zero/dag.py.j2", "--model", model().toString());

    Zdp after = Zdp.run("templates", "list", "--model", model().toString());

    assertThat(before.exitCode()).isZero();
    assertThat(before.out().lines()).hasSize(Generator.templateNames().size());
    for (String name : Generator.templateNames()) {
      assertThat(before.out()).containsPattern("(?m)^" + name.replace(".", "\\.") + " +built-in$");
    }
    assertThat(after.out())
        .containsPattern(
            "(?m)^zero/dag\\.py\\.j2 +overridden by "
                + java.util.regex.Pattern.quote(
                    model().resolve("templates").resolve("zero/dag.py.j2").toString())
                + "$")
        .containsPattern("(?m)^zero/versions\\.tf\\.j2 +built-in$");
  }

  @Test
  void ejectCopiesTheBuiltInTemplateIntoTheModel() throws Exception {
    Acme.copyTo(model());

    Zdp zdp = Zdp.run("templates", "eject", "zero/datastore.tf.j2", "--model", model().toString());

    Path copy = model().resolve("templates/zero/datastore.tf.j2");
    assertThat(zdp.exitCode()).as(zdp.err()).isZero();
    assertThat(zdp.out()).startsWith("wrote " + copy);
    assertThat(Files.readString(copy, StandardCharsets.UTF_8))
        .isEqualTo(TemplateEngine.builtIn("zero/datastore.tf.j2").orElseThrow());
  }

  @Test
  void ejectRefusesToOverwriteUnlessForced() throws Exception {
    Acme.copyTo(model());
    Path copy = TestModels.write(model(), "templates/zero/versions.tf.j2", "my edits\n");

    Zdp refused =
        Zdp.run("templates", "eject", "zero/versions.tf.j2", "--model", model().toString());

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.errLines()).singleElement().asString().contains(copy.toString(), "--force");
    assertThat(Files.readString(copy)).isEqualTo("my edits\n");

    Zdp forced =
        Zdp.run(
            "templates", "eject", "zero/versions.tf.j2", "--model", model().toString(), "--force");

    assertThat(forced.exitCode()).isZero();
    assertThat(Files.readString(copy))
        .isEqualTo(TemplateEngine.builtIn("zero/versions.tf.j2").orElseThrow());
  }

  @Test
  void aMistypedNameSuggestsTheNearestTemplate() {
    Acme.copyTo(model());

    Zdp zdp = Zdp.run("templates", "eject", "zero/datastor.tf.j2", "--model", model().toString());

    assertThat(zdp.exitCode()).isEqualTo(2);
    assertThat(zdp.errLines())
        .containsExactly(
            "zdp: there is no template 'zero/datastor.tf.j2'; did you mean 'zero/datastore.tf.j2'?"
                + " run 'zdp templates list' for the names");
    assertThat(model().resolve("templates")).doesNotExist();
  }

  @Test
  void ejectNeedsAnExistingModelDirectory() {
    Zdp zdp =
        Zdp.run("templates", "eject", "zero/dag.py.j2", "--model", temp.resolve("nope").toString());

    assertThat(zdp.exitCode()).isEqualTo(2);
    assertThat(zdp.errLines()).singleElement().asString().contains("nope", "does not exist");
    assertThat(temp.resolve("nope")).doesNotExist();
  }

  @Test
  void anEjectedAndEditedTemplateChangesWhatGenerateWrites() throws Exception {
    Acme.copyTo(model());
    Zdp.run("templates", "eject", "zero/merge_live.sql.j2", "--model", model().toString());
    Path copy = model().resolve("templates/zero/merge_live.sql.j2");
    Files.writeString(copy, "-- reviewed by the data platform team\n" + Files.readString(copy));
    Path out = temp.resolve("out");

    Zdp zdp = Zdp.run("generate", "--model", model().toString(), "--out", out.toString());

    assertThat(zdp.exitCode()).as(zdp.err()).isZero();
    SortedMap<String, byte[]> tree = Acme.tree(out);
    long live = 0;
    for (Map.Entry<String, byte[]> file : tree.entrySet()) {
      String text = new String(file.getValue(), StandardCharsets.UTF_8);
      if (file.getKey().startsWith("zero/merge/") && !file.getKey().endsWith(".forensic.sql")) {
        assertThat(text).as(file.getKey()).startsWith("-- reviewed by the data platform team\n");
        live++;
      } else {
        assertThat(text).as(file.getKey()).doesNotContain("reviewed by the data platform team");
      }
    }
    assertThat(live).isGreaterThan(3);
  }

  @Test
  void templatesWithoutASubcommandNamesThem() {
    Zdp zdp = Zdp.run("templates");

    assertThat(zdp.exitCode()).isEqualTo(2);
    assertThat(zdp.errLines()).singleElement().asString().contains("list", "eject");
  }
}
