package dev.zdp.sandbox.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.Datastore;
import dev.zdp.model.Model;
import dev.zdp.sandbox.Sandbox;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An explicit NULL in a column that has a DEFAULT must stay NULL: Kafka's JsonConverter and
 * Debezium's ExtractNewRecordState substitute the default unless the generated connectors say
 * {@code replace.null.with.default=false}, and the Iceberg sink does unless zdp's
 * DropSchemaDefaults transform (connect-transforms) removes the defaults from the schema first.
 * Rows inserted with NULLs before the capture starts (snapshot) and rows updated to NULL while it
 * streams are compared, value by value, with the source table: in the topic (what the source's
 * settings fix) and in the corpus. Also checks the heartbeat topic receives heartbeats. One stack
 * start for the class.
 */
class NullValuesEndToEndTest {
  private static final Path MODEL = Path.of("src/test/resources/e2e-nulls/model");
  private static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(90);
  private static final String STAGING = "staging.ledger__accounts";
  private static final String CORPUS = "corpus.ledger__accounts";

  private static Sandbox sandbox;
  private static Catalog catalog;

  @BeforeAll
  static void startSandbox() throws Exception {
    Path workDir =
        Path.of(System.getProperty("zdp.sandbox.workdir", "target/sandbox-test") + "-nulls");
    sandbox = Sandbox.start(workDir);
    catalog =
        CatalogUtil.buildIcebergCatalog(Sandbox.CATALOG_NAME, sandbox.catalogProperties(), null);
    deployAndWriteNulls();
  }

  @AfterAll
  static void stopSandbox() throws IOException {
    if (catalog instanceof java.io.Closeable closeable) {
      closeable.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private static final List<String> EXPECTED =
      List.of(
          "1|null|null|null|null|null|null",
          "2|null|null|null|null|null|null",
          "3|null|null|null|null|null|null",
          "4|null|null|null|null|null|null",
          "5|open|100.00|none|true|3|2020-01-01");

  private static Datastore ledger;

  /** Deploys the model, writes NULLs before and after the capture starts, runs the MERGE jobs. */
  private static void deployAndWriteNulls() throws Exception {
    Path modelDir = copy(MODEL, Files.createTempDirectory("zdp-nulls").resolve("model"));
    Model model = Deployment.load(modelDir);
    Deployment deployment =
        new Deployment(sandbox, modelDir.resolveSibling("out"), Optional.empty(), line -> {});
    ledger = model.datastore("ledger").orElseThrow();
    deployment.createSourceTables(model);
    SourceTables sources = deployment.sources();
    sources.run(
        ledger,
        List.of(
            "ALTER TABLE accounts ALTER COLUMN status SET DEFAULT 'open',"
                + " ALTER COLUMN balance SET DEFAULT 100.00,"
                + " ALTER COLUMN note SET DEFAULT 'none',"
                + " ALTER COLUMN flagged SET DEFAULT true,"
                + " ALTER COLUMN tries SET DEFAULT 3,"
                + " ALTER COLUMN opened SET DEFAULT DATE '2020-01-01'",
            // before the capture starts: read by the snapshot
            "INSERT INTO accounts VALUES (1, 'closed', 5.00, 'vip', false, 0, DATE '2024-01-02')",
            "INSERT INTO accounts VALUES (2, NULL, NULL, NULL, NULL, NULL, NULL)",
            "INSERT INTO accounts (id) VALUES (3)"));

    deployment.apply(model);
    awaitRows(STAGING, 3);

    // while it streams: NULLs set by UPDATE and written by INSERT
    sources.run(
        ledger,
        List.of(
            "UPDATE accounts SET status = NULL, balance = NULL, note = NULL, flagged = NULL,"
                + " tries = NULL, opened = NULL WHERE id IN (1, 3)",
            "INSERT INTO accounts VALUES (4, NULL, NULL, NULL, NULL, NULL, NULL)",
            "INSERT INTO accounts (id) VALUES (5)"));
    awaitRows(STAGING, 7);
    deployment.merge(1);
    assertThat(source(ledger, "accounts")).as("the source table").isEqualTo(EXPECTED);
  }

  @Test
  void anExplicitNullTravelsAsNullInTheTopic() throws Exception {
    assertThat(topic("zero.ledger.public.accounts"))
        .as("each row's last change in the topic, value by value")
        .isEqualTo(EXPECTED);
  }

  @Test
  void aColumnWithADefaultSetToNullReadsNullInTheCorpus() {
    assertThat(corpus(CORPUS)).as("the corpus, value by value").isEqualTo(EXPECTED);
  }

  /**
   * The real connectors validate the generated configs as applied (Connect's {@code PUT
   * /connector-plugins/<class>/config/validate}): no value is refused. Connect does not report keys
   * it does not know; GeneratedSchemaTest covers those.
   */
  @Test
  void theRealConnectorsAcceptTheGeneratedConfigs() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var http = java.net.http.HttpClient.newHttpClient();
    for (String connector : List.of("zero-ledger-source", "zero-ledger-sink")) {
      Map<String, String> config = sandbox.connectors().config(connector).orElseThrow();
      String connectorClass = config.get("connector.class");
      var response =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      sandbox
                          .connectUrl()
                          .resolve("/connector-plugins/" + connectorClass + "/config/validate"))
                  .header("Content-Type", "application/json")
                  .PUT(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          json.writeValueAsString(config)))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("%s: %s", connector, response.body()).isEqualTo(200);
      var result = json.readTree(response.body());
      List<String> errors = new ArrayList<>();
      result
          .path("configs")
          .forEach(
              c ->
                  c.path("value")
                      .path("errors")
                      .forEach(
                          e ->
                              errors.add(
                                  c.path("value").path("name").asText() + ": " + e.asText())));
      assertThat(errors).as("%s validated by %s", connector, connectorClass).isEmpty();
      assertThat(result.path("error_count").asInt()).isZero();
    }
  }

  @Test
  void theSourceSendsHeartbeatsToTheGeneratedHeartbeatTopic() throws Exception {
    // the heartbeat topic the generated Terraform declares is where the source's heartbeats go
    String heartbeatTopic = "__debezium-heartbeat.zero.ledger";
    assertThat(sandbox.topics().list()).contains(heartbeatTopic);
    assertThat(heartbeats(heartbeatTopic)).as("heartbeats in " + heartbeatTopic).isPositive();
  }

  /**
   * Each row's last after-image in a Debezium topic (JSON with schemas), as the same text as {@link
   * #source}: decimals decoded with their scale, dates from epoch days.
   */
  private static List<String> topic(String topic) throws Exception {
    Map<String, Object> settings =
        Map.of(
            "bootstrap.servers", sandbox.bootstrapServers(),
            "key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
            "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    Map<Long, String> latest = new java.util.TreeMap<>();
    try (var consumer =
        new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(settings)) {
      var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      long deadline = System.nanoTime() + ARRIVAL_LIMIT.toNanos();
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() == null) {
            continue;
          }
          var after = json.readTree(record.value()).path("payload").path("after");
          if (after.isMissingNode() || after.isNull()) {
            continue;
          }
          List<String> values = new ArrayList<>();
          values.add(after.get("id").asText());
          values.add(textOf(after.get("status")));
          values.add(
              after.get("balance").isNull()
                  ? "null"
                  : new BigDecimal(
                          new java.math.BigInteger(
                              java.util.Base64.getDecoder().decode(after.get("balance").asText())),
                          2)
                      .toPlainString());
          values.add(textOf(after.get("note")));
          values.add(textOf(after.get("flagged")));
          values.add(textOf(after.get("tries")));
          values.add(
              after.get("opened").isNull()
                  ? "null"
                  : java.time.LocalDate.ofEpochDay(after.get("opened").asLong()).toString());
          latest.put(after.get("id").asLong(), String.join("|", values));
        }
      }
    }
    return List.copyOf(latest.values());
  }

  private static String textOf(com.fasterxml.jackson.databind.JsonNode value) {
    return value == null || value.isNull() ? "null" : value.asText();
  }

  /** How many records the heartbeat topic holds, waiting up to the arrival limit for one. */
  private static long heartbeats(String topic) throws InterruptedException {
    Map<String, Object> settings =
        Map.of(
            "bootstrap.servers", sandbox.bootstrapServers(),
            "key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
            "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    long end = System.nanoTime() + ARRIVAL_LIMIT.toNanos();
    try (var consumer =
        new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(settings)) {
      var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
      while (true) {
        long count =
            consumer.endOffsets(List.of(partition)).getOrDefault(partition, 0L)
                - consumer.beginningOffsets(List.of(partition)).getOrDefault(partition, 0L);
        if (count > 0 || System.nanoTime() > end) {
          return count;
        }
        Thread.sleep(250);
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

  private static void awaitRows(String name, long count) throws InterruptedException {
    long end = System.nanoTime() + ARRIVAL_LIMIT.toNanos();
    try (IcebergTables tables = new IcebergTables(sandbox)) {
      while (true) {
        Optional<Long> rows = tables.rows(name);
        if (rows.isPresent() && rows.get() >= count) {
          assertThat(rows.get()).as("rows in %s", name).isEqualTo(count);
          return;
        }
        if (System.nanoTime() > end) {
          throw new AssertionError(
              "Timed out waiting for "
                  + count
                  + " rows in "
                  + name
                  + ": "
                  + rows.map(String::valueOf).orElse("no table")
                  + " so far; log "
                  + sandbox.logFile());
        }
        Thread.sleep(250);
      }
    }
  }

  /** The corpus table's rows, model columns only, as comparable text, sorted. */
  private static List<String> corpus(String name) {
    Table table = catalog.loadTable(TableIdentifier.parse(name));
    table.refresh();
    List<String> columns =
        table.schema().columns().stream()
            .map(Types.NestedField::name)
            .filter(column -> !column.startsWith("_zdp_"))
            .toList();
    List<String> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      records.forEach(
          row ->
              rows.add(
                  String.join("|", columns.stream().map(c -> text(row.getField(c))).toList())));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    rows.sort(null);
    return rows;
  }

  /** The source table's rows as the same text, sorted. */
  private static List<String> source(Datastore datastore, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = new SourceTables(sandbox).connect(datastore);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
      ResultSetMetaData meta = result.getMetaData();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object value =
              meta.getColumnTypeName(i).equals("date")
                  ? result.getObject(i, java.time.LocalDate.class)
                  : result.getObject(i);
          values.add(text(value));
        }
        rows.add(String.join("|", values));
      }
    }
    rows.sort(null);
    return rows;
  }

  private static String text(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Temporal || value == null) {
      return String.valueOf(value);
    }
    return value.toString();
  }
}
