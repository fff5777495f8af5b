package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the platform cannot carry is refused with a location, whatever the rule levels. */
class GenerateSafetyTest {

  @TempDir Path temp;

  private Path model() {
    return temp.resolve("model");
  }

  private void rules(String... levels) {
    Acme.edit(
        model().resolve("ecosystem.yaml"),
        "  # rules:\n",
        "  rules:\n    " + String.join("\n    ", levels) + "\n");
  }

  @Test
  void aNameThatIsNoFileNameIsReportedAtItsLineEvenWithTheNameRulesOff() {
    Acme.copyTo(model());
    rules("name-format: off", "zero-topic-name: off");
    Acme.edit(
        model().resolve("teams/customer_team/crm.yaml"),
        "  name: crm\n",
        "  name: \"../../evil\"\n");
    for (String workspace : new String[] {"churn.yaml", "finance_reporting.yaml"}) {
      Path file = model().resolve("workspaces").resolve(workspace);
      try {
        Files.writeString(
            file,
            Files.readString(file).replace("{datastore: crm,", "{datastore: \"../../evil\","));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    Path out = temp.resolve("out");

    Zdp zdp = Zdp.run("generate", "--model", model().toString(), "--out", out.toString());

    assertThat(zdp.exitCode()).as(zdp.err()).isEqualTo(1);
    assertThat(zdp.err())
        .contains("teams/customer_team/crm.yaml:8:")
        .contains("datastore name '../../evil' cannot be a file name")
        .doesNotContain("internal error", "IllegalArgumentException");
    assertThat(out).doesNotExist();
    assertThat(temp.resolve("evil.tf")).doesNotExist();
  }

  @Test
  void aUrlWithAPasswordIsNeverRenderedEvenWithItsRuleOff() {
    Acme.copyTo(model());
    rules("platform-endpoint: off");
    Acme.edit(
        model().resolve("ecosystem.yaml"),
        "https://connect.acme.internal:8083",
        "https://admin:hunter2@connect.acme.internal:8083");
    Path out = temp.resolve("out");

    Zdp zdp = Zdp.run("generate", "--model", model().toString(), "--out", out.toString());

    assertThat(zdp.exitCode()).as(zdp.err()).isEqualTo(1);
    assertThat(zdp.err()).contains("connect.url holds a credential").doesNotContain("hunter2");
    assertThat(out).doesNotExist();
  }

  @Test
  void aPasswordInACaptureHostIsMaskedInEveryReportFormat() {
    Acme.copyTo(model());
    Acme.edit(
        model().resolve("teams/customer_team/crm.yaml"),
        "host: crm-db.acme.internal",
        "host: \"postgres://u:s3cret@crm-db/db\"");
    for (String format : new String[] {"text", "json", "sarif", "github", "gitlab"}) {
      Zdp zdp = Zdp.run("validate", "--model", model().toString(), "--format", format);

      assertThat(zdp.exitCode()).as(format + ": " + zdp.err()).isEqualTo(1);
      assertThat(zdp.out() + zdp.err()).as(format).doesNotContain("s3cret").contains("***");
    }
  }

  @Test
  void aLockedOutputDirectoryCannotRunInOneLine() throws Exception {
    Path out = Files.createDirectories(temp.resolve("out"));
    try (FileChannel channel =
            FileChannel.open(
                out.resolve(".zdp-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      Zdp zdp = Zdp.run("generate", "--model", Acme.EXAMPLE.toString(), "--out", out.toString());

      assertThat(zdp.exitCode()).isEqualTo(2);
      assertThat(zdp.errLines())
          .containsExactly(
              "zdp: another zdp generate or reconcile is writing into '"
                  + out.toAbsolutePath().normalize()
                  + "'; run again when it has finished (if none is running, delete "
                  + out.toAbsolutePath().normalize().resolve(".zdp-lock")
                  + ")");
    }
  }

  @Test
  void anOutputDirectoryThatIsAFileSaysSoWithoutJavaClassNames() throws Exception {
    Path out = Files.writeString(temp.resolve("out"), "x");

    Zdp zdp = Zdp.run("generate", "--model", Acme.EXAMPLE.toString(), "--out", out.toString());

    assertThat(zdp.exitCode()).isEqualTo(2);
    assertThat(zdp.errLines()).hasSize(1);
    assertThat(zdp.err())
        .startsWith("zdp: cannot write into '" + out + "': a file is in the way of a directory")
        .doesNotContain("java.", "Exception");
  }
}
