package dev.zdp.action.ci;

import dev.zdp.action.ci.report.CheckResult;
import dev.zdp.action.deploy.CommitAndPush;
import dev.zdp.action.deploy.LogFolds;
import dev.zdp.action.deploy.SnapshotSignalSender;
import dev.zdp.action.deploy.TerraformRunner;
import dev.zdp.action.engine.ModelAtCommit;
import dev.zdp.action.status.Finding;
import dev.zdp.action.status.PlatformStatus;
import dev.zdp.action.status.StatusReport;
import dev.zdp.action.status.TopicReader;
import dev.zdp.action.status.Variables;
import dev.zdp.catalog.CatalogException;
import dev.zdp.catalog.CatalogSite;
import dev.zdp.generator.ArtifactWriter;
import dev.zdp.generator.plan.Plan;
import dev.zdp.generator.plan.Planner;
import dev.zdp.generator.zero.SnapshotSignal;
import dev.zdp.generator.zero.SnapshotSignals;
import dev.zdp.model.Ecosystem;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.validator.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A run on a branch (a push, a manual run, a default-branch pipeline): validates the model at the
 * commit; with errors nothing is generated or deployed. On the ecosystem's live branch it then
 * generates and deploys as the {@code deploy} input says; the plan compares the new artifacts with
 * the ones already in the output directory. Only what is not up to date there (see {@link
 * ArtifactWriter}'s manifest) is rendered, held in memory until it is written, and the plan is made
 * of those files and the ones no longer generated.
 */
final class LiveRun {

  private final ActionEnvironment env;
  private final PrintWriter out;

  LiveRun(ActionEnvironment env, PrintWriter out) {
    this.env = env;
    this.out = out;
  }

  /**
   * What the run found and did.
   *
   * @param deployed false when the deploy failed
   * @param artifactsChanged whether the deploy changed (or, for {@code none}, would change) files
   */
  record Outcome(
      CheckResult result, ModelAtCommit model, boolean deployed, boolean artifactsChanged) {
    boolean succeeded() {
      return result.passes() && deployed;
    }
  }

  Outcome run(Trigger.LiveUpdate update) throws ModelSourceException, IOException {
    ActionInputs inputs = env.inputs();
    ModelAtCommit model = ModelAtCommit.read(env.modelDirectory(), update.sha());
    // kept by the model's tree id: the next pull request's base is this model
    Report report = new Report(env.checkCache().findings(model));
    String subject = update.branch() + " at " + shortSha(update.sha());
    List<String> notes = new ArrayList<>();
    update
        .startedBy()
        .ifPresent(
            who -> {
              String started = "Started by " + who + " (" + update.event() + "), not by a push";
              out.println("zdp: " + started + ": " + subject);
              notes.add(started + ".");
            });
    Optional<String> liveBranch = model.model().ecosystem().map(Ecosystem::liveBranch);
    if (report.fails(inputs.failOnWarnings())) {
      notes.add("The model has errors: nothing was generated or deployed.");
      return new Outcome(
          result(subject, report, model, Optional.empty(), notes), model, true, false);
    }
    writeDocs(model, notes);
    ArtifactWriter.Preview rendered = ArtifactWriter.preview(env.outputDirectory());
    SortedSet<String> artifacts;
    Plan plan;
    try {
      artifacts = model.render(inputs.shardSize(), update.sha(), rendered);
      plan = Planner.diff(replaced(rendered), rendered.rendered(), model.graph(), model.graph());
    } catch (RuntimeException e) {
      notes.add("Nothing was generated: " + e.getMessage());
      return new Outcome(
          failedDeploy(result(subject, report, model, Optional.empty(), notes)),
          model,
          false,
          false);
    }
    out.println(
        "zdp: rendered "
            + rendered.rendered().size()
            + " of "
            + artifacts.size()
            + " artifacts; the others are up to date in "
            + inputs.outputPath());
    boolean live = liveBranch.map(update.branch()::equals).orElse(false);
    if (!live || inputs.deploy() == Deploy.NONE) {
      notes.add(
          live
              ? "deploy is 'none': nothing was written; this is what generating would change."
              : "'"
                  + update.branch()
                  + "' is not the live branch '"
                  + liveBranch.orElse("?")
                  + "': validated only, nothing deployed.");
      return new Outcome(
          result(subject, report, model, Optional.of(plan), notes), model, true, !plan.isEmpty());
    }
    ArtifactWriter.Result written = rendered.write(artifacts);
    Deployed deployed;
    if (inputs.deploy() == Deploy.COMMIT) {
      deployed = commit(update, notes);
    } else {
      deployed =
          new Deployed(
              drift(model, notes) && apply(notes) && backfill(update, model, notes),
              !written.written().isEmpty() || !written.removed().isEmpty());
      if (deployed.succeeded()) {
        status(model, notes);
      }
    }
    CheckResult checked = result(subject, report, model, Optional.of(plan), notes);
    return new Outcome(
        deployed.succeeded() ? checked : failedDeploy(checked),
        model,
        deployed.succeeded(),
        deployed.changedFiles());
  }

  /**
   * The catalog site ({@code zdp docs}) into the {@code docs-out} input's directory, for a later
   * step to publish on GitHub or GitLab Pages; nothing when the input is empty. A site that cannot
   * be written is a note, not a failed deploy: the platform does not depend on it.
   */
  private void writeDocs(ModelAtCommit model, List<String> notes) throws IOException {
    Optional<String> docsOut = env.inputs().docsOut();
    if (docsOut.isEmpty()) {
      return;
    }
    Path site = env.repository().resolve(docsOut.get()).normalize();
    try {
      CatalogSite.Written written = CatalogSite.write(model.model(), site);
      out.println(
          "zdp: wrote the catalog site (" + written.pages() + " pages) to " + docsOut.get());
      notes.add("Catalog site written to `" + docsOut.get() + "` (" + written.pages() + " pages).");
    } catch (CatalogException e) {
      out.println("zdp: no catalog site was written: " + e.getMessage());
      notes.add("No catalog site was written: " + e.getMessage());
    }
  }

  /** Whether a deploy succeeded, and whether it changed the deployed files. */
  private record Deployed(boolean succeeded, boolean changedFiles) {}

  private Deployed commit(Trigger.LiveUpdate update, List<String> notes) throws IOException {
    ActionInputs inputs = env.inputs();
    if (inputs.token().isEmpty()) {
      notes.add("Deploy failed: deploy 'commit' needs the token input to push.");
      out.println("zdp: deploy 'commit' needs the token input to push");
      return new Deployed(false, false);
    }
    String branch = inputs.commitBranch().orElse(update.branch());
    Forge forge = Forge.of(env, out);
    PersonIdent author = forge.commitAuthor();
    CommitAndPush publisher =
        new CommitAndPush(
            env.repository(),
            inputs.outputPath(),
            forge.pushUser(),
            inputs.token().get(),
            author,
            out);
    try {
      CommitAndPush.Outcome outcome =
          publisher.publish(
              branch,
              update.sha(),
              branch.equals(update.branch()),
              "zdp: generated artifacts for " + shortSha(update.sha()));
      notes.add(
          outcome
              .commit()
              .map(c -> "Committed " + shortSha(c) + " to " + branch + ".")
              .orElse("The generated artifacts on " + branch + " are up to date: no commit."));
      return new Deployed(true, outcome.committed());
    } catch (CommitAndPush.PushFailed e) {
      notes.add("Deploy failed: " + e.getMessage());
      out.println("zdp: " + e.getMessage());
      return new Deployed(false, false);
    }
  }

  private boolean apply(List<String> notes) throws IOException {
    Optional<String> terraform = TerraformRunner.locate(env.variables());
    if (terraform.isEmpty()) {
      notes.add(
          "Deploy failed: terraform is not on PATH; install it or set "
              + TerraformRunner.BINARY_VARIABLE);
      out.println("zdp: terraform is not on PATH; install it or set ZDP_TERRAFORM");
      return false;
    }
    LogFolds folds = Forge.of(env, out).logFolds();
    try {
      TerraformRunner.Outcome outcome =
          new TerraformRunner(terraform.get(), env.variables(), folds, out)
              .applyAll(env.outputDirectory());
      notes.add(outcome.describe());
      if (outcome.applied().isEmpty()) {
        out.println("zdp: no changes: the platform matches the model");
      }
      return true;
    } catch (TerraformRunner.StepFailed e) {
      notes.add("Deploy failed: " + e.getMessage());
      out.println("zdp: " + e.getMessage());
      return false;
    }
  }

  /**
   * Before {@code apply}: the drift {@code zdp status} finds between the running platform and the
   * files about to be applied (keys changed by hand, connectors and topics missing or no longer
   * generated), in the log and the summary, so a hand edit the apply reverts is seen, not silently
   * undone. Never fails the deploy: always true.
   */
  private boolean drift(ModelAtCommit model, List<String> notes) throws IOException {
    StatusReport report = statusOfWritten(model, false);
    List<Finding> drift =
        report.findings().stream().filter(f -> f.kind().equals(Finding.DRIFT)).toList();
    long unreachable =
        report.findings().stream().filter(f -> f.kind().equals(Finding.UNREACHABLE)).count();
    out.println(
        "zdp: drift before applying: "
            + (!drift.isEmpty()
                ? drift.size() + ", which the apply puts back"
                : unreachable > 0
                    ? "not known, " + unreachable + " endpoints unreachable from here"
                    : "none"));
    drift.forEach(
        f -> {
          out.println("  " + f.platform() + " " + f.object() + ": " + f.problem());
          notes.add("Drift before apply: " + f.object() + ": " + f.problem() + ".");
        });
    return true;
  }

  /**
   * {@code zdp status} of the files written into the output directory, with the endpoints and
   * credentials Terraform takes (the variables' defaults, {@code TF_VAR_*}); the catalog is read
   * only with {@code freshness}.
   */
  private StatusReport statusOfWritten(ModelAtCommit model, boolean freshness) throws IOException {
    return PlatformStatus.check(
        model.model(),
        PlatformStatus.terraformIn(env.outputDirectory()),
        Variables.read(env.variables(), List.of(), List.of()),
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
        TopicReader.KAFKA,
        freshness);
  }

  /**
   * After a successful {@code apply}: {@code zdp status} of what was applied, with the endpoints
   * Terraform used (the variables' defaults, {@code TF_VAR_*}), in the log and the summary. Its
   * findings do not fail the deploy: connectors just created may still be starting their tasks.
   */
  private void status(ModelAtCommit model, List<String> notes) throws IOException {
    StatusReport report = statusOfWritten(model, true);
    out.print("zdp status after apply:\n" + report.render("text"));
    notes.add("Status after apply: " + report.summary() + ".");
    report
        .findings()
        .forEach(
            f ->
                notes.add(
                    "Status: "
                        + f.object()
                        + " ("
                        + f.kind()
                        + "): "
                        + f.problem()
                        + "; "
                        + f.fix()));
  }

  /**
   * After {@code terraform apply}: asks for an incremental snapshot of every table the push adds to
   * a running capture, against the model the branch held before the push ({@link DeployedBefore}),
   * so rows its table already had reach staging and the corpus. The signal's id is derived from the
   * pushed commit: a re-run of the same deploy sends nothing new.
   */
  private boolean backfill(Trigger.LiveUpdate update, ModelAtCommit model, List<String> notes) {
    List<SnapshotSignal> signals;
    try {
      DeployedBefore before = DeployedBefore.of(env.modelDirectory(), update);
      if (before.sha().isEmpty()) {
        return noBackfill(before.explanation(), notes);
      }
      out.println("zdp: tables whose capture starts: " + before.explanation());
      ModelAtCommit base = ModelAtCommit.read(env.modelDirectory(), before.sha().get());
      signals = SnapshotSignals.forAddedTables(base.model(), model.model(), update.sha());
    } catch (IOException | ModelSourceException | RuntimeException e) {
      return noBackfill(
          "the model before " + shortSha(update.sha()) + " cannot be read (" + e.getMessage() + ")",
          notes);
    }
    if (signals.isEmpty()) {
      return true;
    }
    try {
      List<String> sent =
          new SnapshotSignalSender(
                  SnapshotSignalSender.fromEnvironment(env.variables()),
                  SnapshotSignalSender.PUBLICATION_LIMIT,
                  out)
              .send(signals);
      sent.forEach(line -> notes.add("Backfill: " + line + "."));
      return true;
    } catch (SnapshotSignalSender.SendFailed e) {
      notes.add("Deploy failed: " + e.getMessage());
      out.println("zdp: " + e.getMessage());
      return false;
    }
  }

  /**
   * Nothing to compare the pushed model with: says so in the log and the summary, with what to do
   * should the push sink datasets on running captures. Not a failed deploy.
   */
  private boolean noBackfill(String why, List<String> notes) {
    out.println("zdp: no incremental snapshot asked for: " + why);
    notes.add(
        "No incremental snapshot asked for: "
            + why
            + ". A dataset the push sinks on a running capture gets only new changes: send its"
            + " backfill with zdp snapshot --base <commit deployed before> --head "
            + "<pushed commit> --send.");
    return true;
  }

  /**
   * The files of the output directory (as its manifest lists them) that the run may change: those
   * rendered again and those no longer generated. A file kept up to date is the same on both sides
   * of the plan, so it is left out of both.
   */
  private SortedMap<String, byte[]> replaced(ArtifactWriter.Preview rendered) throws IOException {
    Path dir = env.outputDirectory();
    SortedSet<String> upToDate = rendered.upToDate();
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (String path : rendered.previousPaths()) {
      Path file = dir.resolve(path);
      if (!upToDate.contains(path) && Files.isRegularFile(file)) {
        files.put(path, Files.readAllBytes(file));
      }
    }
    return files;
  }

  private CheckResult result(
      String subject, Report report, ModelAtCommit model, Optional<Plan> plan, List<String> notes) {
    return new CheckResult(
        subject,
        report,
        model.filesRead(),
        env.inputs().failOnWarnings(),
        plan,
        Optional.empty(),
        notes);
  }

  private static CheckResult failedDeploy(CheckResult r) {
    return new CheckResult(
        r.subject(),
        r.report(),
        r.filesRead(),
        r.strict(),
        r.plan(),
        r.affected(),
        r.notes(),
        true);
  }

  static String shortSha(String sha) {
    return sha.length() > 7 ? sha.substring(0, 7) : sha;
  }
}
