package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zdp.action.status.FakePlatform;
import dev.zdp.action.status.TopicReader;
import dev.zdp.action.status.Unreachable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

  private static final String MODEL = Acme.EXAMPLE.toString();
  private static final String SOURCE = "zero-crm-source";
  private static final String SINK = "zero-shop-sink";

  @TempDir Path temp;
  private FakePlatform connect;

  /** Acme's six connectors running as generate renders them. */
  @BeforeEach
  void deployAcme() throws Exception {
    Path out = temp.resolve("out");
    assertThat(Zdp.run("generate", "--model", MODEL, "--out", out.toString()).exitCode()).isZero();
    Map<String, byte[]> files = new TreeMap<>();
    Acme.tree(out.resolve("zero"))
        .forEach(
            (path, bytes) -> {
              if (path.endsWith(".tf") && !path.contains("/")) {
                files.put("zero/" + path, bytes);
              }
            });
    connect = FakePlatform.start();
    connect.deploy(files, Map.of("iceberg_catalog_uri", connect.url()));
  }

  @AfterEach
  void stop() {
    connect.close();
  }

  private Zdp status(String... more) {
    return status(Path.of(MODEL), more);
  }

  private Zdp status(Path model, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "status",
                "--model",
                model.toString(),
                "--var",
                "connect_url=" + connect.url(),
                "--var",
                "iceberg_catalog_uri=" + connect.url()));
    args.addAll(List.of(more));
    return Zdp.runIn(Map.of(), connect.topicReader(), args.toArray(String[]::new));
  }

  /** A text report without its per-dataset freshness lines, which tests of their own assert. */
  private static String findings(Zdp zdp) {
    return zdp.out().replaceAll("(?m)^zero: dataset \\S+: sink lag .*\n", "");
  }

  /** A markdown report without its per-dataset freshness table. */
  private static String findingsTable(Zdp zdp) {
    return zdp.out().replaceAll("(?s)\n<details>.*</details>\n", "");
  }

  private void edit(String name, String key, String value) {
    FakePlatform.Connector c = connect.get(name);
    SortedMap<String, String> config = new TreeMap<>(c.config());
    if (value == null) {
      config.remove(key);
    } else {
      config.put(key, value);
    }
    connect.put(name, new FakePlatform.Connector(config, c.state(), c.tasks()));
  }

  @Test
  void aPlatformRunningAsRenderedIsHealthy() {
    Zdp zdp = status();

    assertThat(zdp.exitCode()).as(zdp.err()).isZero();
    assertThat(zdp.out())
        .isEqualTo(
            """
            zero: dataset crm.consent_events: sink lag 0, latest staging commit -, merged through - (objective 1d)
            zero: dataset crm.customers: sink lag 0, latest staging commit -, merged through - (objective 1d)
            zero: dataset fleet.shipments: sink lag 0, latest staging commit -, merged through - (objective 1d)
            zero: dataset fleet.tracking_events: sink lag 0, latest staging commit -, merged through - (objective 1d)
            zero: dataset fleet.vehicles: sink lag 0, latest staging commit -, merged through - (objective 1d)
            zero: dataset shop.order_lines: sink lag 0, latest staging commit -, merged through - (objective 1d)
            zero: dataset shop.orders: sink lag 0, latest staging commit -, merged through - (objective 1d)
            zero: dataset shop.payments: sink lag 0, latest staging commit -, merged through - (objective 1d)
            zero: dataset shop.products: sink lag 0, latest staging commit -, merged through - (objective 1d)
            healthy, without drift: 6 connectors, 9 datasets, 18 topics of 1 platform
            """);
  }

  @Test
  void aPausedConnectorAndAFailedTaskSayHowToSeeAndFixThem() {
    FakePlatform.Connector source = connect.get(SOURCE);
    connect.put(SOURCE, new FakePlatform.Connector(source.config(), "PAUSED", List.of("PAUSED")));
    FakePlatform.Connector sink = connect.get(SINK);
    connect.put(SINK, new FakePlatform.Connector(sink.config(), "RUNNING", List.of("FAILED")));

    Zdp zdp = status();

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(findings(zdp))
        .isEqualTo(
            ("zero: connector zero-crm-source [health]: the connector is PAUSED\n"
                    + "  fix: resume it: curl -X PUT %1$s/connectors/zero-crm-source/resume\n"
                    + "zero: connector zero-shop-sink task 0 [health]: the task is FAILED:"
                    + " org.apache.kafka.connect.errors.ConnectException: the database is gone"
                    + " (caused by java.net.ConnectException: Connection refused)\n"
                    + "  fix: see its trace: curl %1$s/connectors/zero-shop-sink/tasks/0/status;"
                    + " restart it: curl -X POST %1$s/connectors/zero-shop-sink/tasks/0/restart\n"
                    + "2 findings (2 health) in 6 connectors, 9 datasets, 18 topics of 1 platform\n")
                .formatted(connect.url()));
  }

  @Test
  void aKeyEditedByHandIsDriftNamingTheKeyAndBothValues() {
    edit(SOURCE, "snapshot.mode", "never");
    edit(SINK, "errors.tolerance", "all");

    Zdp zdp = status();

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(zdp.out())
        .contains(
            "zero: connector zero-crm-source [drift]: key 'snapshot.mode' is 'never'; the model"
                + " renders 'initial'\n  fix: put the rendered config back (terraform apply in"
                + " zero/ (the generated root module)), or change the model\n")
        .contains(
            "zero: connector zero-shop-sink [drift]: key 'errors.tolerance' is set by hand to"
                + " 'all'; the model does not render it\n")
        .endsWith("2 findings (2 drift) in 6 connectors, 9 datasets, 18 topics of 1 platform\n");
  }

  @Test
  void secretsAreComparedByPresenceAndNeverPrinted() {
    edit(SOURCE, "database.password", "changed-by-hand-s3cret");
    Zdp changed = status();
    edit(SOURCE, "database.password", null);
    Zdp missing = status("--format", "json");

    assertThat(changed.exitCode()).as(changed.out()).isZero();
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.out())
        .contains("\"problem\" : \"key 'database.password' is missing (a credential)\"")
        .doesNotContain("s3cret");
  }

  @Test
  void aMissingConnectorAndOneNoLongerGeneratedAreDrift() throws Exception {
    FakePlatform.Connector source = connect.get(SOURCE);
    connect.remove(SOURCE);
    connect.put("zero-gone-source", source);
    connect.put("someone-elses-connector", source);

    Zdp zdp = status("--format", "json");

    assertThat(zdp.exitCode()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(zdp.out());
    assertThat(json.get("healthy").asBoolean()).isFalse();
    assertThat(json.get("findings").asInt()).isEqualTo(2);
    assertThat(json.at("/checked/zero/connectors").asInt()).isEqualTo(6);
    assertThat(json.get("items").findValuesAsText("problem"))
        .containsExactly(
            "the model generates it (zero/crm.tf) but Connect has no such connector",
            "Connect runs it but the model no longer generates it");
    assertThat(json.get("items").findValuesAsText("object"))
        .containsExactly("connector zero-crm-source", "connector zero-gone-source");
    assertThat(json.at("/items/1/fix").asText())
        .isEqualTo(
            "delete it: curl -X DELETE "
                + connect.url()
                + "/connectors/zero-gone-source"
                + " (terraform apply does it when the connector is in its state)");
  }

  @Test
  void markdownIsATableForAJobSummary() {
    edit(SINK, "tasks.max", "4");

    Zdp zdp = status("--format", "markdown");

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(findingsTable(zdp))
        .isEqualTo(
            "## zdp status\n\n❌ 1 finding (1 drift) in 6 connectors, 9 datasets, 18 topics of 1 platform\n\n"
                + "| platform | object | kind | what is wrong | what to do |\n"
                + "|---|---|---|---|---|\n"
                + "| zero | connector zero-shop-sink | drift | key 'tasks.max' is '4'; the model"
                + " renders '1' | put the rendered config back (terraform apply in zero/ (the"
                + " generated root module)), or change the model |\n");
  }

  @Test
  void aCorpusTableBehindStagingPastItsObjectiveIsStale() {
    Path model = Acme.copyTo(temp.resolve("acme"));
    Acme.edit(
        model.resolve("teams/customer_team/crm.yaml"),
        "      classifications: [pii]                  #",
        "      freshness: 2h\n      classifications: [pii]                  #");
    long now = System.currentTimeMillis();
    long hour = 3_600_000L;
    // customers: folded up to the staging commit of 5 h ago, the one of 3 h ago is not (2h)
    connect.putTable(
        "staging", "crm__customers", List.of(now - 5 * hour, now - 3 * hour), Map.of());
    connect.putTable(
        "corpus",
        "crm__customers",
        List.of(now - 5 * hour),
        Map.of("zdp.merged-staging-snapshot-ms", String.valueOf(now - 5 * hour)));
    // consent_events: staged 30 h ago, never merged (the platform's 1d)
    connect.putTable("staging", "crm__consent_events", List.of(now - 30 * hour), Map.of());
    // payments: folded all it has of 3 days ago (fresh); shipments: staged an hour ago (within 1d)
    connect.putTable("staging", "shop__payments", List.of(now - 72 * hour), Map.of());
    for (String corpus : List.of("shop__payments", "shop__payments__history")) {
      connect.putTable(
          "corpus",
          corpus,
          List.of(now - 71 * hour),
          Map.of("zdp.merged-staging-snapshot-ms", String.valueOf(now - 72 * hour)));
    }
    connect.putTable("staging", "fleet__shipments", List.of(now - hour), Map.of());

    Zdp zdp = status(model, "--format", "json");

    assertThat(zdp.exitCode()).as(zdp.out() + zdp.err()).isEqualTo(1);
    assertThat(zdp.out())
        .contains("\"findings\" : 2,")
        .contains("\"datasets\" : 9")
        .containsPattern(
            "\"kind\" : \"stale\",\n    \"object\" : \"dataset crm.customers\",\n"
                + "    \"problem\" : \"corpus table corpus.crm__customers is 3h( 0m)? behind"
                + " staging.crm__customers, past its freshness objective of 2h: its MERGE last"
                + " folded staging as of \\d{4}-[^,]*Z, the latest staging commit is"
                + " \\d{4}-[^\"]*Z\",\n"
                + "    \"fix\" : \"run MERGE job zero.crm.customers.live"
                + " \\(zero/merge/crm/customers.sql; in Airflow the DAG zdp_zero_merge\\) and see"
                + " why it has not run or failed; if the objective is too strict, change"
                + " freshness in the model\"")
        .containsPattern(
            "\"object\" : \"dataset crm.consent_events\",\n"
                + "    \"problem\" : \"corpus table corpus.crm__consent_events is 1d 6h behind"
                + " staging.crm__consent_events, past its freshness objective of 1d: it does not exist:"
                + " its MERGE has never run, the latest staging commit is \\d{4}-[^\"]*Z\"");
  }

  @Test
  void anUnreachableConnectIsAFindingNotACrash() {
    String url = connect.url();
    connect.close();

    Zdp zdp =
        Zdp.runIn(
            Map.of(),
            connect.topicReader(),
            "status",
            "--model",
            MODEL,
            "--var",
            "connect_url=" + url,
            "--var",
            "iceberg_catalog_uri=" + url);

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(zdp.err()).isEmpty();
    assertThat(findings(zdp))
        .isEqualTo(
            ("zero: catalog %1$s [unreachable]: the Iceberg catalog's tables cannot be"
                    + " read: the connection was refused\n  fix: check that the catalog runs and"
                    + " that iceberg_catalog_uri is its REST endpoint (--var"
                    + " iceberg_catalog_uri=URL or --var-file)\n"
                    + "zero: connect %1$s [unreachable]: Kafka Connect cannot be read: the connection was"
                    + " refused\n  fix: check that Connect runs and that connect_url is its REST"
                    + " endpoint (--var connect_url=URL or --var-file)\n"
                    + "2 findings (2 unreachable) in 6 connectors, 9 datasets, 18 topics of 1"
                    + " platform\n")
                .formatted(url));
  }

  @Test
  void endpointsComeFromTheEnvironmentThenVarFilesThenVars() throws Exception {
    Path tfvars =
        Files.writeString(
            temp.resolve("a.tfvars"),
            "connect_url = \""
                + connect.url()
                + "\"\niceberg_catalog_uri = \""
                + connect.url()
                + "\"\n");
    Path wrong =
        Files.writeString(temp.resolve("b.tfvars"), "connect_url = \"http://127.0.0.1:1\"\n");
    Map<String, String> environment = Map.of("TF_VAR_connect_url", "http://127.0.0.1:2");

    Zdp fromEnvironment = Zdp.runIn(environment, connect.topicReader(), "status", "--model", MODEL);
    Zdp fromFile =
        Zdp.runIn(
            environment,
            connect.topicReader(),
            "status",
            "--model",
            MODEL,
            "--var-file",
            wrong.toString(),
            "--var-file",
            tfvars.toString());
    Zdp fromVar =
        Zdp.runIn(
            environment,
            connect.topicReader(),
            "status",
            "--model",
            MODEL,
            "--var-file",
            tfvars.toString(),
            "--var",
            "connect_url=http://127.0.0.1:3");

    assertThat(fromEnvironment.out()).contains("connect http://127.0.0.1:2 [unreachable]");
    assertThat(fromFile.exitCode()).as(fromFile.out()).isZero();
    assertThat(fromVar.out()).contains("connect http://127.0.0.1:3 [unreachable]");
  }

  @Test
  void topicsDeletedResizedReconfiguredOrNoLongerGeneratedAreDrift() {
    String orders = "zero.shop.sales.orders";
    TopicReader.Topic topic = connect.topic(orders);
    connect.putTopic("zero.crm.public.customers", null);
    connect.putTopic(
        orders,
        new TopicReader.Topic(
            topic.partitions() + 2,
            new TreeMap<>(Map.of("cleanup.policy", "compact", "retention.ms", "1000"))));
    connect.putTopic("zero.gone.public.things", topic);
    connect.putTopic("connect-offsets", topic);

    Zdp zdp = status();

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(findings(zdp))
        .isEqualTo(
            ("zero: topic zero.crm.public.customers [drift]: the model generates it (zero/crm.tf)"
                    + " but the cluster has no such topic\n"
                    + "  fix: create it: terraform apply in zero/ (the generated root module)\n"
                    + "zero: topic zero.gone.public.things [drift]: the cluster has it but the model"
                    + " no longer generates it\n"
                    + "  fix: delete it once nothing reads it: kafka-topics.sh --bootstrap-server"
                    + " kafka-1.acme.internal:9093,kafka-2.acme.internal:9093 --delete --topic"
                    + " zero.gone.public.things\n"
                    + "zero: topic %1$s [drift]: it has %2$d partitions; the model renders %3$d\n"
                    + "  fix: Kafka cannot remove partitions: terraform apply in zero/ (the generated"
                    + " root module) re-creates the topic (its retained changes are lost), or change"
                    + " the model\n"
                    + "zero: topic %1$s [drift]: key 'cleanup.policy' is 'compact'; the model"
                    + " renders 'delete'\n"
                    + "  fix: put the rendered config back (terraform apply in zero/ (the generated"
                    + " root module)), or change the model\n"
                    + "zero: topic %1$s [drift]: key 'retention.ms' is set by hand to '1000'; the"
                    + " model does not render it\n"
                    + "  fix: put the rendered config back (terraform apply in zero/ (the generated"
                    + " root module)), or change the model\n"
                    + "5 findings (5 drift) in 6 connectors, 9 datasets, 18 topics of 1 platform\n")
                .formatted(orders, topic.partitions() + 2, topic.partitions()));
  }

  @Test
  void anUnreachableKafkaIsAFindingAndConnectIsStillChecked() {
    FakePlatform.Connector source = connect.get(SOURCE);
    connect.put(SOURCE, new FakePlatform.Connector(source.config(), "PAUSED", List.of("PAUSED")));
    TopicReader down =
        (platform, variables, wanted, groups, now) -> {
          throw new Unreachable("Timed out waiting for a node assignment", null);
        };

    Zdp zdp =
        Zdp.runIn(
            Map.of(),
            down,
            "status",
            "--model",
            MODEL,
            "--var",
            "connect_url=" + connect.url(),
            "--var",
            "iceberg_catalog_uri=" + connect.url(),
            "--format",
            "json");

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(zdp.out())
        .contains("\"object\" : \"connector zero-crm-source\"")
        .contains("\"object\" : \"kafka kafka-1.acme.internal:9093,kafka-2.acme.internal:9093\"")
        .contains(
            "\"problem\" : \"the Kafka cluster's topics cannot be read: Timed out waiting for a"
                + " node assignment\"")
        .contains("\"sink_lag\" : null")
        .doesNotContain("\"sink_lag\" : 0");
  }

  @Test
  void withShardsAFixNamesTheShardsRootModule() {
    edit(SOURCE, "snapshot.mode", "never");

    Zdp zdp = status("--shard-size", "2");

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(zdp.out())
        .contains(
            "  fix: put the rendered config back (terraform apply in zero/shard-001/ (the"
                + " generated root module)), or change the model\n");
  }

  @Test
  void eachDatasetsFreshnessGivesItsSinkLagStagingCommitAndWatermark() throws Exception {
    long now = System.currentTimeMillis();
    long hour = 3_600_000L;
    // customers: 7 changes the sink has read but not yet committed to staging, within the 1d
    connect.putLag(
        "connect-zero-crm-sink", "zero.crm.public.customers", new TopicReader.Lag(7, 0, true));
    connect.putTable("staging", "crm__customers", List.of(now - 2 * hour, now - hour), Map.of());
    connect.putTable(
        "corpus",
        "crm__customers",
        List.of(now - hour),
        Map.of("zdp.merged-staging-snapshot-ms", String.valueOf(now - 2 * hour)));

    Zdp json = status("--format", "json");
    Zdp markdown = status("--format", "markdown");

    assertThat(json.exitCode()).as(json.out()).isZero();
    JsonNode datasets = new ObjectMapper().readTree(json.out()).get("datasets");
    assertThat(datasets.findValuesAsText("dataset"))
        .containsExactly(
            "crm.consent_events",
            "crm.customers",
            "fleet.shipments",
            "fleet.tracking_events",
            "fleet.vehicles",
            "shop.order_lines",
            "shop.orders",
            "shop.payments",
            "shop.products");
    JsonNode customers = datasets.get(1);
    assertThat(customers.get("platform").asText()).isEqualTo("zero");
    assertThat(customers.get("objective").asText()).isEqualTo("1d");
    assertThat(customers.get("sink_lag").asLong()).isEqualTo(7);
    assertThat(customers.get("latest_staging_commit").asText())
        .isEqualTo(Instant.ofEpochMilli(now - hour).truncatedTo(ChronoUnit.SECONDS).toString());
    assertThat(customers.get("merged_through").asText())
        .isEqualTo(Instant.ofEpochMilli(now - 2 * hour).truncatedTo(ChronoUnit.SECONDS).toString());
    assertThat(datasets.get(0).get("sink_lag").asLong()).isZero();
    assertThat(datasets.get(0).get("latest_staging_commit").isNull()).isTrue();
    assertThat(markdown.out())
        .contains(
            "<details><summary>Freshness of 9 datasets</summary>\n\n"
                + "| platform | dataset | sink lag | latest staging commit | merged through |"
                + " objective |\n|---|---|---:|---|---|---|\n"
                + "| zero | crm.consent_events | 0 | - | - | 1d |\n"
                + "| zero | crm.customers | 7 | "
                + customers.get("latest_staging_commit").asText()
                + " | "
                + customers.get("merged_through").asText()
                + " | 1d |\n");
  }

  @Test
  void aSinkLeavingChangesUnreadPastTheObjectiveIsStaleWithHowToSeeWhy() {
    connect.putLag(
        "connect-zero-crm-sink", "zero.crm.public.customers", new TopicReader.Lag(42, 40, false));
    connect.putLag(
        "connect-zero-shop-sink", "zero.shop.sales.orders", new TopicReader.Lag(3, 1, true));

    Zdp zdp = status();

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(zdp.out())
        .contains(
            "zero: dataset crm.customers: sink lag 42, latest staging commit -, merged through -"
                + " (objective 1d)\n");
    assertThat(findings(zdp))
        .isEqualTo(
            ("zero: dataset crm.customers [stale]: sink zero-crm-sink has not read 40 changes of"
                    + " topic zero.crm.public.customers that are older than its freshness objective"
                    + " of 1d (consumer group connect-zero-crm-sink has committed no offset; 42"
                    + " records wait)\n"
                    + "  fix: see why the sink does not keep up: curl"
                    + " %1$s/connectors/zero-crm-sink/status, and its group:"
                    + " kafka-consumer-groups.sh --bootstrap-server"
                    + " kafka-1.acme.internal:9093,kafka-2.acme.internal:9093 --describe --group"
                    + " connect-zero-crm-sink\n"
                    + "zero: dataset shop.orders [stale]: sink zero-shop-sink has not read 1 change"
                    + " of topic zero.shop.sales.orders that are older than its freshness objective"
                    + " of 1d (consumer group connect-zero-shop-sink lags 3 records)\n"
                    + "  fix: see why the sink does not keep up: curl"
                    + " %1$s/connectors/zero-shop-sink/status, and its group:"
                    + " kafka-consumer-groups.sh --bootstrap-server"
                    + " kafka-1.acme.internal:9093,kafka-2.acme.internal:9093 --describe --group"
                    + " connect-zero-shop-sink\n"
                    + "2 findings (2 stale) in 6 connectors, 9 datasets, 18 topics of 1 platform\n")
                .formatted(connect.url()));
  }

  @Test
  void groupsThatCannotBeReadAreOneFindingAndTheLagUnknown() throws Exception {
    connect.refuseGroups("Not authorized to access group: connect-zero-crm-sink");

    Zdp zdp = status("--format", "json");

    assertThat(zdp.exitCode()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(zdp.out());
    assertThat(json.get("items").findValuesAsText("problem"))
        .containsExactly(
            "the sinks' consumer groups cannot be read: Not authorized to access group:"
                + " connect-zero-crm-sink");
    assertThat(json.at("/items/0/kind").asText()).isEqualTo("unreachable");
    assertThat(json.get("datasets").findValues("sink_lag")).allMatch(JsonNode::isNull);
  }

  @Test
  void badArgumentsAndAnUnreadableModelCannotRun() throws Exception {
    Path notHcl =
        Files.writeString(
            temp.resolve("x.tfvars"),
            "# endpoints\nconnect_url = \"http://c:8083\"\nkafka_bootstrap_servers = 127.0.0.1:9092\n"
                + "iceberg_catalog_uri = \"http://i\"\n");

    Zdp format = status("--format", "yaml");
    Zdp var = status("--var", "connect_url");
    Zdp file = status("--var-file", notHcl.toString());
    Zdp misspelt = status("--var", "conect_url=http://c:8083");
    Zdp model = Zdp.run("status", "--model", temp.resolve("nothing").toString());

    assertThat(
            List.of(
                format.exitCode(),
                var.exitCode(),
                file.exitCode(),
                misspelt.exitCode(),
                model.exitCode()))
        .containsOnly(2);
    assertThat(format.err())
        .isEqualTo("zdp: unknown value 'yaml' for --format; use one of text, json, markdown\n");
    assertThat(var.err())
        .isEqualTo(
            "zdp: --var 'connect_url' is not NAME=VALUE; write it as --var"
                + " connect_url=http://connect:8083\n");
    assertThat(file.err())
        .startsWith("zdp: --var-file '" + notHcl + "' line 3 is not a tfvars file: ")
        .endsWith("; write one assignment per line, name = \"value\" (text in double quotes)\n")
        .doesNotContain("Exception");
    assertThat(misspelt.err())
        .startsWith("zdp: --var 'conect_url' names no variable of the generated Terraform;")
        .contains(" connect_url, ");
    assertThat(model.err()).startsWith("zdp: ");
  }
}
