package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way of calling zdp wrongly ends with exit 2 and one line on stderr saying what to do. */
class UsageErrorsTest {

  @TempDir Path temp;

  private static void assertOneLineError(Zdp zdp, String... mentions) {
    assertThat(zdp.exitCode()).as(zdp.err()).isEqualTo(2);
    assertThat(zdp.errLines()).hasSize(1);
    assertThat(zdp.errLines().get(0)).startsWith("zdp: ").contains(mentions);
    assertThat(zdp.err()).doesNotContain("Exception", "\tat ");
    assertThat(zdp.out()).isEmpty();
  }

  @Test
  void noCommandNamesTheCommands() {
    assertOneLineError(Zdp.run(), "validate", "rules", "zdp --help");
  }

  @Test
  void unknownCommandPointsToHelp() {
    assertOneLineError(Zdp.run("valdate"), "'valdate'", "did you mean 'validate'", "--help");
  }

  @Test
  void unknownOptionIsNamedWithASuggestion() {
    assertOneLineError(
        Zdp.run("validate", "--frmat", "json"), "'--frmat'", "'--format'", "zdp validate --help");
  }

  @Test
  void optionWithoutItsValueIsNamed() {
    assertOneLineError(Zdp.run("validate", "--model"), "--model", "zdp validate --help");
  }

  @Test
  void unknownFormatListsTheFormats() {
    assertOneLineError(
        Zdp.run("validate", "--model", temp.toString(), "--format", "jsn"),
        "'jsn'",
        "did you mean 'json'",
        "text, json, sarif, github, gitlab");
  }

  @Test
  void baseOutsideAGitRepositoryIsNamed() {
    assertOneLineError(
        Zdp.run("validate", "--model", temp.toString(), "--base", "origin/main"),
        "not inside a git repository");
  }

  @Test
  void allowingBreakingChangesNeedsABase() {
    assertOneLineError(
        Zdp.run("validate", "--model", temp.toString(), "--allow-breaking-changes"),
        "--allow-breaking-changes needs --base");
  }

  @Test
  void missingModelDirectoryIsNamed() {
    Path missing = temp.resolve("no-such-model");
    assertOneLineError(
        Zdp.run("validate", "--model", missing.toString()),
        "'" + missing + "' does not exist",
        "--model DIR");
  }

  @Test
  void modelThatIsAFileIsNamed() throws IOException {
    Path file = Files.writeString(temp.resolve("ecosystem.yaml"), "kind: Ecosystem\n");
    assertOneLineError(Zdp.run("validate", "--model", file.toString()), "'" + file + "' is a file");
  }

  @Test
  void malformedChangeSourceIsNamed() {
    assertOneLineError(
        Zdp.run("validate", "--model", temp.toString(), "--change-source", "not a repo"),
        "--change-source 'not a repo'",
        "owner/name@branch");
  }

  @Test
  void helpGoesToStdoutAndExitsZero() {
    Zdp zdp = Zdp.run("validate", "--help");
    assertThat(zdp.exitCode()).isZero();
    assertThat(zdp.err()).isEmpty();
    assertThat(zdp.out())
        .contains(
            "--model",
            "--base",
            "--head",
            "--change-source",
            "--format",
            "--output",
            "--strict",
            "--verbose",
            "Exit codes");
  }
}
