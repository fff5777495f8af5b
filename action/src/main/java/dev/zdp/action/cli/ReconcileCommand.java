package dev.zdp.action.cli;

import dev.zdp.action.deploy.LiveBranchClone;
import dev.zdp.action.deploy.LogFolds;
import dev.zdp.action.deploy.SnapshotSignalSender;
import dev.zdp.action.deploy.TerraformRunner;
import dev.zdp.action.engine.CannotRun;
import dev.zdp.action.engine.CheckedModel;
import dev.zdp.action.engine.ModelAtCommit;
import dev.zdp.action.engine.TemplatesAtCommit;
import dev.zdp.action.status.Finding;
import dev.zdp.action.status.PlatformStatus;
import dev.zdp.action.status.StatusReport;
import dev.zdp.action.status.TopicReader;
import dev.zdp.action.status.Variables;
import dev.zdp.generator.ArtifactWriter;
import dev.zdp.generator.GenerationException;
import dev.zdp.generator.Generator;
import dev.zdp.generator.OutputLock;
import dev.zdp.generator.zero.SnapshotSignal;
import dev.zdp.generator.zero.SnapshotSignals;
import dev.zdp.model.Ecosystem;
import dev.zdp.model.load.GitCommitSource;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.validator.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zdp reconcile}: the loop a scheduler runs. Fetches the live branch of the model repository
 * into a clone kept in the output directory, validates the model there (a model with errors is
 * never applied), generates it into the output directory and runs Terraform in every root module,
 * applying only those whose plan has changes. One run at a time per output directory: a run holds
 * {@code <out>/.zdp-lock} from the fetch to the last apply, and a second one waits for it.
 */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    versionProvider = ZdpVersion.class,
    description =
        "Fetch the live branch, validate, generate and apply every Terraform root module whose"
            + " plan has changes: what a scheduler runs so the platform keeps matching the model.",
    footer = {
      "",
      "The clone is kept in <out>/.zdp-repo and fetched into on the next run. Credentials for an"
          + " HTTPS remote: ZDP_GIT_TOKEN (and ZDP_GIT_USER); Terraform's variables: TF_VAR_*"
          + " and --var-file.",
      "Exit codes: 0 the platform matches the model (\"no changes\" when nothing was applied),"
          + " 1 the model has errors (nothing applied) or an apply failed, 2 could not run (bad"
          + " arguments, repository or branch unreachable, no terraform, another run holding"
          + " --out past --wait)."
    })
final class ReconcileCommand implements Callable<Integer> {

  /** The cached clone, inside the output directory; no generated file starts with a dot. */
  static final String CLONE = ".zdp-repo";

  /** The commit of the last successful run (applied and backfill asked for), in the output dir. */
  static final String RECONCILED = ".zdp-reconciled";

  /** How many drift findings the log shows before the apply; a first deploy misses everything. */
  private static final int DRIFT_LINES = 20;

  private final RuleRegistry rules;
  private final Map<String, String> environment;
  private final TopicReader topics;

  @Spec CommandSpec spec;

  @Option(
      names = "--repo",
      paramLabel = "URL|DIR",
      required = true,
      description = "The model repository: a URL git can fetch (https, file) or a local directory.")
  String repo;

  @Option(
      names = "--branch",
      paramLabel = "B",
      defaultValue = "main",
      description =
          "The live branch; must be the model's spec.liveBranch (default: ${DEFAULT-VALUE}).")
  String branch;

  @Option(
      names = "--model",
      paramLabel = "PATH",
      defaultValue = ".",
      description = "The model directory inside the repository (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Where the clone, the generated files and Terraform's working files are kept between"
              + " runs (default: ~/.zdp/reconcile/<repository name>-<hash>).")
  Path out;

  @Option(
      names = "--var-file",
      paramLabel = "F",
      description = "A .tfvars file every terraform plan reads (-var-file).")
  Path varFile;

  @Option(
      names = "--platform",
      paramLabel = "NAME",
      description = "Apply only this platform's root modules (default: every platform's).")
  String platform;

  @Option(
      names = "--shard-size",
      paramLabel = "N",
      description = "Generate as generate --shard-size N does; keep it as the deploys have it.")
  Integer shardSize;

  @Option(
      names = "--wait",
      paramLabel = "MINUTES",
      defaultValue = "60",
      description =
          "How long to wait while another run holds --out before giving up; 0 gives up at once"
              + " (default: ${DEFAULT-VALUE}).")
  int waitMinutes;

  @Option(names = "--verbose", description = "Show stack traces of failures.")
  boolean verbose;

  ReconcileCommand(RuleRegistry rules, Map<String, String> environment, TopicReader topics) {
    this.rules = rules;
    this.environment = Map.copyOf(environment);
    this.topics = topics;
  }

  @Override
  public Integer call() throws ModelSourceException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Generator generator = Generators.withShardSize(shardSize);
    if (waitMinutes < 0) {
      throw new CannotRun("--wait must be 0 or more minutes, got " + waitMinutes);
    }
    if (varFile != null && !Files.isRegularFile(varFile)) {
      throw new CannotRun("--var-file '" + varFile + "' is not a file; name an existing .tfvars");
    }
    String terraform =
        TerraformRunner.locate(environment)
            .orElseThrow(
                () ->
                    new CannotRun(
                        "terraform is not on PATH; install it or set "
                            + TerraformRunner.BINARY_VARIABLE));
    Path outDir = (out == null ? defaultOut(repo) : out).toAbsolutePath().normalize();
    Duration patience = Duration.ofMinutes(waitMinutes);
    try (OutputLock lock =
        OutputLock.await(
            outDir,
            patience,
            () -> {
              stdout.println(
                  "zdp: another zdp run holds "
                      + outDir
                      + "; waiting up to "
                      + waitMinutes
                      + " minutes for it to finish");
              stdout.flush();
            })) {
      return reconcile(lock, generator, terraform, stdout, stderr);
    } catch (OutputLock.Locked e) {
      throw new CannotRun(
          "another zdp run still holds "
              + outDir
              + " after "
              + waitMinutes
              + " minutes; nothing was done (if none is running, delete "
              + outDir.resolve(".zdp-lock")
              + ")",
          e);
    } catch (IOException e) {
      throw new CannotRun(
          "cannot use '" + outDir + "': " + IoProblems.describe(e) + "; choose a writable --out",
          e);
    }
  }

  private int reconcile(
      OutputLock lock, Generator generator, String terraform, PrintWriter stdout, PrintWriter err)
      throws ModelSourceException, IOException {
    Path outDir = lock.root();
    LiveBranchClone clone =
        LiveBranchClone.fetch(repo, branch, outDir.resolve(CLONE), environment, stdout);
    String at = branch + " at " + shortSha(clone.sha());
    stdout.println(
        "zdp: "
            + at
            + clone.previous().map(p -> " (the last run had " + shortSha(p) + ")").orElse(""));
    Path modelDir = clone.directory().resolve(model).normalize();
    if (!modelDir.startsWith(clone.directory())) {
      throw new CannotRun(
          "--model '" + model + "' is outside the repository; name a directory in it");
    }
    CheckedModel checked = CheckedModel.read(new GitCommitSource(modelDir, clone.sha()), rules);
    if (!checked.reportTo(err, "nothing was applied")) {
      return ExitCodes.FINDINGS;
    }
    Optional<String> live = checked.model().ecosystem().map(Ecosystem::liveBranch);
    if (live.isPresent() && !live.get().equals(branch)) {
      throw new CannotRun(
          "the model on '"
              + branch
              + "' names '"
              + live.get()
              + "' as its live branch (spec.liveBranch); nothing was applied: run with --branch "
              + live.get());
    }
    if (platform != null
        && checked.model().ecosystem().flatMap(e -> e.platform(platform)).isEmpty()) {
      throw new CannotRun(
          "--platform '"
              + platform
              + "': the model on '"
              + branch
              + "' has no such platform; name one of spec.platforms, or leave --platform out");
    }
    stdout.println("zdp: generating into " + outDir);
    stdout.flush();
    SortedSet<String> artifacts;
    ArtifactWriter.Result written;
    try (TemplatesAtCommit templates = TemplatesAtCommit.read(modelDir, clone.sha());
        ArtifactWriter.Staging staging = ArtifactWriter.stage(lock)) {
      templates.templates().strays().forEach(stray -> err.println("zdp: warning: " + stray));
      artifacts =
          Generators.render(
              generator, checked.model(), templates.templates(), checked.source(), staging);
      written = staging.commit(artifacts);
    } catch (GenerationException e) {
      String where =
          e.object().flatMap(checked.model()::locate).map(location -> location + ": ").orElse("");
      err.println("zdp: nothing was applied: " + where + e.getMessage());
      return ExitCodes.FINDINGS;
    }
    GenerateCommand.summary(outDir, artifacts, written).forEach(stdout::println);
    stdout.flush();
    reportDrift(checked.model(), outDir, stdout);
    TerraformRunner.Outcome applied;
    try {
      applied =
          new TerraformRunner(
                  terraform, environment, LogFolds.none(), stdout, Optional.ofNullable(varFile))
              .applyAll(outDir, Optional.ofNullable(platform));
    } catch (TerraformRunner.StepFailed e) {
      stdout.flush();
      err.println("zdp: apply failed: " + e.getMessage());
      return ExitCodes.FINDINGS;
    }
    if (!backfill(outDir, clone, modelDir, checked.model(), stdout, err)) {
      return ExitCodes.FINDINGS;
    }
    Files.writeString(outDir.resolve(RECONCILED), clone.sha() + "\n");
    stdout.println(
        "zdp: "
            + (applied.applied().isEmpty()
                ? "no changes: the platform matches the model of " + at
                : "applied "
                    + String.join(", ", applied.applied())
                    + "; the platform matches the model of "
                    + at));
    stdout.flush();
    return ExitCodes.OK;
  }

  /**
   * Before the applies: what differs on the running platform from what the model renders ({@code
   * zdp status}'s drift findings: keys changed by hand, connectors and topics missing or no longer
   * generated), so a hand edit that the apply is about to revert shows in the log, not silently
   * undone. Endpoints the run cannot reach are a line each. Never fails the run: the apply is what
   * puts the platform back.
   */
  private void reportDrift(dev.zdp.model.Model model, Path outDir, PrintWriter stdout)
      throws IOException {
    StatusReport report;
    try {
      report =
          PlatformStatus.check(
              model,
              PlatformStatus.terraformIn(outDir),
              Variables.read(
                  environment, varFile == null ? List.of() : List.of(varFile), List.of()),
              HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
              topics,
              false);
    } catch (RuntimeException e) {
      stdout.println("zdp: drift not checked before applying: " + e.getMessage());
      return;
    }
    List<Finding> shown =
        report.findings().stream()
            .filter(f -> platform == null || f.platform().equals(platform))
            .filter(f -> f.kind().equals(Finding.DRIFT) || f.kind().equals(Finding.UNREACHABLE))
            .toList();
    if (shown.isEmpty()) {
      stdout.println("zdp: drift before applying: none (zdp status)");
      return;
    }
    stdout.println(
        "zdp: drift before applying (zdp status), which the apply puts back to the model:");
    shown.stream()
        .limit(DRIFT_LINES)
        .forEach(f -> stdout.println("  " + f.platform() + " " + f.object() + ": " + f.problem()));
    if (shown.size() > DRIFT_LINES) {
      stdout.println(
          "  … and "
              + (shown.size() - DRIFT_LINES)
              + " more: zdp status --model <the model> --var-file … lists them all");
    }
    stdout.flush();
  }

  /**
   * After the applies: asks for an incremental snapshot of every table the commits since the last
   * successful run add to a running capture, as the action's deploy does for a push, so the rows
   * those tables already hold reach staging and the corpus. The last successful run's commit is
   * kept in {@value #RECONCILED}; without it (a first run) there is nothing to compare with and
   * nothing is signalled: captures that start now take an initial snapshot, and tables added to
   * running captures by an earlier deploy were signalled by it. A signal's id comes from the new
   * commit, so a run retried after a failure sends nothing twice. False (exit 1, the commit not
   * recorded, so the next run tries again) when a signal cannot be sent.
   */
  private boolean backfill(
      Path outDir,
      LiveBranchClone clone,
      Path modelDir,
      dev.zdp.model.Model head,
      PrintWriter stdout,
      PrintWriter err)
      throws IOException {
    Path recorded = outDir.resolve(RECONCILED);
    Optional<String> last =
        Files.isRegularFile(recorded)
            ? Optional.of(Files.readString(recorded).strip()).filter(sha -> !sha.isEmpty())
            : Optional.empty();
    if (last.isEmpty()) {
      stdout.println(
          "zdp: no incremental snapshot asked for: no earlier successful run is recorded in "
              + recorded
              + " (captures that start now take an initial snapshot)");
      return true;
    }
    if (last.get().equals(clone.sha())) {
      return true;
    }
    List<SnapshotSignal> signals;
    try {
      dev.zdp.model.Model base = ModelAtCommit.read(modelDir, last.get()).model();
      signals =
          SnapshotSignals.forAddedTables(base, head, clone.sha()).stream()
              .filter(signal -> platform == null || signal.platform().name().equals(platform))
              .toList();
    } catch (ModelSourceException | RuntimeException e) {
      stdout.println(
          "zdp: no incremental snapshot asked for: the model of the last successful run ("
              + shortSha(last.get())
              + ") cannot be read ("
              + e.getMessage()
              + "); send a backfill by hand with zdp snapshot --base "
              + shortSha(last.get())
              + " --head "
              + shortSha(clone.sha())
              + " --send");
      return true;
    }
    if (signals.isEmpty()) {
      return true;
    }
    stdout.println(
        "zdp: tables whose capture starts: compared with "
            + shortSha(last.get())
            + ", the last successful run");
    try {
      new SnapshotSignalSender(
              SnapshotSignalSender.fromEnvironment(environment),
              SnapshotSignalSender.PUBLICATION_LIMIT,
              stdout)
          .send(signals)
          .forEach(line -> stdout.println("zdp: backfill: " + line));
      return true;
    } catch (SnapshotSignalSender.SendFailed e) {
      stdout.flush();
      err.println("zdp: " + e.getMessage());
      return false;
    }
  }

  /**
   * {@code ~/.zdp/reconcile/<name>-<hash>}: the repository's last path segment and the first 8 hex
   * digits of the SHA-256 of {@code --repo} as given, so two repositories never share a directory.
   */
  private Path defaultOut(String repository) {
    String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
    String trimmed = repository.replaceAll("[/\\\\]+$", "").replaceAll("\\.git$", "");
    String name =
        trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')) + 1);
    name = name.replaceAll("[^A-Za-z0-9._-]", "_");
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(repository.getBytes(StandardCharsets.UTF_8));
      return Path.of(home, ".zdp", "reconcile", name + "-" + HexFormat.of().formatHex(hash, 0, 4));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String shortSha(String sha) {
    return sha.substring(0, Math.min(7, sha.length()));
  }
}
