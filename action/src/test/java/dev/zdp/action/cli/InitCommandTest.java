package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

  private static final Pattern SCHEMA_COMMENT =
      Pattern.compile("\\A# yaml-language-server: \\$schema=(\\S+)\n");

  @TempDir Path temp;

  @Test
  void writesAModelThatValidatesCleanWithNoWarnings() {
    Path dir = temp.resolve("my-model");

    Zdp init = Zdp.run("init", dir.toString());
    Zdp validate = Zdp.run("validate", "--model", dir.toString(), "--strict");

    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(init.out()).contains("ecosystem.yaml", "zdp validate --model " + dir);
    assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
  }

  @Test
  void theModelHasEveryKindOfObject() throws IOException {
    Zdp.run("init", temp.toString());

    String all;
    try (Stream<Path> files = Files.walk(temp)) {
      all =
          files
              .filter(f -> f.toString().endsWith(".yaml"))
              .sorted()
              .map(InitCommandTest::read)
              .reduce("", String::concat);
    }
    for (String kind : List.of("Ecosystem", "Zone", "Team", "Datastore", "Workspace")) {
      assertThat(all).contains("kind: " + kind + "\n");
    }
  }

  @Test
  void everyFilesSchemaCommentReachesTheSchemaItWrote() throws IOException {
    Zdp.run("init", temp.toString());

    List<Path> yamlFiles;
    try (Stream<Path> files = Files.walk(temp)) {
      yamlFiles = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(yamlFiles).hasSize(5);
    for (Path file : yamlFiles) {
      Matcher schema = SCHEMA_COMMENT.matcher(read(file));
      assertThat(schema.find()).as(file.toString()).isTrue();
      Path target = file.getParent().resolve(schema.group(1)).normalize();
      assertThat(target).as(file.toString()).isEqualTo(temp.resolve(InitCommand.SCHEMA));
    }
    assertThat(temp.resolve(InitCommand.SCHEMA))
        .hasSameTextualContentAs(Path.of("../docs/schema/zdp-v1.schema.json"));
  }

  @Test
  void refusesANonEmptyDirectoryTheCurrentOneByDefault() throws IOException {
    Files.writeString(temp.resolve("notes.txt"), "mine");

    Zdp zdp = Zdp.run("init", temp.toString());

    assertThat(zdp.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
    assertThat(zdp.errLines())
        .containsExactly(
            "zdp: Cannot write a model into '"
                + temp
                + "': the directory is not empty; name a new or empty directory (zdp init DIR)");
    assertThat(temp.resolve("ecosystem.yaml")).doesNotExist();
    assertThat(Zdp.run("init").errLines())
        .as("the default, the current directory (this module's), is not empty either")
        .containsExactly(
            "zdp: Cannot write a model into '.': the directory is not empty; name a new or empty"
                + " directory (zdp init DIR)");
  }

  @Test
  void helpNamesACommandsOptionsAndCompletionKnowsEveryCommand() {
    Zdp help = Zdp.run("help", "init");
    Zdp bash = Zdp.run("completion", "bash");
    Zdp zsh = Zdp.run("completion", "zsh");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).startsWith("Usage: zdp init").contains("DIR");
    assertThat(bash.exitCode()).isZero();
    assertThat(bash.out())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_zdp", "init", "validate", "--model", "sandbox");
    assertThat(zsh.out()).isEqualTo(bash.out()).contains("bashcompinit");
    assertThat(Zdp.run("completion", "fish").exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
  }

  @Test
  void everyCommandPrintsTheVersion() {
    for (String command : List.of("init", "validate", "completion", "sandbox", "rules")) {
      for (String flag : List.of("-V", "--version")) {
        Zdp zdp = Zdp.run(command, flag);
        assertThat(zdp.out()).as(command + " " + flag).startsWith("zdp ");
        assertThat(zdp.exitCode()).as(command + " " + flag).isZero();
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
