package dev.zdp.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zdp.action.cli.Main;
import dev.zdp.model.Model;
import dev.zdp.sandbox.Sandbox;
import dev.zdp.sandbox.SandboxException;
import dev.zdp.sandbox.TopicSpec;
import dev.zdp.sandbox.apply.Deployment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code zdp status --var-file <work-dir>/sandbox.tfvars} against a running sandbox: healthy, then
 * broken by hand one way at a time (a connector paused, a connector's config edited through the
 * REST API, a topic deleted, a task FAILED by a login refused, a change staged that no MERGE folds
 * in past the dataset's freshness objective), each giving exit 1 with its finding, and 0 again once
 * put back (the MERGE run); then the dataset's sink lag is 0, its change committed by the sink. One
 * stack start for the class.
 */
class StatusEndToEndTest {
  private static final Path MODEL = Path.of("src/test/resources/e2e-nulls/model");
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final String SOURCE = "zero-ledger-source";
  private static final String SINK = "zero-ledger-sink";
  private static final String TOPIC = "zero.ledger.public.accounts";
  private static final String SCOPE = " in 2 connectors, 1 dataset, 4 topics of 1 platform\n";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Sandbox sandbox;
  private static Path model;
  private static Path tfvars;
  private static Deployment deployment;

  /** What one run of zdp status printed and returned. */
  private record Status(int exitCode, String out, String err) {}

  @BeforeAll
  static void deploy() throws Exception {
    Path workDir =
        Path.of(System.getProperty("zdp.sandbox.workdir", "target/sandbox-test") + "-status");
    sandbox = Sandbox.start(workDir);
    model = copy(MODEL, Files.createTempDirectory("zdp-status").resolve("model"));
    // the model names the sandbox's database, so the sandbox runs its connectors as rendered
    Path ledger = model.resolve("ledger.yaml");
    Files.writeString(
        ledger,
        Files.readString(ledger)
            .replace("host: ledger-db.internal", "host: " + sandbox.postgres().host())
            .replace("port: 5432", "port: " + sandbox.postgres().port()));
    Model loaded = Deployment.load(model);
    deployment = new Deployment(sandbox, model.resolveSibling("out"), Optional.empty(), line -> {});
    deployment.createSourceTables(loaded);
    deployment.apply(loaded);
    tfvars =
        Files.writeString(
            workDir.resolve(SandboxFiles.TFVARS), SandboxFiles.tfvars(loaded, sandbox));
  }

  @AfterAll
  static void stop() throws IOException {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private static Status status(String... more) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args =
        new ArrayList<>(
            List.of("status", "--model", model.toString(), "--var-file", tfvars.toString()));
    args.addAll(List.of(more));
    int code =
        Main.run(
            Map.of(),
            Path.of("").toAbsolutePath(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args.toArray(String[]::new));
    return new Status(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs zdp status until it exits {@code code} or the limit passes; the last run. */
  private static Status awaitStatus(int code) throws InterruptedException {
    return awaitStatus(code, "");
  }

  /**
   * Runs zdp status until it exits {@code code} with {@code text} in its report, or the limit
   * passes; the last run.
   */
  private static Status awaitStatus(int code, String text) throws InterruptedException {
    long end = System.nanoTime() + LIMIT.toNanos();
    Status status = status();
    while ((status.exitCode() != code || !status.out().contains(text)) && System.nanoTime() < end) {
      Thread.sleep(1000);
      status = status();
    }
    assertThat(status.exitCode()).as(status.out() + status.err()).isEqualTo(code);
    assertThat(status.out()).contains(text);
    return status;
  }

  private static void post(String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(connect() + path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isLessThan(300);
  }

  private static Connection database() throws SQLException {
    return DriverManager.getConnection(
        sandbox.postgres().jdbcUrl("ledger"),
        sandbox.postgres().user(),
        sandbox.postgres().password());
  }

  private static void put(String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(connect() + path))
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("PUT %s: %s", path, response.body()).isLessThan(300);
  }

  private static String connect() {
    return sandbox.connectUrl().toString().replaceAll("/$", "");
  }

  @Test
  void reportsEachThingBrokenByHandAndIsHealthyOncePutBack() throws Exception {
    assertThat(awaitStatus(0).out())
        .matches(
            "zero: dataset ledger\\.accounts: sink lag 0, latest staging commit \\S+, merged"
                + " through \\S+ \\(objective 1d\\)\n"
                + "healthy, without drift: 2 connectors, 1 dataset, 4 topics of 1 platform\n");

    // a connector paused
    put("/connectors/" + SOURCE + "/pause");
    assertThat(awaitStatus(1).out())
        .startsWith(
            "zero: connector "
                + SOURCE
                + " [health]: the connector is PAUSED\n  fix: resume it: curl -X PUT "
                + connect()
                + "/connectors/"
                + SOURCE
                + "/resume\n")
        .endsWith("1 finding (1 health)" + SCOPE);
    put("/connectors/" + SOURCE + "/resume");
    awaitStatus(0);

    // a connector's config edited through the REST API
    Map<String, String> config = new TreeMap<>(sandbox.connectors().config(SINK).orElseThrow());
    Map<String, String> edited = new TreeMap<>(config);
    edited.put("iceberg.control.commit.interval-ms", "5000");
    sandbox.connectors().createOrUpdate(SINK, edited);
    assertThat(awaitStatus(1).out())
        .startsWith(
            "zero: connector "
                + SINK
                + " [drift]: key 'iceberg.control.commit.interval-ms' is '5000'; the model"
                + " renders '1000'\n")
        .endsWith("1 finding (1 drift)" + SCOPE);
    sandbox.connectors().createOrUpdate(SINK, config);
    sandbox.connectors().awaitRunning(SINK, LIMIT);
    awaitStatus(0);

    // a topic deleted by hand
    TopicSpec topic = sandbox.topics().describe(TOPIC).orElseThrow();
    sandbox.topics().delete(TOPIC);
    // the broker may re-create it at once (auto.create.topics.enable), without its config
    assertThat(awaitStatus(1).out())
        .containsPattern(
            "zero: topic "
                + TOPIC.replace(".", "\\.")
                + " \\[drift]: (the model generates it \\(zero/ledger\\.tf\\) but the cluster has"
                + " no such topic|key 'cleanup\\.policy' is missing; the model renders 'delete')\n");
    restore(topic);
    awaitStatus(0);

    // a task FAILED: the source's login disabled (a credential revoked) and its walsender ended, so
    // Debezium's reconnect is refused (SQLSTATE 28000), which it does not retry
    try (Connection connection = database();
        Statement statement = connection.createStatement()) {
      String role = "\"" + sandbox.postgres().user().replace("\"", "\"\"") + "\"";
      statement.execute("ALTER ROLE " + role + " NOLOGIN");
      try {
        statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_replication");
        assertThat(awaitStatus(1, "the task is FAILED").out())
            .containsPattern(
                "zero: connector "
                    + SOURCE
                    + " task 0 \\[health]: the task is FAILED: [^\n]*\\(caused by [^\n]*not permitted to log in[^\n]*\\)\n"
                    + "  fix: see its trace: curl "
                    + Pattern.quote(connect() + "/connectors/" + SOURCE + "/tasks/0/status")
                    + "; restart it: curl -X POST "
                    + Pattern.quote(connect() + "/connectors/" + SOURCE + "/tasks/0/restart")
                    + "\n")
            .endsWith("1 finding (1 health)" + SCOPE);
      } finally {
        statement.execute("ALTER ROLE " + role + " LOGIN");
      }
    }
    post("/connectors/" + SOURCE + "/tasks/0/restart");
    awaitStatus(0);

    // a change staged that no MERGE folds in, past an objective of a second
    Path ledger = model.resolve("ledger.yaml");
    Files.writeString(
        ledger,
        Files.readString(ledger)
            .replace(
                "      classifications: [internal]\n",
                "      classifications: [internal]\n      freshness: 1s\n"));
    try (Connection connection = database();
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO accounts (id, status) VALUES (1, 'open')");
    }
    // (the sink may first be seen with the change unread past the second: a finding of its own)
    assertThat(awaitStatus(1, "[stale]: corpus table").out())
        .containsPattern(
            "zero: dataset ledger\\.accounts \\[stale]: corpus table corpus\\.ledger__accounts is"
                + " \\d+s behind staging\\.ledger__accounts, past its freshness objective of 1s: .*"
                + " the latest staging commit is \\S+Z\n"
                + "  fix: run MERGE job zero\\.ledger\\.accounts\\.live \\(zero/merge/ledger/accounts"
                + "\\.sql; in Airflow the DAG zdp_zero_merge\\) and see why")
        .endsWith("1 finding (1 stale)" + SCOPE);
    // the MERGE folds it in and records so in the corpus table: fresh again
    deployment.merge(1);
    assertThat(awaitStatus(0).out())
        .endsWith("healthy, without drift: 2 connectors, 1 dataset, 4 topics of 1 platform\n");

    // the row's change read and committed by the sink, staged, and folded in by the MERGE
    JsonNode dataset =
        new ObjectMapper().readTree(status("--format", "json").out()).at("/datasets/0");
    assertThat(dataset.get("dataset").asText()).isEqualTo("ledger.accounts");
    assertThat(dataset.get("sink_lag").isNumber()).as(dataset.toString()).isTrue();
    assertThat(dataset.get("sink_lag").asLong()).isZero();
    Instant staged = Instant.parse(dataset.get("latest_staging_commit").asText());
    assertThat(Instant.parse(dataset.get("merged_through").asText())).isEqualTo(staged);
    assertThat(committedOffset()).as("the sink group's committed offset").isPositive();
  }

  /** The offset the sink's consumer group committed on the dataset's topic. */
  private static long committedOffset() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, sandbox.bootstrapServers()))) {
      OffsetAndMetadata offset =
          admin
              .listConsumerGroupOffsets("connect-" + SINK)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS)
              .get(new TopicPartition(TOPIC, 0));
      return offset == null ? -1 : offset.offset();
    }
  }

  /**
   * Creates the topic again as it was, or puts its config back when the broker re-created it; a
   * deletion still under way refuses both for a moment.
   */
  private static void restore(TopicSpec topic) throws InterruptedException {
    long end = System.nanoTime() + LIMIT.toNanos();
    while (true) {
      try {
        sandbox.topics().apply(topic);
        return;
      } catch (SandboxException e) {
        if (System.nanoTime() > end) {
          throw e;
        }
        Thread.sleep(500);
      }
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
    return to;
  }
}
