package dev.zdp.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.sandbox.apply.ApplyReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zdp sandbox}'s options, errors and exit codes, like the other commands'; no stack. */
class SandboxCliTest {

  @TempDir Path temp;

  record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        SandboxMain.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aMissingModelDirectoryIsOneLineAndExitTwoAsInValidate() {
    Path missing = temp.resolve("nowhere");

    Run run = run("--model", missing.toString(), "--work-dir", temp.resolve("work").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList())
        .containsExactly(
            "zdp sandbox: Cannot read the model: model directory '"
                + missing
                + "' does not exist; pass --model DIR with the directory that holds the model's"
                + " YAML files");
    assertThat(temp.resolve("work")).as("nothing started").doesNotExist();
  }

  @Test
  void aUsageMistakeIsOneLinePointingAtHelp() {
    Run unknown = run("--modle", "x");
    Run notANumber = run("--merge-every", "soon");

    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err().lines().toList())
        .containsExactly(
            "zdp sandbox: unknown option '--modle'; did you mean '--model'? (run 'zdp sandbox"
                + " --help' for usage)");
    assertThat(notANumber.exitCode()).isEqualTo(2);
    assertThat(notANumber.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("zdp sandbox: invalid value for option '--merge-every': ")
        .endsWith("(run 'zdp sandbox --help' for usage)");
    assertThat(run("query").err().lines().toList())
        .containsExactly(
            "zdp sandbox query: missing required parameter: 'SQL' (run 'zdp sandbox query"
                + " --help' for usage)");
  }

  @Test
  void theHelpNamesValuesAsTheOtherCommandsDoAndTheModelDefaultsToTheCurrentDirectory() {
    String help = run("--help").out();

    assertThat(help)
        .contains(
            "--model=DIR",
            "--work-dir=DIR",
            "--commit-interval-ms=MS",
            "--merge-every=S",
            "--samples=N",
            "The model directory. Default: .")
        .doesNotContain("<");
  }

  @Test
  void versionPrintsZdpsVersion() {
    for (String flag : List.of("-V", "--version")) {
      Run run = run(flag);
      Run query = run("query", flag);
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).startsWith("zdp ");
      assertThat(query.out()).isEqualTo(run.out());
    }
  }

  @Test
  void theSettingsNotesArePrintedAgainOnlyWhenTheyChange() {
    ApplyNotes notes = new ApplyNotes();
    ApplyReport first = report("topic replication_factor 3 -> 1", "sink S3 keys -> the store's");
    ApplyReport same = report("sink S3 keys -> the store's", "topic replication_factor 3 -> 1");
    ApplyReport other = report("topic replication_factor 3 -> 1");

    assertThat(notes.lines(first))
        .containsExactly(
            "What the sandbox changed from the generated settings:",
            "  sink S3 keys -> the store's",
            "  topic replication_factor 3 -> 1");
    assertThat(notes.lines(same)).isEmpty();
    assertThat(notes.lines(other)).hasSize(2);
    assertThat(notes.lines(report())).isEmpty();
  }

  private static ApplyReport report(String... notes) {
    return new ApplyReport(List.of(), new TreeSet<>(List.of(notes)));
  }
}
