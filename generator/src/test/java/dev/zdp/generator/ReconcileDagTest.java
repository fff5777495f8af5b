package dev.zdp.generator;

import static dev.zdp.generator.TestModels.acme;
import static dev.zdp.generator.TestModels.ecosystem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Airflow DAG that runs {@code zdp reconcile}, generated only for a platform with {@code
 * reconcile}, run for real in python3 through the harness of {@link DagHarness} with {@code zdp}
 * replaced by a script recording its arguments: a hostile platform name reaches zdp as one
 * argument, the repository and the rest come from the worker's environment when the task runs.
 */
class ReconcileDagTest {

  /** A platform name no rule would let through, with the rules turned off. */
  private static final String NAME = "z'; touch PWNED; {{ ds }} $(touch PWNED)";

  @TempDir Path work;

  private static Model withReconcile(String name, Optional<Platform.ReconcileSettings> reconcile) {
    Platform zero = TestModels.zero();
    Platform platform =
        new Platform(
            name,
            zero.type(),
            zero.description(),
            zero.kafka(),
            zero.connect(),
            zero.iceberg(),
            reconcile);
    Model acme = acme();
    List<Object> objects = new ArrayList<>(acme.datastores());
    objects.addAll(acme.workspaces());
    return TestModels.model(ecosystem(platform), objects);
  }

  private static JsonNode onlyTask(JsonNode report) {
    assertThat(report.get("tasks")).hasSize(1);
    return report.get("tasks").get(0);
  }

  @Test
  void onlyAPlatformWithReconcileGetsTheDag() {
    SortedMap<String, byte[]> without =
        new Generator().render(withReconcile("zero", Optional.empty()), Optional.empty());
    SortedMap<String, byte[]> with =
        new Generator()
            .render(
                withReconcile("zero", Optional.of(new Platform.ReconcileSettings(30))),
                Optional.empty());

    assertThat(without).doesNotContainKey("zero/dags/zdp_zero_reconcile.py");
    assertThat(with.keySet()).containsAll(without.keySet());
    String dag = new String(with.get("zero/dags/zdp_zero_reconcile.py"), StandardCharsets.UTF_8);
    assertThat(dag)
        .contains("dag_id=\"zdp_zero_reconcile\"")
        .contains("schedule=timedelta(minutes=30)")
        .contains("max_active_runs=1");
  }

  @Test
  void theTaskRunsZdpReconcileWithTheEnvironmentsRepositoryAndAHostileNameAsOneArgument()
      throws Exception {
    Model model = withReconcile("zero", Optional.of(new Platform.ReconcileSettings(60)));
    byte[] dag =
        new Generator(Optional.of(2))
            .render(model, Optional.empty())
            .get("zero/dags/zdp_zero_reconcile.py");
    String repo = "https://git.example.com/acme/model.git";

    JsonNode task =
        onlyTask(
            DagHarness.run(
                work,
                dag,
                "zdp_zero_reconcile.py",
                "airflow3",
                Map.of(
                    "ZDP_COMMAND",
                    DagHarness.fakeCommand(work),
                    "ZDP_RECONCILE_REPO",
                    repo,
                    "ZDP_RECONCILE_OUT",
                    work.resolve("out dir; $(touch PWNED)").toString(),
                    "ZDP_GIT_TOKEN",
                    "ghs_s3cret")));

    assertThat(task.get("exit").asInt()).as(task.toString()).isZero();
    assertThat(task.get("task_id").asText()).isEqualTo("reconcile");
    assertThat(task.get("template_fields")).isEmpty();
    assertThat(DagHarness.argv(task))
        .containsExactly(
            "reconcile",
            "--platform",
            "zero",
            "--shard-size",
            "2",
            "--repo",
            repo,
            "--branch",
            "main",
            "--model",
            ".",
            "--out",
            work.resolve("out dir; $(touch PWNED)").toString());
    assertThat(task.get("bash_command").asText()).doesNotContain(repo).doesNotContain("s3cret");
    assertThat(work.resolve("PWNED")).doesNotExist();
  }

  @Test
  void aHostilePlatformNameIsOneArgumentAndAMissingRepositoryFailsTheTaskWithAMessage()
      throws Exception {
    Model model = withReconcile(NAME, Optional.of(new Platform.ReconcileSettings(60)));
    byte[] dag =
        new Generator()
            .render(model, Optional.empty()).entrySet().stream()
                .filter(e -> e.getKey().endsWith("_reconcile.py"))
                .findFirst()
                .orElseThrow()
                .getValue();

    JsonNode withRepo =
        onlyTask(
            DagHarness.run(
                work,
                dag,
                "reconcile.py",
                "airflow2",
                Map.of(
                    "ZDP_COMMAND", DagHarness.fakeCommand(work),
                    "ZDP_RECONCILE_REPO", "/srv/model",
                    "ZDP_RECONCILE_VAR_FILE", "/etc/zdp/prod.tfvars")));

    assertThat(DagHarness.argv(withRepo))
        .containsExactly(
            "reconcile",
            "--platform",
            NAME,
            "--repo",
            "/srv/model",
            "--branch",
            "main",
            "--model",
            ".",
            "--var-file",
            "/etc/zdp/prod.tfvars");
    assertThat(work.resolve("PWNED")).doesNotExist();

    JsonNode without =
        onlyTask(
            DagHarness.run(
                work.resolve("second"),
                dag,
                "reconcile.py",
                "airflow3",
                Map.of("ZDP_COMMAND", DagHarness.fakeCommand(work.resolve("second")))));

    assertThat(without.get("exit").asInt()).isNotZero();
    assertThat(without.get("stderr").asText())
        .contains("set ZDP_RECONCILE_REPO to the model repository");
    assertThat(without.get("argv").isNull()).isTrue();
  }
}
