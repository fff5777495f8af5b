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
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code deploy: apply} and {@code zdp reconcile}: for each Terraform root module of the output
 * directory, in order, {@code terraform init}, {@code terraform plan -detailed-exitcode
 * -out=tfplan} and, only when that plan has changes, {@code terraform apply tfplan} (exactly the
 * plan just made). Variables come from the environment ({@code TF_VAR_*} pass through) and from a
 * var file when one is given; each module's output is streamed into a folded log section. The first
 * failing step stops the run and is named with its module and Terraform's first error line.
 */
public final class TerraformRunner {

  /** The environment variable that names the terraform binary, instead of PATH. */
  public static final String BINARY_VARIABLE = "ZDP_TERRAFORM";

  static final List<String> INIT = List.of("init", "-input=false");
  static final List<String> PLAN = List.of("plan", "-input=false", "-detailed-exitcode");
  static final List<String> APPLY = List.of("apply", "-input=false", "tfplan");

  /** {@code terraform plan -detailed-exitcode}: the plan holds changes. */
  private static final int PLAN_HAS_CHANGES = 2;

  /** Terminal colours in Terraform's output. */
  private static final Pattern COLOUR = Pattern.compile("\u001b\\[[0-9;]*m");

  /** The box Terraform draws around a diagnostic ({@code │ Error: ...}). */
  private static final Pattern BOX = Pattern.compile("^[\\s│╷╵]+");

  /** A step failed; the message names the module, the step and Terraform's error. */
  public static final class StepFailed extends Exception {
    StepFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * What a run did, each list in the order the modules ran, paths relative to the output directory.
   *
   * @param applied the modules whose plan had changes, applied
   * @param unchanged the modules whose plan had none: nothing was applied there
   */
  public record Outcome(List<String> applied, List<String> unchanged) {
    public Outcome {
      applied = List.copyOf(applied);
      unchanged = List.copyOf(unchanged);
    }

    /** One sentence: which modules were applied, or that there were no changes. */
    public String describe() {
      if (applied.isEmpty() && unchanged.isEmpty()) {
        return "Nothing to apply: no Terraform root module was generated.";
      }
      if (applied.isEmpty()) {
        return "No changes: the plan of every root module ("
            + String.join(", ", unchanged)
            + ") is empty; nothing was applied.";
      }
      return "Applied "
          + String.join(", ", applied)
          + (unchanged.isEmpty() ? "" : "; no changes in " + String.join(", ", unchanged))
          + ".";
    }
  }

  private final String binary;
  private final Map<String, String> environment;
  private final LogFolds folds;
  private final PrintWriter log;
  private final List<String> planOptions;

  public TerraformRunner(
      String binary, Map<String, String> environment, LogFolds folds, PrintWriter log) {
    this(binary, environment, folds, log, Optional.empty());
  }

  /**
   * @param varFile a {@code .tfvars} file every plan reads ({@code -var-file}), when present
   */
  public TerraformRunner(
      String binary,
      Map<String, String> environment,
      LogFolds folds,
      PrintWriter log,
      Optional<Path> varFile) {
    this.binary = binary;
    this.environment = Map.copyOf(environment);
    this.folds = folds;
    this.log = log;
    List<String> options = new ArrayList<>();
    varFile.ifPresent(f -> options.add("-var-file=" + f.toAbsolutePath().normalize()));
    options.add("-out=tfplan");
    this.planOptions = List.copyOf(options);
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

  /**
   * The directories below {@code outputDir} that hold {@code .tf} files, sorted. Directories whose
   * name starts with a dot ({@code .terraform/}, the cached clone of {@code zdp reconcile}) are not
   * searched: no generated module is named so.
   */
  public static List<Path> rootModules(Path outputDir) throws IOException {
    if (!Files.isDirectory(outputDir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(outputDir)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".tf"))
          .filter(f -> !hidden(outputDir.relativize(f.getParent())))
          .map(Path::getParent)
          .distinct()
          .sorted()
          .toList();
    }
  }

  private static boolean hidden(Path relative) {
    for (Path segment : relative) {
      if (segment.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Plans every root module below {@code outputDir} and applies those whose plan has changes.
   *
   * @return which modules were applied and which had nothing to change
   */
  public Outcome applyAll(Path outputDir) throws IOException, StepFailed {
    return applyAll(outputDir, Optional.empty());
  }

  /**
   * Plans and applies as {@link #applyAll(Path)} does, only the root modules of {@code platform}
   * ({@code <platform>/}, {@code <platform>/shard-001/}, ...) when it is given.
   */
  public Outcome applyAll(Path outputDir, Optional<String> platform)
      throws IOException, StepFailed {
    List<String> applied = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    Path root = outputDir.toAbsolutePath().normalize();
    List<Path> modules =
        rootModules(outputDir).stream()
            .filter(
                m ->
                    platform.isEmpty()
                        || m.toAbsolutePath().startsWith(root.resolve(platform.get())))
            .toList();
    for (int i = 0; i < modules.size(); i++) {
      Path module = modules.get(i);
      String name = outputDir.relativize(module).toString().replace('\\', '/');
      name = name.isEmpty() ? "." : name;
      log.println("zdp: terraform " + name + " (" + (i + 1) + " of " + modules.size() + ")");
      log.flush();
      boolean changes;
      folds.open(log, "terraform " + name);
      try {
        run(module, name, INIT);
        List<String> plan = new ArrayList<>(PLAN);
        plan.addAll(planOptions);
        changes = run(module, name, plan) == PLAN_HAS_CHANGES;
        if (changes) {
          run(module, name, APPLY);
        }
      } finally {
        folds.close(log, "terraform " + name);
      }
      log.println("zdp: " + name + ": " + (changes ? "applied" : "no changes"));
      log.flush();
      (changes ? applied : unchanged).add(name);
    }
    return new Outcome(applied, unchanged);
  }

  /** A line of Terraform's output without colours and diagnostic box. */
  static String plain(String line) {
    return BOX.matcher(COLOUR.matcher(line).replaceAll("")).replaceFirst("").strip();
  }

  /**
   * Runs one step in {@code module}; its exit code is 0, or 2 for a plan with changes.
   *
   * @throws StepFailed for any other exit code, with Terraform's first error line
   */
  private int run(Path module, String name, List<String> step) throws StepFailed {
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
    String error = null;
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      try (BufferedReader output =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          log.println(line);
          if (error == null) {
            String plain = plain(line);
            error = plain.startsWith("Error: ") ? plain : null;
          }
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
    boolean planned = step.get(0).equals("plan") && code == PLAN_HAS_CHANGES;
    if (code != 0 && !planned) {
      throw new StepFailed(
          "'"
              + shown
              + "' failed in module "
              + name
              + " (exit "
              + code
              + ")"
              + (error == null ? "; see its log above" : ": " + error),
          null);
    }
    return code;
  }
}
