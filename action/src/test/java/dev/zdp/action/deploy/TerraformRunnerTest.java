package dev.zdp.action.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.zdp.action.fakes.FakeTerraform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy: apply} and {@code zdp reconcile} with a fake {@code terraform} on PATH ({@link
 * FakeTerraform}: it records its calls and converges like Terraform), and once with the real one on
 * a module of Terraform's built-in provider, where it is installed.
 */
class TerraformRunnerTest {

  @TempDir Path temp;
  private Path out;
  private FakeTerraform terraform;
  private Map<String, String> env;
  private final StringWriter log = new StringWriter();

  @BeforeEach
  void fakeTerraformOnPath() throws Exception {
    terraform = FakeTerraform.install(temp);
    env = new HashMap<>(terraform.environment());
    env.put("TF_VAR_kafka_password", "s3cret");
    out = temp.resolve("generated");
    Files.createDirectories(out.resolve("zero/shard-001/jobs"));
    Files.createDirectories(out.resolve("zero/shard-002"));
    Files.writeString(out.resolve("zero/shard-001/main.tf"), "# one\n");
    Files.writeString(out.resolve("zero/shard-001/jobs/a.sql"), "");
    Files.writeString(out.resolve("zero/shard-002/main.tf"), "# two\n");
    // the cached clone of zdp reconcile and Terraform's own directory hold no root module
    Files.createDirectories(out.resolve(".zdp-repo/generated/zero"));
    Files.writeString(out.resolve(".zdp-repo/generated/zero/main.tf"), "");
    Files.createDirectories(out.resolve("zero/shard-001/.terraform/modules/x"));
    Files.writeString(out.resolve("zero/shard-001/.terraform/modules/x/main.tf"), "");
  }

  private TerraformRunner runner() {
    String binary = TerraformRunner.locate(env).orElseThrow();
    return new TerraformRunner(binary, env, LogFolds.github(), new PrintWriter(log, true));
  }

  @Test
  void initPlansAndAppliesThatPlanInEveryRootModuleWithChangesInOrder() throws Exception {
    TerraformRunner.Outcome outcome = runner().applyAll(out);

    assertThat(outcome.applied()).containsExactly("zero/shard-001", "zero/shard-002");
    assertThat(outcome.unchanged()).isEmpty();
    assertThat(terraform.calls())
        .containsExactly(
            "shard-001 init -input=false TF_VAR_kafka_password=s3cret",
            "shard-001 plan -input=false -detailed-exitcode -out=tfplan"
                + " TF_VAR_kafka_password=s3cret",
            "shard-001 apply -input=false tfplan TF_VAR_kafka_password=s3cret",
            "shard-002 init -input=false TF_VAR_kafka_password=s3cret",
            "shard-002 plan -input=false -detailed-exitcode -out=tfplan"
                + " TF_VAR_kafka_password=s3cret",
            "shard-002 apply -input=false tfplan TF_VAR_kafka_password=s3cret");
    assertThat(outcome.describe()).isEqualTo("Applied zero/shard-001, zero/shard-002.");
  }

  @Test
  void aModuleWhosePlanHasNoChangesIsNotApplied() throws Exception {
    runner().applyAll(out);
    terraform.clear();
    Files.writeString(out.resolve("zero/shard-002/main.tf"), "# two, changed\n");

    TerraformRunner.Outcome outcome = runner().applyAll(out);

    assertThat(outcome.applied()).containsExactly("zero/shard-002");
    assertThat(outcome.unchanged()).containsExactly("zero/shard-001");
    assertThat(terraform.applies())
        .containsExactly("shard-002 apply -input=false tfplan" + " TF_VAR_kafka_password=s3cret");
    assertThat(log.toString())
        .contains("zdp: terraform zero/shard-001 (1 of 2)")
        .contains("zdp: zero/shard-001: no changes")
        .contains("zdp: zero/shard-002: applied");

    terraform.clear();
    TerraformRunner.Outcome again = runner().applyAll(out);

    assertThat(again.applied()).isEmpty();
    assertThat(terraform.applies()).isEmpty();
    assertThat(again.describe())
        .isEqualTo(
            "No changes: the plan of every root module (zero/shard-001, zero/shard-002) is"
                + " empty; nothing was applied.");
  }

  @Test
  void oneNamedPlatformsModulesAreAppliedAlone() throws Exception {
    Files.createDirectories(out.resolve("zero2"));
    Files.writeString(out.resolve("zero2/main.tf"), "# another platform\n");

    TerraformRunner.Outcome outcome = runner().applyAll(out, Optional.of("zero"));

    assertThat(outcome.applied()).containsExactly("zero/shard-001", "zero/shard-002");
    assertThat(terraform.calls()).noneMatch(c -> c.startsWith("zero2 "));
    assertThat(runner().applyAll(out).applied()).containsExactly("zero2");
  }

  @Test
  void aVarFileIsReadByEveryPlan() throws Exception {
    Path tfvars = Files.writeString(temp.resolve("prod.tfvars"), "connect_url = \"x\"\n");
    String binary = TerraformRunner.locate(env).orElseThrow();

    new TerraformRunner(
            binary, env, LogFolds.none(), new PrintWriter(log, true), Optional.of(tfvars))
        .applyAll(out);

    assertThat(terraform.calls())
        .filteredOn(c -> c.contains(" plan "))
        .allMatch(c -> c.contains(" -var-file=" + tfvars.toAbsolutePath() + " -out=tfplan"))
        .hasSize(2);
  }

  @Test
  void eachModulesOutputIsStreamedInsideItsOwnFoldedGroup() throws Exception {
    runner().applyAll(out);

    String text = log.toString();
    int group = text.indexOf("::group::terraform zero/shard-001");
    int output = text.indexOf("Apply complete!");
    int end = text.indexOf("::endgroup::");
    assertThat(group).isNotNegative();
    assertThat(output).isGreaterThan(group);
    assertThat(end).isGreaterThan(output);
    assertThat(text.indexOf("::group::terraform zero/shard-002")).isGreaterThan(end);
  }

  @Test
  void aFailingStepNamesTheModuleTheStepAndTerraformsErrorAndStopsTheRun() throws Exception {
    env.put("FAKE_TF_FAIL", "plan");

    assertThatThrownBy(() -> runner().applyAll(out))
        .isInstanceOf(TerraformRunner.StepFailed.class)
        .hasMessage(
            "'terraform plan -input=false -detailed-exitcode -out=tfplan' failed in module"
                + " zero/shard-001 (exit 1): Error: plan went wrong");
    assertThat(terraform.calls()).hasSize(2);
    assertThat(log.toString()).contains("plan went wrong").contains("::endgroup::");
  }

  @Test
  void zdpTerraformNamesTheBinaryWhenSet() {
    env.put("ZDP_TERRAFORM", "/opt/terraform/1.9/terraform");

    assertThat(TerraformRunner.locate(env)).contains("/opt/terraform/1.9/terraform");
  }

  @Test
  void noTerraformAnywhereIsReportedAsMissing() {
    env.put("PATH", temp.resolve("empty").toString());

    assertThat(TerraformRunner.locate(env)).isEmpty();
  }

  /**
   * The real terraform, where installed, on a module of its built-in provider (nothing to
   * download): the detailed exit code tells a plan with changes from one without, and its boxed,
   * coloured error comes out as one line.
   */
  @Test
  void realTerraformAppliesOnlyWhatChangedAndItsErrorIsOneLine() throws Exception {
    Map<String, String> real = new HashMap<>(System.getenv());
    real.remove(TerraformRunner.BINARY_VARIABLE);
    Optional<String> binary = TerraformRunner.locate(real);
    assumeThat(binary).as("terraform on PATH").isPresent();
    Path dir = temp.resolve("real");
    Files.createDirectories(dir.resolve("one"));
    Files.writeString(
        dir.resolve("one/main.tf"),
        "variable \"v\" {\n  default = \"a\"\n}\n\n"
            + "resource \"terraform_data\" \"x\" {\n  input = var.v\n}\n");
    TerraformRunner runner =
        new TerraformRunner(binary.get(), real, LogFolds.none(), new PrintWriter(log, true));

    assertThat(runner.applyAll(dir).applied()).containsExactly("one");
    assertThat(runner.applyAll(dir).unchanged()).containsExactly("one");

    Files.writeString(
        dir.resolve("one/main.tf"),
        "resource \"nope\" \"y\" {}\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> runner.applyAll(dir))
        .isInstanceOf(TerraformRunner.StepFailed.class)
        .hasMessageStartingWith(
            "'terraform init -input=false' failed in module one (exit 1): Error: ")
        .hasMessageNotContaining("\u001b")
        .hasMessageNotContaining("│");
  }

  @Test
  void plainLinesLoseColoursAndTheDiagnosticBox() {
    assertThat(
            TerraformRunner.plain(
                "\u001b[31m│\u001b[0m \u001b[0m\u001b[1m\u001b[31mError: \u001b[0m\u001b[0m\u001b[1mBad"
                    + " thing\u001b[0m"))
        .isEqualTo("Error: Bad thing");
    assertThat(List.of(TerraformRunner.plain("  Plan: 1 to add")))
        .containsExactly("Plan: 1 to add");
  }
}
