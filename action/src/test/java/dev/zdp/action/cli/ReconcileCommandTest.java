package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.action.deploy.RealPostgres;
import dev.zdp.action.fakes.FakeTerraform;
import dev.zdp.action.status.FakePlatform;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zdp reconcile} against a real git remote (a bare repository holding examples/acme on
 * {@code main}, changed through a clone of its own) and the fake {@code terraform} of {@link
 * FakeTerraform}, which records its calls and, like Terraform, plans changes only where the
 * configuration differs from its last apply. The model is generated in shards of one datastore
 * (crm, fleet, shop: {@code zero/shard-001} to {@code 003}).
 */
class ReconcileCommandTest {

  private static final PersonIdent DEV = new PersonIdent("dev", "dev@example.com");
  private static final String CRM = "teams/customer_team/crm.yaml";

  @TempDir Path temp;
  private Path remote;
  private Git seed;
  private Path out;
  private FakeTerraform terraform;
  private Map<String, String> env;

  /** One run's exit code and output. */
  private record Run(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }

    /** The one line a run that could not run prints, after checking its exit code is 2. */
    String errLine() {
      assertThat(exitCode).as(all()).isEqualTo(2);
      assertThat(err.lines()).as(all()).hasSize(1);
      return err.strip();
    }
  }

  @BeforeEach
  void remoteAndTerraform() throws Exception {
    remote = temp.resolve("model.git");
    Git.init().setBare(true).setDirectory(remote.toFile()).setInitialBranch("main").call().close();
    Path work = Acme.copyTo(temp.resolve("seed"));
    seed = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call();
    seed.remoteAdd()
        .setName("origin")
        .setUri(new org.eclipse.jgit.transport.URIish(remote.toUri().toString()))
        .call();
    commitAndPush("live model");
    out = temp.resolve("reconcile");
    terraform = FakeTerraform.install(temp);
    env = new HashMap<>(terraform.environment());
    env.put("HOME", temp.toString());
  }

  @AfterEach
  void close() {
    seed.close();
  }

  private void commitAndPush(String message) throws Exception {
    seed.add().addFilepattern(".").call();
    seed.commit()
        .setAll(true)
        .setMessage(message)
        .setSign(false)
        .setAuthor(DEV)
        .setCommitter(DEV)
        .call();
    seed.push().setRemote("origin").add("main").call();
  }

  private void edit(String file, String from, String to) {
    Acme.edit(seed.getRepository().getWorkTree().toPath().resolve(file), from, to);
  }

  private Run reconcile(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("reconcile", "--out", out.toString(), "--shard-size", "1"));
    if (!List.of(extra).contains("--repo")) {
      args.addAll(List.of("--repo", remote.toString()));
    }
    args.addAll(List.of(extra));
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code =
        Main.run(
            env,
            temp,
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8),
            args.toArray(String[]::new));
    return new Run(
        code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theFirstRunAppliesEveryShardAndAnUnchangedBranchThenOnlyPlans() throws Exception {
    Run first = reconcile();

    assertThat(first.exitCode()).as(first.all()).isZero();
    assertThat(terraform.applies())
        .containsExactly(
            "shard-001 apply -input=false tfplan",
            "shard-002 apply -input=false tfplan",
            "shard-003 apply -input=false tfplan");
    assertThat(first.out())
        .contains("zdp: cloning main of " + remote + " into " + out.resolve(".zdp-repo"))
        .contains("zdp: terraform zero/shard-002 (2 of 3)")
        .contains(
            "zdp: applied zero/shard-001, zero/shard-002, zero/shard-003; the platform matches"
                + " the model of main at ");
    assertThat(out.resolve("zero/shard-001/crm.tf")).exists();
    terraform.clear();

    Run second = reconcile();

    assertThat(second.exitCode()).as(second.all()).isZero();
    assertThat(terraform.applies()).isEmpty();
    assertThat(terraform.calls())
        .containsExactly(
            "shard-001 init -input=false",
            "shard-001 plan -input=false -detailed-exitcode -out=tfplan",
            "shard-002 init -input=false",
            "shard-002 plan -input=false -detailed-exitcode -out=tfplan",
            "shard-003 init -input=false",
            "shard-003 plan -input=false -detailed-exitcode -out=tfplan");
    assertThat(second.out())
        .contains("zdp: fetching main of " + remote)
        .contains("zero: 25 files (0 written, 25 unchanged, 0 removed; 0 rendered)")
        .contains("zdp: no changes: the platform matches the model of main at ");
  }

  @Test
  void aNewCommitAppliesExactlyTheShardItChanges() throws Exception {
    assertThat(reconcile().exitCode()).isZero();
    String before = seed.getRepository().resolve("HEAD").name();
    edit(CRM, "host: crm-db.acme.internal", "host: crm-db-2.acme.internal");
    commitAndPush("move the CRM database");
    terraform.clear();

    Run run = reconcile();

    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(terraform.applies()).containsExactly("shard-001 apply -input=false tfplan");
    assertThat(run.out())
        .contains("(the last run had " + before.substring(0, 7) + ")")
        .contains("zdp: zero/shard-002: no changes")
        .contains("zdp: applied zero/shard-001; the platform matches the model");
    assertThat(out.resolve("zero/shard-001/crm.tf")).content().contains("crm-db-2.acme.internal");
  }

  @Test
  void aDatasetSunkOnARunningCaptureSinceTheLastRunIsBackfilledOnceAfterTheApply()
      throws Exception {
    try (RealPostgres postgres = RealPostgres.start(temp.resolve("postgres"))) {
      // crm's connector runs; restarted with the new config it publishes addresses too
      postgres.datastore(
          "crm",
          "zdp_zero_crm_pub",
          List.of("CREATE TABLE public.addresses (id bigint PRIMARY KEY)"),
          List.of("public.addresses"));
      postgres.captureCrm(seed.getRepository().getWorkTree().toPath());
      commitAndPush("crm's database");
      Run first = reconcile();
      assertThat(first.exitCode()).as(first.all()).isZero();
      assertThat(first.out()).contains("no earlier successful run is recorded");
      String recorded = seed.getRepository().resolve("HEAD").name();

      edit(
          "workspaces/churn.yaml",
          "- {datastore: crm, dataset: consent_events}",
          "- {datastore: crm, dataset: consent_events}\n"
              + "        - {datastore: crm, dataset: addresses}");
      commitAndPush("sink crm.addresses");
      Files.writeString(seed.getRepository().getWorkTree().toPath().resolve("NOTES.md"), "notes\n");
      commitAndPush("notes");

      // without the connector's credential the signal cannot be sent: exit 1, retried next run
      Run failed = reconcile();
      assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
      assertThat(failed.err()).contains("TF_VAR_crm_db_user and TF_VAR_crm_db_password");
      assertThat(postgres.signals("crm")).isEmpty();

      env.put("TF_VAR_crm_db_user", RealPostgres.CONNECTOR_USER);
      env.put("TF_VAR_crm_db_password", RealPostgres.CONNECTOR_PASSWORD);
      Run sent = reconcile();

      assertThat(sent.exitCode()).as(sent.all()).isZero();
      assertThat(sent.out())
          .contains(
              "zdp: tables whose capture starts: compared with "
                  + recorded.substring(0, 7)
                  + ", the last successful run")
          .contains("zdp: backfill: zero-crm-source: incremental snapshot of public.addresses");
      assertThat(sent.all()).doesNotContain(RealPostgres.CONNECTOR_PASSWORD);
      List<String> signals = postgres.signals("crm");
      assertThat(signals)
          .singleElement()
          .satisfies(row -> assertThat(row).contains("[\"public\\\\.addresses\"]"));

      Run again = reconcile();
      assertThat(again.exitCode()).as(again.all()).isZero();
      assertThat(postgres.signals("crm")).as("nothing signalled twice").isEqualTo(signals);
    }
  }

  @Test
  void aHandEditIsReportedAsDriftBeforeTheApplyPutsItBack() throws Exception {
    try (FakePlatform connect = FakePlatform.start()) {
      env.put("TF_VAR_connect_url", connect.url());
      Zdp first = Zdp.runIn(env, connect.topicReader(), reconcileArguments());
      assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
      assertThat(first.out())
          .as("a first deploy: everything is missing")
          .contains("zdp: drift before applying (zdp status), which the apply puts back")
          .contains("zero connector zero-crm-source: ");
      // what the applies made, then a key edited by hand
      connect.deploy(dev.zdp.action.status.PlatformStatus.terraformIn(out), Map.of());
      assertThat(Zdp.runIn(env, connect.topicReader(), reconcileArguments()).out())
          .contains("zdp: drift before applying: none (zdp status)");
      FakePlatform.Connector source = connect.get("zero-crm-source");
      java.util.SortedMap<String, String> config = new java.util.TreeMap<>(source.config());
      config.put("snapshot.mode", "never");
      connect.put(
          "zero-crm-source", new FakePlatform.Connector(config, source.state(), source.tasks()));

      Zdp edited = Zdp.runIn(env, connect.topicReader(), reconcileArguments());

      assertThat(edited.exitCode()).as(edited.out() + edited.err()).isZero();
      String out = edited.out();
      assertThat(out)
          .contains(
              "zdp: drift before applying (zdp status), which the apply puts back to the model:\n"
                  + "  zero connector zero-crm-source: key 'snapshot.mode' is 'never'; the model"
                  + " renders 'initial'\n");
      assertThat(out.indexOf("drift before applying"))
          .as("reported before the apply")
          .isLessThan(out.indexOf("zdp: terraform zero/shard-001"));
    }
  }

  private String[] reconcileArguments() {
    return new String[] {
      "reconcile", "--out", out.toString(), "--shard-size", "1", "--repo", remote.toString()
    };
  }

  @Test
  void twoConcurrentRunsNeverApplyAtOnceTheSecondWaits() throws Exception {
    env.put("FAKE_TF_APPLY_SECONDS", "1");

    CompletableFuture<Run> one = CompletableFuture.supplyAsync(this::reconcile);
    CompletableFuture<Run> two = CompletableFuture.supplyAsync(this::reconcile);
    Run first = one.get();
    Run second = two.get();

    assertThat(first.exitCode()).as(first.all()).isZero();
    assertThat(second.exitCode()).as(second.all()).isZero();
    assertThat(terraform.calls()).doesNotContain("OVERLAP");
    // the run that waited found the platform converged by the other
    assertThat(terraform.applies()).hasSize(3);
    assertThat(first.out() + second.out())
        .contains("zdp: another zdp run holds " + out + "; waiting up to 60 minutes")
        .contains("zdp: no changes: the platform matches the model");
  }

  @Test
  void withWaitZeroASecondRunGivesUpAtOnceAndDoesNothing() throws Exception {
    env.put("FAKE_TF_APPLY_SECONDS", "3");
    CompletableFuture<Run> first = CompletableFuture.supplyAsync(this::reconcile);
    Path applying = temp.resolve("terraform-calls.txt.applying");
    for (int i = 0; i < 300 && !Files.isDirectory(applying); i++) {
      Thread.sleep(50);
    }

    Run second = reconcile("--wait", "0");

    assertThat(second.exitCode()).isEqualTo(2);
    assertThat(second.err())
        .startsWith(
            "zdp: another zdp run still holds " + out + " after 0 minutes; nothing was done");
    assertThat(first.get().exitCode()).isZero();
    assertThat(terraform.applies()).hasSize(3);
  }

  @Test
  void anInvalidModelOnTheLiveBranchIsRefusedWithItsFindingsAndNothingIsApplied() throws Exception {
    assertThat(reconcile().exitCode()).isZero();
    String crmTf = Files.readString(out.resolve("zero/shard-001/crm.tf"));
    edit(CRM, "  team: customer_team", "  team: customer_teem");
    edit(CRM, "host: crm-db.acme.internal", "host: crm-db-2.acme.internal");
    commitAndPush("a typo");
    terraform.clear();

    Run run = reconcile();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(CRM + ":")
        .contains("customer_teem")
        .contains("zdp: nothing was applied: the model in ")
        .contains("has 1 error");
    assertThat(terraform.calls()).isEmpty();
    assertThat(out.resolve("zero/shard-001/crm.tf")).content().isEqualTo(crmTf);
  }

  @Test
  void aFailedApplyNamesTheModuleAndTerraformsErrorInOneLine() throws Exception {
    env.put("FAKE_TF_FAIL", "apply");

    Run run = reconcile();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines())
        .containsExactly(
            "zdp: apply failed: 'terraform apply -input=false tfplan' failed in module"
                + " zero/shard-001 (exit 1): Error: apply went wrong");
  }

  @Test
  void aRepositoryUrlIsClonedAsWellAsADirectoryAndOnePlatformAppliedAlone() throws Exception {
    Run run = reconcile("--repo", remote.toUri().toString(), "--platform", "zero");

    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(terraform.applies()).hasSize(3);
  }

  @Test
  void theLiveBranchIsClonedWhereverTheRemotesHeadPoints() throws Exception {
    // a pull request's branch, one commit ahead, where the remote's HEAD points
    seed.checkout().setCreateBranch(true).setName("change").call();
    edit(CRM, "host: crm-db.acme.internal", "host: crm-db-2.acme.internal");
    seed.commit().setAll(true).setMessage("a change").setSign(false).setAuthor(DEV).call();
    seed.push().setRemote("origin").add("change").call();
    seed.checkout().setName("main").call();
    try (Git bare = Git.open(remote.toFile())) {
      bare.getRepository().updateRef(org.eclipse.jgit.lib.Constants.HEAD).link("refs/heads/change");
    }

    Run run = reconcile();

    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(terraform.applies()).hasSize(3);
    assertThat(out.resolve("zero/shard-001/crm.tf")).content().contains("crm-db.acme.internal");
  }

  @Test
  void whatCannotRunExitsWithTwoInOneLine() throws Exception {
    seed.branchCreate().setName("feature").call();
    seed.push().setRemote("origin").add("feature").call();

    assertThat(reconcile("--branch", "feature").errLine())
        .isEqualTo(
            "zdp: the model on 'feature' names 'main' as its live branch (spec.liveBranch);"
                + " nothing was applied: run with --branch main");
    assertThat(reconcile("--branch", "nope").errLine())
        .isEqualTo(
            "zdp: '" + remote + "' has no branch 'nope'; name its live branch with --branch");
    assertThat(reconcile("--repo", temp.resolve("seed").toString()).errLine())
        .isEqualTo(
            "zdp: "
                + out.resolve(".zdp-repo")
                + " holds a clone of '"
                + remote
                + "', not of '"
                + temp.resolve("seed")
                + "'; give each repository an --out of its own");
    assertThat(reconcile("--repo", temp.resolve("missing").toString()).errLine())
        .startsWith("zdp: cannot fetch main of '" + temp.resolve("missing") + "': ");
    assertThat(reconcile("--platform", "nope").errLine())
        .isEqualTo(
            "zdp: --platform 'nope': the model on 'main' has no such platform; name one of"
                + " spec.platforms, or leave --platform out");
    assertThat(reconcile("--var-file", "prod.tfvars").errLine())
        .isEqualTo("zdp: --var-file 'prod.tfvars' is not a file; name an existing .tfvars");
    env.put("PATH", temp.resolve("empty").toString());
    assertThat(reconcile().errLine())
        .isEqualTo("zdp: terraform is not on PATH; install it or set ZDP_TERRAFORM");
    assertThat(terraform.calls()).isEmpty();
  }
}
