package dev.zdp.generator;

import static dev.zdp.generator.TestModels.acme;
import static dev.zdp.generator.TestModels.ecosystem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated Airflow DAG run for real in python3: Airflow is not installed here, so the harness
 * {@code dag/run_dag.py} stubs the two Airflow names the DAG imports (DAG, BashOperator, with the
 * templated fields Airflow's BashOperator declares), imports the DAG, and runs every task's command
 * with {@code bash -c} as BashOperator does, with spark-sql replaced by a script recording its
 * arguments. Hostile values in the platform and in the environment must reach spark-sql as exactly
 * one argument each, run nothing, and stay out of Airflow's Jinja templating.
 */
class DagCommandTest {

  private static final String DAG = "zero/dags/zdp_zero_merge.py";
  private static final String WAREHOUSE = "s3://lake/w;touch PWNED;#";
  private static final String CATALOG_URI = "http://cat:8181/$(touch PWNED)`touch PWNED`";
  private static final String S3_ENDPOINT = "http://minio:9000 {{ dag.dag_id }} {% raw %}x";
  private static final String REGION = "us-east-1'; touch PWNED; echo '";

  @TempDir Path work;

  private static Model hostile(String catalogType) {
    Platform zero = TestModels.zero();
    Platform platform =
        new Platform(
            zero.name(),
            zero.type(),
            zero.description(),
            zero.kafka(),
            zero.connect(),
            new Platform.IcebergSettings(
                new Platform.CatalogSettings(
                    catalogType, Optional.of(CATALOG_URI), Optional.of("catalog_zdp")),
                WAREHOUSE,
                Optional.of(
                    new Platform.S3Settings(
                        Optional.of(S3_ENDPOINT), true, REGION, Optional.empty())),
                "staging",
                "corpus",
                60_000));
    Model acme = acme();
    List<Object> objects = new ArrayList<>(acme.datastores());
    objects.addAll(acme.workspaces());
    return TestModels.model(ecosystem(platform), objects);
  }

  /** Generates the DAG of {@code model}, runs it through the harness, returns its report. */
  private JsonNode run(Model model, String airflow, Map<String, String> environment)
      throws IOException, InterruptedException {
    byte[] dag = new Generator().render(model, Optional.empty()).get(DAG);
    Path staging = Files.createDirectories(work.resolve("staging"));
    for (String name : List.of("crm.sql", "billing.sql")) {
      Files.writeString(staging.resolve(name), "-- " + name + "\n");
    }
    Map<String, String> env = new TreeMap<>(environment);
    env.put("ZDP_STAGING_DIR", staging.toString());
    return DagHarness.run(work, dag, "zdp_zero_merge.py", airflow, env);
  }

  private static List<String> argv(JsonNode task) {
    return DagHarness.argv(task);
  }

  /** The {@code --conf key=value} pairs of one spark-sql call. */
  private static Map<String, String> conf(List<String> argv) {
    Map<String, String> conf = new TreeMap<>();
    for (int i = 0; i < argv.size() - 1; i++) {
      if (argv.get(i).equals("--conf")) {
        String setting = argv.get(i + 1);
        int equals = setting.indexOf('=');
        conf.put(setting.substring(0, equals), setting.substring(equals + 1));
      }
    }
    return conf;
  }

  private static JsonNode task(JsonNode report, String id) {
    for (JsonNode task : report.get("tasks")) {
      if (task.get("task_id").asText().equals(id)) {
        return task;
      }
    }
    throw new AssertionError("no task " + id + " in " + report);
  }

  @Test
  void hostileModelValuesReachSparkAsDataAndRunNothing() throws Exception {
    Path merge = Files.createDirectories(work.resolve("merge dir; $(touch PWNED)"));
    JsonNode report =
        run(
            hostile("rest"),
            "airflow3",
            Map.of(
                "ZDP_MERGE_DIR", merge.toString(),
                "ZDP_CATALOG_USER", "zdp",
                "ZDP_CATALOG_PASSWORD", "s3cret $(touch PWNED) {{ ds }}"));

    assertThat(report.get("bash_module").asText())
        .isEqualTo("airflow.providers.standard.operators.bash");
    assertThat(report.get("tasks")).hasSize(7);
    for (JsonNode task : report.get("tasks")) {
      if (task.get("task_id").asText().equals("zdp_status")) {
        continue; // runs no spark-sql: see theLastTaskRunsZdpStatus
      }
      assertThat(task.get("exit").asInt()).as("%s: %s", task.get("task_id"), task).isZero();
      // Airflow renders the attributes in template_fields with Jinja: none here
      assertThat(task.get("template_fields")).as("template_fields").isEmpty();
      assertThat(task.get("template_ext")).isEmpty();
      Map<String, String> conf = conf(argv(task));
      assertThat(conf)
          .containsEntry("spark.sql.catalog.zdp.warehouse", WAREHOUSE)
          .containsEntry("spark.sql.catalog.zdp.uri", CATALOG_URI)
          .containsEntry("spark.sql.catalog.zdp.s3.endpoint", S3_ENDPOINT)
          .containsEntry("spark.sql.catalog.zdp.client.region", REGION)
          // the REST catalog's OAuth2 client credentials, from the environment at run time
          .containsEntry("spark.sql.catalog.zdp.credential", "zdp:s3cret $(touch PWNED) {{ ds }}");
      // the secret is in the environment only, never in the command Airflow stores and shows
      assertThat(task.get("bash_command").asText())
          .doesNotContain("s3cret")
          .contains("${ZDP_CATALOG_PASSWORD:?");
    }
    assertThat(report.get("files_in_run_dir")).as("nothing was touched").isEmpty();
    assertThat(work.resolve("PWNED")).doesNotExist();

    JsonNode customers = task(report, "crm__customers__live");
    List<String> argv = argv(customers);
    assertThat(argv.subList(argv.size() - 2, argv.size()))
        .containsExactly("-f", merge.resolve("crm/customers.sql").toString());
    assertThat(customers.get("upstream"))
        .extracting(JsonNode::asText)
        .containsExactly("staging_tables");
    List<String> staging = argv(task(report, "staging_tables"));
    assertThat(staging.get(staging.size() - 2)).isEqualTo("-f");
    assertThat(staging.get(staging.size() - 1)).endsWith(".sql");
  }

  @Test
  void endpointsComeFromTheEnvironmentWhenSetAsTfvarsMoveTheSinks() throws Exception {
    String otherWarehouse = "s3://other/w\"; touch PWNED; \"";
    JsonNode report =
        run(
            hostile("jdbc"),
            "airflow2",
            Map.of(
                "ZDP_ICEBERG_WAREHOUSE", otherWarehouse,
                "ZDP_ICEBERG_CATALOG_URI", "jdbc:postgresql://catalog/iceberg?x=1&y=2",
                "ZDP_S3_ENDPOINT", "https://s3.eu-west-1.amazonaws.com",
                "ZDP_CATALOG_USER", "iceberg",
                "ZDP_CATALOG_PASSWORD", "pw'\"`;"));

    assertThat(report.get("bash_module").asText()).isEqualTo("airflow.operators.bash");
    Map<String, String> conf = conf(argv(task(report, "crm__customers__live")));
    assertThat(conf)
        .containsEntry("spark.sql.catalog.zdp.warehouse", otherWarehouse)
        .containsEntry("spark.sql.catalog.zdp.uri", "jdbc:postgresql://catalog/iceberg?x=1&y=2")
        .containsEntry("spark.sql.catalog.zdp.s3.endpoint", "https://s3.eu-west-1.amazonaws.com")
        .containsEntry("spark.sql.catalog.zdp.type", "jdbc")
        // a JDBC catalog logs in to its database
        .containsEntry("spark.sql.catalog.zdp.jdbc.user", "iceberg")
        .containsEntry("spark.sql.catalog.zdp.jdbc.password", "pw'\"`;")
        .doesNotContainKey("spark.sql.catalog.zdp.credential");
    assertThat(report.get("files_in_run_dir")).isEmpty();
  }

  @Test
  void aMissingCatalogCredentialFailsTheTaskWithAMessage() throws Exception {
    JsonNode report = run(hostile("rest"), "airflow3", Map.of());

    JsonNode task = task(report, "crm__customers__live");
    assertThat(task.get("exit").asInt()).isNotZero();
    assertThat(task.get("stderr").asText()).contains("set ZDP_CATALOG_USER to the catalog user");
    assertThat(task.get("argv").isNull()).as("spark-sql did not run").isTrue();
  }

  @Test
  void theLastTaskRunsZdpStatusAfterEveryJobAndFailsWithIt() throws Exception {
    Path status = work.resolve("status-ran");
    JsonNode unset = run(hostile("rest"), "airflow3", Map.of());
    JsonNode set =
        run(
            hostile("rest"),
            "airflow3",
            Map.of("ZDP_STATUS_COMMAND", "touch '" + status + "'; echo 'zdp: 1 finding'; exit 1"));

    JsonNode skipped = task(unset, "zdp_status");
    assertThat(skipped.get("exit").asInt()).as("Airflow's skipped").isEqualTo(99);
    JsonNode failed = task(set, "zdp_status");
    assertThat(failed.get("exit").asInt()).isEqualTo(1);
    assertThat(status).exists();
    List<String> jobs = new ArrayList<>();
    set.get("tasks")
        .forEach(
            task -> {
              String id = task.get("task_id").asText();
              if (!id.equals("zdp_status") && !id.equals("staging_tables")) {
                jobs.add(id);
              }
            });
    assertThat(jobs).hasSize(5);
    assertThat(failed.get("upstream")).extracting(JsonNode::asText).containsExactlyElementsOf(jobs);
  }
}
