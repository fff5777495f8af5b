package dev.zdp.action.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --model DIR} option of every command that reads a model from a directory, declared
 * once (a picocli mixin): the same name, label, default and help everywhere.
 */
final class ModelDirectory {

  @Option(
      names = "--model",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Directory holding the model's YAML files (default: ${DEFAULT-VALUE}).")
  private Path path;

  /** The directory given, or the working directory ({@code .}). */
  Path path() {
    return path;
  }
}
