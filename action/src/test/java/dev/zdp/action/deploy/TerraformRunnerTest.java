package dev.zdp.action.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy: apply} with a fake {@code terraform} on PATH: a shell script that records where
 * and with what it was called, prints a line, and fails the step named in {@code FAKE_TF_FAIL}.
 */
class TerraformRunnerTest {

  @TempDir Path temp;
  private Path out;
  private Path calls;
  private Map<String, String> env;
  private final StringWriter log = new StringWriter();

  @BeforeEach
  void fakeTerraformOnPath() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    calls = temp.resolve("calls.txt");
    Path script = bin.resolve("terraform");
    Files.writeString(
        script,
        """
        #!/bin/sh
        echo "$(basename "$PWD") $* TF_VAR_kafka_password=$TF_VAR_kafka_password" >> "$FAKE_TF_CALLS"
        echo "terraform $1 output for $(basename "$PWD")"
        if [ "$1" = "$FAKE_TF_FAIL" ]; then echo "Error: $1 went wrong" >&2; exit 3; fi
        exit 0
        """);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    env = new HashMap<>();
    env.put("PATH", bin + ":/usr/bin:/bin");
    env.put("FAKE_TF_CALLS", calls.toString());
    env.put("TF_VAR_kafka_password", "s3cret");
    out = temp.resolve("generated");
    Files.createDirectories(out.resolve("zero/shard-001"));
    Files.createDirectories(out.resolve("zero/shard-002"));
    Files.createDirectories(out.resolve("zero/shard-001/jobs"));
    Files.writeString(out.resolve("zero/shard-001/main.tf"), "");
    Files.writeString(out.resolve("zero/shard-001/jobs/a.sql"), "");
    Files.writeString(out.resolve("zero/shard-002/main.tf"), "");
  }

  private TerraformRunner runner() {
    String binary = TerraformRunner.locate(env).orElseThrow();
    return new TerraformRunner(binary, env, LogFolds.github(), new PrintWriter(log, true));
  }

  @Test
  void initPlansAndAppliesThatPlanInEveryRootModuleInOrder() throws Exception {
    List<String> applied = runner().applyAll(out);

    assertThat(applied).containsExactly("zero/shard-001", "zero/shard-002");
    assertThat(Files.readAllLines(calls))
        .containsExactly(
            "shard-001 init -input=false TF_VAR_kafka_password=s3cret",
            "shard-001 plan -input=false -out=tfplan TF_VAR_kafka_password=s3cret",
            "shard-001 apply -input=false tfplan TF_VAR_kafka_password=s3cret",
            "shard-002 init -input=false TF_VAR_kafka_password=s3cret",
            "shard-002 plan -input=false -out=tfplan TF_VAR_kafka_password=s3cret",
            "shard-002 apply -input=false tfplan TF_VAR_kafka_password=s3cret");
  }

  @Test
  void eachModulesOutputIsStreamedInsideItsOwnFoldedGroup() throws Exception {
    runner().applyAll(out);

    String text = log.toString();
    int group = text.indexOf("::group::terraform zero/shard-001");
    int output = text.indexOf("terraform apply output for shard-001");
    int end = text.indexOf("::endgroup::");
    assertThat(group).isNotNegative();
    assertThat(output).isGreaterThan(group);
    assertThat(end).isGreaterThan(output);
    assertThat(text.indexOf("::group::terraform zero/shard-002")).isGreaterThan(end);
  }

  @Test
  void aFailingStepNamesTheModuleAndTheStepAndStopsTheRun() throws Exception {
    env.put("FAKE_TF_FAIL", "plan");

    assertThatThrownBy(() -> runner().applyAll(out))
        .isInstanceOf(TerraformRunner.StepFailed.class)
        .hasMessage(
            "'terraform plan -input=false -out=tfplan' failed in module zero/shard-001 (exit 3);"
                + " see its log above");
    assertThat(Files.readAllLines(calls)).hasSize(2);
    assertThat(log.toString()).contains("Error: plan went wrong").contains("::endgroup::");
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
}
