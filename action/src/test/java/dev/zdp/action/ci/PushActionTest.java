package dev.zdp.action.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.action.deploy.RealPostgres;
import dev.zdp.action.fakes.FakeTerraform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zdp action} on a {@code push} to the live branch, end to end: the workspace is a clone of
 * a real bare remote holding examples/acme; {@code deploy: commit} pushes the generated files
 * there.
 */
class PushActionTest {

  private static final PersonIdent DEV = new PersonIdent("dev", "dev@example.com");

  @TempDir Path temp;
  private Path remote;
  private Path workspace;

  @BeforeEach
  void remoteAndClone() throws Exception {
    remote = temp.resolve("remote.git");
    workspace = temp.resolve("workspace");
    ActionRun.acmeRemoteAndClone(remote, workspace, DEV);
  }

  private String head() throws Exception {
    try (Git git = Git.open(workspace.toFile())) {
      return git.getRepository().resolve("HEAD").name();
    }
  }

  private Map<String, String> environment(String sha, String deploy, String run) {
    Map<String, String> env = ActionRun.pushEnvironment(workspace, temp, sha, deploy);
    env.put("GITHUB_OUTPUT", temp.resolve("output-" + run).toString());
    env.put("GITHUB_STEP_SUMMARY", temp.resolve("summary-" + run).toString());
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    return env;
  }

  private List<RevCommit> remoteLog() throws Exception {
    try (Git bare = Git.open(remote.toFile())) {
      List<RevCommit> log = new ArrayList<>();
      bare.log().call().forEach(log::add);
      return log;
    }
  }

  private List<String> filesIn(RevCommit commit, String prefix) throws Exception {
    List<String> files = new ArrayList<>();
    try (Git bare = Git.open(remote.toFile());
        RevWalk walk = new RevWalk(bare.getRepository());
        TreeWalk tree = new TreeWalk(bare.getRepository())) {
      tree.addTree(walk.parseCommit(commit).getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        if (tree.getPathString().startsWith(prefix)) {
          files.add(tree.getPathString());
        }
      }
    }
    return files;
  }

  private String fileAt(RevCommit commit, String path) throws Exception {
    try (Git bare = Git.open(remote.toFile());
        TreeWalk walk = TreeWalk.forPath(bare.getRepository(), path, commit.getTree())) {
      ObjectId blob = walk.getObjectId(0);
      return new String(bare.getRepository().open(blob).getBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void deployCommitPushesOneCommitOfGeneratedFilesAndNothingWhenNothingChanged() throws Exception {
    String pushed = head();

    ActionRun first = ActionRun.run(environment(pushed, "commit", "1"), temp);

    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    List<RevCommit> log = remoteLog();
    assertThat(log).hasSize(2);
    RevCommit generated = log.get(0);
    assertThat(generated.getParent(0).name()).isEqualTo(pushed);
    assertThat(generated.getFullMessage()).startsWith("zdp: generated artifacts for ");
    assertThat(filesIn(generated, "generated/"))
        .contains("generated/.zdp-manifest")
        .anyMatch(p -> p.endsWith(".tf"))
        .anyMatch(p -> p.endsWith(".sql"));
    assertThat(filesIn(generated, "")).containsAll(filesIn(log.get(1), ""));
    assertThat(fileAt(generated, "generated/.zdp-manifest")).contains("zero/");
    assertThat(ActionRun.outputs(temp.resolve("output-1")))
        .containsEntry("artifacts-changed", "true")
        .containsEntry("verdict", "pass")
        .containsEntry("errors", "0");
    assertThat(Files.readString(temp.resolve("summary-1")))
        .contains(":white_check_mark: zdp passed: main at " + pushed.substring(0, 7))
        .contains("Committed ");

    try (Git git = Git.open(workspace.toFile())) {
      git.pull().call();
    }
    ActionRun second = ActionRun.run(environment(head(), "commit", "2"), temp);

    assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
    assertThat(remoteLog()).hasSize(2);
    assertThat(second.out()).contains("nothing to push");
    assertThat(ActionRun.outputs(temp.resolve("output-2")))
        .containsEntry("artifacts-changed", "false")
        .containsEntry("plan-add", "0")
        .containsEntry("plan-change", "0");
  }

  @Test
  void deployNoneReportsWhatWouldChangeAndWritesNothing() throws Exception {
    ActionRun run = ActionRun.run(environment(head(), "none", "1"), temp);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(remoteLog()).hasSize(1);
    assertThat(workspace.resolve("generated")).doesNotExist();
    Map<String, String> outputs = ActionRun.outputs(temp.resolve("output-1"));
    assertThat(outputs).containsEntry("artifacts-changed", "true");
    assertThat(Integer.parseInt(outputs.get("plan-add"))).isPositive();
  }

  @Test
  void docsOutWritesTheCatalogSiteForPages() throws Exception {
    Map<String, String> env = environment(head(), "none", "1");
    env.put("INPUT_DOCS-OUT", "public");

    ActionRun run = ActionRun.run(env, temp);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("zdp: wrote the catalog site (").contains(") to public");
    assertThat(workspace.resolve("public/dataset/crm/customers.html"))
        .content()
        .contains("<h1><span class=\"kind\">Dataset</span> crm.customers</h1>");
    assertThat(Files.readString(temp.resolve("summary-1"))).contains("Catalog site written to");
  }

  @Test
  void aModelWithErrorsFailsAndDeploysNothing() throws Exception {
    try (Git git = Git.open(workspace.toFile())) {
      ActionRun.edit(
          workspace.resolve("teams/customer_team/crm.yaml"),
          "  team: customer_team",
          "  team: customer_teem");
      git.commit()
          .setAll(true)
          .setMessage("typo")
          .setSign(false)
          .setAuthor(DEV)
          .setCommitter(DEV)
          .call();
    }

    ActionRun run = ActionRun.run(environment(head(), "commit", "1"), temp);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("::error file=teams/customer_team/crm.yaml");
    assertThat(remoteLog()).hasSize(1);
    assertThat(Files.readString(temp.resolve("summary-1")))
        .contains("nothing was generated or deployed");
    assertThat(ActionRun.outputs(temp.resolve("output-1"))).containsEntry("verdict", "fail");
  }

  @Test
  void aPushToAnotherBranchIsValidatedButNotDeployed() throws Exception {
    Map<String, String> env = environment(head(), "commit", "1");
    env.put("GITHUB_REF_NAME", "feature");

    ActionRun run = ActionRun.run(env, temp);

    assertThat(run.exitCode()).isZero();
    assertThat(remoteLog()).hasSize(1);
    assertThat(Files.readString(temp.resolve("summary-1")))
        .contains("'feature' is not the live branch 'main'");
  }

  @Test
  void deployApplyRunsTerraformInEachRootModuleAndAFailureNamesTheModule() throws Exception {
    FakeTerraform terraform = FakeTerraform.install(temp);
    Map<String, String> env = environment(head(), "apply", "1");
    env.putAll(terraform.environment());

    ActionRun applied = ActionRun.run(env, temp);

    assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
    assertThat(terraform.calls())
        .containsExactly(
            "zero init -input=false",
            "zero plan -input=false -detailed-exitcode -out=tfplan",
            "zero apply -input=false tfplan");
    assertThat(applied.out()).contains("::group::terraform zero").contains("::endgroup::");
    // then zdp status of what was applied: acme's endpoints do not resolve here, which the
    // summary reports without failing the deploy
    assertThat(applied.out())
        .contains("zdp: drift before applying: not known, 2 endpoints unreachable from here")
        .contains(
            "zdp status after apply:\nzero: catalog https://iceberg.acme.internal/catalog"
                + " [unreachable]: the Iceberg catalog's tables cannot be read: ")
        .contains(
            "\nzero: connect https://connect.acme.internal:8083"
                + " [unreachable]: Kafka Connect cannot be read: ");
    assertThat(Files.readString(temp.resolve("summary-1")))
        .contains(
            "Status after apply: 3 findings (3 unreachable) in 6 connectors, 9 datasets, 18 topics"
                + " of 1 platform.");
    assertThat(workspace.resolve("generated/zero")).isDirectory();
    assertThat(remoteLog()).hasSize(1);
    assertThat(Files.readString(temp.resolve("summary-1"))).contains("Applied zero.");

    // someone changed the platform by hand: the next plan has changes again
    Files.delete(workspace.resolve("generated/zero/.fake-applied"));
    env.put("FAKE_TF_FAIL", "apply");
    env.put("GITHUB_STEP_SUMMARY", temp.resolve("summary-2").toString());
    ActionRun failed = ActionRun.run(env, temp);

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.out())
        .contains("apply went wrong")
        .contains(
            "zdp: 'terraform apply -input=false tfplan' failed in module zero (exit 1): Error:"
                + " apply went wrong");
    assertThat(Files.readString(temp.resolve("summary-2")))
        .contains(":x: zdp failed")
        .contains("Deploy failed");
    assertThat(ActionRun.outputs(temp.resolve("output-1"))).containsEntry("verdict", "fail");
  }

  @Test
  void aScheduledRunSaysSoAndWithNothingToChangeAppliesNothing() throws Exception {
    FakeTerraform terraform = FakeTerraform.install(temp);
    Map<String, String> push = environment(head(), "apply", "1");
    push.putAll(terraform.environment());
    assertThat(ActionRun.run(push, temp).exitCode()).isZero();
    terraform.clear();
    Map<String, String> scheduled = environment(head(), "apply", "2");
    scheduled.putAll(terraform.environment());
    scheduled.put("GITHUB_EVENT_NAME", "schedule");

    ActionRun run = ActionRun.run(scheduled, temp);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(terraform.calls())
        .containsExactly(
            "zero init -input=false", "zero plan -input=false -detailed-exitcode -out=tfplan");
    assertThat(run.out())
        .contains("zdp: Started by a schedule (schedule), not by a push: main at ")
        .contains("zdp: no changes: the platform matches the model");
    assertThat(Files.readString(temp.resolve("summary-2")))
        .contains("Started by a schedule (schedule), not by a push.")
        .contains(
            "No changes: the plan of every root module (zero) is empty; nothing was applied.");
    assertThat(ActionRun.outputs(temp.resolve("output-2")))
        .containsEntry("verdict", "pass")
        .containsEntry("artifacts-changed", "false");
  }

  @Test
  void applyAsksForAnIncrementalSnapshotOfTheTablesThePushAddsAndFailsLoudlyWhenItCannot()
      throws Exception {
    ActionRun.edit(
        workspace.resolve("workspaces/churn.yaml"),
        "- {datastore: crm, dataset: consent_events}",
        "- {datastore: crm, dataset: consent_events}\n        - {datastore: crm, dataset: addresses}");
    String sinkAddresses;
    try (Git git = Git.open(workspace.toFile())) {
      git.add().addFilepattern(".").call();
      sinkAddresses =
          git.commit()
              .setMessage("sink crm.addresses")
              .setSign(false)
              .setAuthor(DEV)
              .setCommitter(DEV)
              .call()
              .getName();
    }
    Map<String, String> env = environment(sinkAddresses, "apply", "1");
    env.put("PATH", fakeTerraform() + ":/usr/bin:/bin");

    ActionRun applied = ActionRun.run(env, temp);

    // no database credential in the environment: the signal cannot be sent, and the deploy says
    // how to send it by hand rather than leave the table without its existing rows
    assertThat(applied.exitCode()).as(applied.out() + applied.err()).isEqualTo(1);
    assertThat(applied.out())
        .contains(
            "zdp: Cannot send the incremental snapshot signal for public.addresses to"
                + " zero-crm-source: TF_VAR_crm_db_user and TF_VAR_crm_db_password must be set")
        .contains(
            "Send it by hand in database crm: INSERT INTO public.zdp_signal (id, type, data)"
                + " VALUES ('zdp-")
        .contains("{\"data-collections\":[\"public\\\\.addresses\"],\"type\":\"incremental\"}");
    assertThat(Files.readString(temp.resolve("summary-1"))).contains("Deploy failed");
  }

  @Test
  void aPushOfSeveralCommitsSignalsTheTableTheFirstOfThemAddsIntoTheRealSignalTableOnce()
      throws Exception {
    try (RealPostgres postgres = RealPostgres.start(temp.resolve("postgres"))) {
      // crm's connector runs; restarted with the new config it publishes addresses too
      postgres.datastore(
          "crm",
          "zdp_zero_crm_pub",
          List.of("CREATE TABLE public.addresses (id bigint PRIMARY KEY)"),
          List.of("public.addresses"));
      String deployed;
      String pushed;
      try (Git git = Git.open(workspace.toFile())) {
        postgres.captureCrm(workspace);
        deployed = ActionRun.commitAll(git, "crm's database", DEV);
        ActionRun.edit(
            workspace.resolve("workspaces/churn.yaml"),
            "- {datastore: crm, dataset: consent_events}",
            "- {datastore: crm, dataset: consent_events}\n"
                + "        - {datastore: crm, dataset: addresses}");
        ActionRun.commitAll(git, "sink crm.addresses", DEV);
        ActionRun.edit(workspace.resolve("README.md"), "# ", "# The ");
        pushed = ActionRun.commitAll(git, "readme", DEV);
      }
      Path payload =
          Files.writeString(
              temp.resolve("push.json"),
              "{\"before\":\"" + deployed + "\",\"after\":\"" + pushed + "\"}");
      Map<String, String> env = environment(pushed, "apply", "1");
      env.put("PATH", fakeTerraform() + ":/usr/bin:/bin");
      env.put("GITHUB_EVENT_PATH", payload.toString());
      env.put("TF_VAR_crm_db_user", RealPostgres.CONNECTOR_USER);
      env.put("TF_VAR_crm_db_password", RealPostgres.CONNECTOR_PASSWORD);

      ActionRun applied = ActionRun.run(env, temp);

      assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
      assertThat(applied.out())
          .contains(
              "zdp: tables whose capture starts: compared with "
                  + deployed.substring(0, 7)
                  + ", what 'main' held before the push")
          .doesNotContain(RealPostgres.CONNECTOR_PASSWORD);
      List<String> signals = postgres.signals("crm");
      assertThat(signals)
          .as("the table the first of the pushed commits sinks")
          .singleElement()
          .satisfies(row -> assertThat(row).contains("[\"public\\\\.addresses\"]"));
      assertThat(Files.readString(temp.resolve("summary-1")))
          .contains(
              "Backfill: zero-crm-source: incremental snapshot of public.addresses (capture"
                  + " starts, signal "
                  + signals.get(0).substring(0, signals.get(0).indexOf('|'))
                  + ").");

      // the same deploy re-run: nothing is signalled again
      env.put("GITHUB_STEP_SUMMARY", temp.resolve("summary-2").toString());
      ActionRun rerun = ActionRun.run(env, temp);

      assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();
      assertThat(postgres.signals("crm")).isEqualTo(signals);
      assertThat(rerun.out())
          .contains("incremental snapshot asked for before, not again: public.addresses");

      // a manual run does not say what main held before: the first parent stands in, as logged
      env.put("GITHUB_EVENT_NAME", "workflow_dispatch");
      env.put("GITHUB_STEP_SUMMARY", temp.resolve("summary-3").toString());
      ActionRun manual = ActionRun.run(env, temp);

      assertThat(manual.exitCode()).as(manual.out() + manual.err()).isZero();
      assertThat(manual.out())
          .contains(
              "zdp: tables whose capture starts: the workflow_dispatch run does not say what"
                  + " 'main' held before: compared with")
          .contains("so tables added by earlier commits of the push are not signalled")
          .doesNotContain("public.addresses");
    }
  }

  /** A directory holding a {@code terraform} that does nothing and succeeds. */
  private Path fakeTerraform() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path terraform = bin.resolve("terraform");
    Files.writeString(terraform, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(
        terraform, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }
}
