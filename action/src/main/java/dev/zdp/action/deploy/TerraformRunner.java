package dev.zdp.action.deploy;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code deploy: apply}: for each Terraform root module of the output directory, in order, {@code
 * terraform init}, {@code terraform plan -out=tfplan} and {@code terraform apply tfplan} (exactly
 * the plan just made). Variables come from the environment ({@code TF_VAR_*} pass through); each
 * module's output is streamed into a folded log section. The first failing step stops the run and
 * is named with its module.
 */
public final class TerraformRunner {

  /** The environment variable that names the terraform binary, instead of PATH. */
  public static final String BINARY_VARIABLE = "ZDP_TERRAFORM";

  /** Terraform's three steps, in order, as run in each module. */
  static final List<List<String>> STEPS =
      List.of(
          List.of("init", "-input=false"),
          List.of("plan", "-input=false", "-out=tfplan"),
          List.of("apply", "-input=false", "tfplan"));

  /** A step failed; the message names the module and the step. */
  public static final class StepFailed extends Exception {
    StepFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final String binary;
  private final Map<String, String> environment;
  private final LogFolds folds;
  private final PrintWriter log;

  public TerraformRunner(
      String binary, Map<String, String> environment, LogFolds folds, PrintWriter log) {
    this.binary = binary;
    this.environment = Map.copyOf(environment);
    this.folds = folds;
    this.log = log;
  }

  /**
   * The terraform binary: {@value #BINARY_VARIABLE} when set, else {@code terraform} found on the
   * environment's PATH.
   */
  public static Optional<String> locate(Map<String, String> environment) {
    String named = environment.get(BINARY_VARIABLE);
    if (named != null && !named.isBlank()) {
      return Optional.of(named);
    }
    String path = environment.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, "terraform");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }

  /** The directories below {@code outputDir} that hold {@code .tf} files, sorted. */
  public static List<Path> rootModules(Path outputDir) throws IOException {
    if (!Files.isDirectory(outputDir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(outputDir)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".tf"))
          .filter(f -> !outputDir.relativize(f).toString().contains(".terraform"))
          .map(Path::getParent)
          .distinct()
          .sorted()
          .toList();
    }
  }

  /**
   * Applies every root module below {@code outputDir}.
   *
   * @return the modules applied, relative to {@code outputDir}
   */
  public List<String> applyAll(Path outputDir) throws IOException, StepFailed {
    List<String> applied = new ArrayList<>();
    for (Path module : rootModules(outputDir)) {
      String name = outputDir.relativize(module).toString().replace('\\', '/');
      name = name.isEmpty() ? "." : name;
      folds.open(log, "terraform " + name);
      try {
        for (List<String> step : STEPS) {
          run(module, name, step);
        }
      } finally {
        folds.close(log, "terraform " + name);
      }
      applied.add(name);
    }
    return applied;
  }

  private void run(Path module, String name, List<String> step) throws StepFailed {
    List<String> command = new ArrayList<>();
    command.add(binary);
    command.addAll(step);
    ProcessBuilder builder = new ProcessBuilder(command).directory(module.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.environment().put("TF_IN_AUTOMATION", "1");
    builder.redirectErrorStream(true);
    String shown = "terraform " + String.join(" ", step);
    int code;
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      try (BufferedReader output =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          log.println(line);
        }
      }
      log.flush();
      code = process.waitFor();
    } catch (IOException e) {
      throw new StepFailed(
          "cannot run '" + shown + "' in module " + name + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailed("interrupted during '" + shown + "' in module " + name, e);
    }
    if (code != 0) {
      throw new StepFailed(
          "'" + shown + "' failed in module " + name + " (exit " + code + "); see its log above",
          null);
    }
  }
}
