package dev.zdp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole capture path on the sandbox: rows changed in PostgreSQL arrive, typed, in an Iceberg
 * staging table through Debezium, Kafka and the Iceberg sink, all configured only through the Admin
 * and REST APIs the apply step uses.
 */
class SandboxPipelineTest {
  private static final String CATALOG = "zero";
  private static final String TOPIC = "zero.crm.public.customers";
  private static final String CONTROL_TOPIC = "zero-iceberg-control";
  private static final TableIdentifier STAGING = TableIdentifier.of("staging", "crm_customers");
  private static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(90);
  private static final OffsetDateTime UPDATED_AT =
      OffsetDateTime.of(2026, 3, 1, 12, 30, 15, 123_456_000, ZoneOffset.UTC);
  private static final UUID REF = UUID.fromString("7d0c6a50-3c0e-4b8e-9a8e-0c5c2b1f4a11");

  private static Sandbox sandbox;
  private static Duration startTime;

  @BeforeAll
  static void startSandbox() {
    Path workDir = Path.of(System.getProperty("zdp.sandbox.workdir", "target/sandbox-test"));
    long started = System.nanoTime();
    sandbox = Sandbox.start(workDir);
    startTime = Duration.ofNanos(System.nanoTime() - started);
  }

  @AfterAll
  static void stopSandbox() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void changesInPostgresArriveTypedInTheIcebergStagingTable() throws Exception {
    sandbox.createDatabase("crm");
    sql(
        "CREATE TABLE public.customers (id bigint PRIMARY KEY, balance numeric(12,2), name text,"
            + " active boolean, born date, updated_at timestamptz, ref uuid)",
        "INSERT INTO public.customers VALUES (1, 1234.50, 'Ada', true, DATE '1990-05-17',"
            + " TIMESTAMPTZ '2026-03-01 12:30:15.123456+00', '"
            + REF
            + "')",
        "INSERT INTO public.customers VALUES (2, 0.99, 'Bob', false, NULL, NULL, NULL)");

    TopicAdmin topics = sandbox.topics();
    assertThat(topics.apply(new TopicSpec(TOPIC, 1, 1, Map.of()))).isEqualTo(Change.CREATED);
    assertThat(topics.apply(new TopicSpec(CONTROL_TOPIC, 1, 1, Map.of())))
        .isEqualTo(Change.CREATED);
    assertThat(topics.apply(new TopicSpec(TOPIC, 1, 1, Map.of()))).isEqualTo(Change.UNCHANGED);

    Catalog catalog =
        CatalogUtil.buildIcebergCatalog(
            Sandbox.CATALOG_NAME, sandbox.catalogProperties(), new Configuration());
    ((SupportsNamespaces) catalog).createNamespace(Namespace.of("staging"));
    catalog.createTable(STAGING, stagingSchema());

    ConnectClient connectors = sandbox.connectors();
    long applied = System.nanoTime();
    assertThat(connectors.createOrUpdate("zero-crm-source", sourceConfig()))
        .isEqualTo(Change.CREATED);
    assertThat(connectors.createOrUpdate("zero-crm-sink", sinkConfig())).isEqualTo(Change.CREATED);
    connectors.awaitRunning("zero-crm-source", Duration.ofSeconds(60));
    connectors.awaitRunning("zero-crm-sink", Duration.ofSeconds(60));
    assertThat(connectors.createOrUpdate("zero-crm-sink", sinkConfig()))
        .as("re-applying an unchanged connector")
        .isEqualTo(Change.UNCHANGED);
    assertThat(connectors.list()).contains("zero-crm-sink", "zero-crm-source");

    Table table = catalog.loadTable(STAGING);
    awaitRows(table, 2, "the two snapshot rows");
    Duration firstRows = Duration.ofNanos(System.nanoTime() - applied);

    long committed = System.nanoTime();
    sql(
        "INSERT INTO public.customers VALUES (3, 10.00, 'Cy', true, DATE '2000-01-01', NOW(),"
            + " gen_random_uuid())",
        "UPDATE public.customers SET balance = 2000.25, name = 'Ada L.' WHERE id = 1",
        "DELETE FROM public.customers WHERE id = 2");
    List<Record> rows = awaitRows(table, 5, "the insert, update and delete");
    Duration commitToStaging = Duration.ofNanos(System.nanoTime() - committed);

    assertThat(rows)
        .extracting(row -> row.getField("id") + ":" + op(row))
        .containsExactlyInAnyOrder("1:I", "2:I", "3:I", "1:U", "2:D");

    Record ada = only(rows, 1L, "I");
    assertThat(ada.getField("balance")).isEqualTo(new BigDecimal("1234.50"));
    assertThat(ada.getField("name")).isEqualTo("Ada");
    assertThat(ada.getField("active")).isEqualTo(true);
    assertThat(ada.getField("born")).isEqualTo(LocalDate.of(1990, 5, 17));
    assertThat(((OffsetDateTime) ada.getField("updated_at")).toInstant())
        .isEqualTo(UPDATED_AT.toInstant());
    assertThat(ada.getField("ref")).isEqualTo(REF);
    assertThat(only(rows, 1L, "U").getField("balance")).isEqualTo(new BigDecimal("2000.25"));
    assertThat(only(rows, 1L, "U").getField("name")).isEqualTo("Ada L.");
    assertThat(only(rows, 3L, "I").getField("born")).isEqualTo(LocalDate.of(2000, 1, 1));

    Map<String, String> types = new TreeMap<>();
    table.schema().columns().forEach(column -> types.put(column.name(), column.type().toString()));
    assertThat(types)
        .containsEntry("balance", "decimal(12, 2)")
        .containsEntry("born", "date")
        .containsEntry("updated_at", "timestamptz")
        .containsEntry("ref", "uuid")
        .containsKey("_cdc");

    // MERGE, twice in one Spark session: the second run must write nothing
    Path merge = Path.of("src/test/resources/merge/crm_customers.sql");
    long mergeStarted = System.nanoTime();
    // a job that fails first does not stop the ones after it
    Path broken = Files.createTempFile("broken-job", ".sql");
    Files.writeString(
        broken,
        "MERGE INTO corpus.no_such_table AS t USING (SELECT 1 AS id) AS c"
            + " ON t.id = c.id WHEN NOT MATCHED THEN INSERT *;");
    List<Sandbox.MergeResult> results = sandbox.runMerge(CATALOG, List.of(broken, merge, merge));
    assertThat(results.get(0).error())
        .hasValueSatisfying(
            error -> assertThat(error).contains("no_such_table").doesNotContain("\n"));
    assertThat(results.subList(1, 3)).allSatisfy(result -> assertThat(result.error()).isEmpty());
    Duration mergeTime = Duration.ofNanos(System.nanoTime() - mergeStarted);
    Table corpus = catalog.loadTable(TableIdentifier.of("corpus", "crm_customers"));
    assertThat(read(corpus))
        .extracting(
            row ->
                row.getField("id")
                    + "|"
                    + row.getField("balance")
                    + "|"
                    + row.getField("name")
                    + "|"
                    + row.getField("born"))
        .containsExactlyInAnyOrder("1|2000.25|Ada L.|1990-05-17", "3|10.00|Cy|2000-01-01");
    Map<String, String> lastCommit = corpus.currentSnapshot().summary();
    assertThat(lastCommit.getOrDefault("added-records", "0"))
        .as("rows the second MERGE wrote: %s", lastCommit)
        .isEqualTo("0");
    assertThat(lastCommit.getOrDefault("added-position-deletes", "0")).isEqualTo("0");

    writeMeasurements(firstRows, commitToStaging, mergeTime);
    ((java.io.Closeable) catalog).close();
  }

  @Test
  void aFailingSqlFileIsNamedWithSparksErrorAndTheSessionRunsTheNextFile() throws IOException {
    Path dir = Files.createDirectories(sandbox.workDir().resolve("sql-test"));
    Path broken =
        Files.writeString(
            dir.resolve("broken.sql"), "CREATE NAMESPACE IF NOT EXISTS probe;\nSELECT * FROM nope");
    Path fine =
        Files.writeString(
            dir.resolve("fine.sql"),
            "CREATE TABLE IF NOT EXISTS probe.t (id BIGINT) USING iceberg;\nSELECT * FROM probe.t");

    assertThatThrownBy(() -> sandbox.runSql(CATALOG, List.of(broken, fine)))
        .isInstanceOf(SandboxException.class)
        .hasMessageStartingWith("Spark SQL file broken.sql failed: ")
        .hasMessageContaining("nope")
        .hasMessageContaining(broken.toString());
    assertThat(sandbox.runSql(CATALOG, List.of(fine)))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .matches("fine\\.sql: 2 statement\\(s\\) in [0-9.]+ s");
  }

  @Test
  void theWorkerOffersThePluginsTheGeneratedConnectorsName() {
    assertThat(sandbox.connectors().pluginClasses())
        .contains(
            "io.debezium.connector.postgresql.PostgresConnector",
            "io.debezium.transforms.ExtractNewRecordState",
            "org.apache.iceberg.connect.IcebergSinkConnector",
            "org.apache.iceberg.connect.transforms.DebeziumTransform",
            "org.apache.iceberg.connect.transforms.KafkaMetadataTransform");
  }

  @Test
  void topicsGrowInPlaceAndShrinkByRecreation() {
    TopicAdmin topics = sandbox.topics();
    String name = "zdp.sandbox.resize";
    assertThat(topics.apply(new TopicSpec(name, 2, 1, Map.of("retention.ms", "3600000"))))
        .isEqualTo(Change.CREATED);
    assertThat(topics.apply(new TopicSpec(name, 3, 1, Map.of("cleanup.policy", "compact"))))
        .isEqualTo(Change.UPDATED);
    assertThat(topics.describe(name))
        .contains(new TopicSpec(name, 3, 1, Map.of("cleanup.policy", "compact")));
    assertThat(topics.apply(new TopicSpec(name, 1, 1, Map.of()))).isEqualTo(Change.RECREATED);
    assertThat(topics.describe(name)).contains(new TopicSpec(name, 1, 1, Map.of()));
    assertThat(topics.delete(name)).isTrue();
    assertThat(topics.delete(name)).isFalse();
    assertThat(topics.describe(name)).isEmpty();
  }

  @Test
  void connectorConfigsAreValidatedAndRuntimeFailuresExplained() {
    ConnectClient connectors = sandbox.connectors();
    Map<String, String> source = new TreeMap<>(sourceConfig());
    source.put("database.dbname", "no_such_database");
    assertThatThrownBy(() -> connectors.createOrUpdate("zero-missing-source", source))
        .isInstanceOf(SandboxException.class)
        .hasMessageContaining("Cannot apply connector 'zero-missing-source'")
        .hasMessageContaining("no_such_database");
    assertThat(connectors.config("zero-missing-source")).isEmpty();

    sandbox.topics().apply(new TopicSpec("zdp.sandbox.unreachable", 1, 1, Map.of()));
    Map<String, String> sink = new TreeMap<>(sinkConfig());
    sink.put("topics", "zdp.sandbox.unreachable");
    sink.put("iceberg.control.topic", "zdp-sandbox-unreachable-control");
    sink.put("iceberg.catalog.uri", "http://127.0.0.1:1/nowhere");
    assertThat(connectors.createOrUpdate("zero-unreachable-sink", sink)).isEqualTo(Change.CREATED);
    sink.put("iceberg.control.commit.interval-ms", "2000");
    assertThat(connectors.createOrUpdate("zero-unreachable-sink", sink)).isEqualTo(Change.UPDATED);
    assertThat(connectors.config("zero-unreachable-sink"))
        .get()
        .satisfies(
            stored ->
                assertThat(stored).containsEntry("iceberg.control.commit.interval-ms", "2000"))
        .satisfies(stored -> assertThat(stored).containsEntry("name", "zero-unreachable-sink"));
    assertThatThrownBy(
            () -> connectors.awaitRunning("zero-unreachable-sink", Duration.ofSeconds(60)))
        .isInstanceOf(SandboxException.class)
        .hasMessageContaining("zero-unreachable-sink")
        .hasMessageContaining("failed");
    assertThat(connectors.delete("zero-unreachable-sink")).isTrue();
    assertThat(connectors.delete("zero-unreachable-sink")).isFalse();
    // Connect answers the DELETE before the status store has forgotten the connector
    Deadline.await(
        "connector 'zero-unreachable-sink' to be gone",
        Duration.ofSeconds(30),
        () ->
            connectors.status("zero-unreachable-sink").isEmpty()
                ? Optional.of(true)
                : Optional.empty(),
        () -> String.valueOf(connectors.status("zero-unreachable-sink")));
  }

  private static Schema stagingSchema() {
    return new Schema(
        Types.NestedField.optional(1, "id", Types.LongType.get()),
        Types.NestedField.optional(2, "balance", Types.DecimalType.of(12, 2)),
        Types.NestedField.optional(3, "name", Types.StringType.get()),
        Types.NestedField.optional(4, "active", Types.BooleanType.get()),
        Types.NestedField.optional(5, "born", Types.DateType.get()),
        Types.NestedField.optional(6, "updated_at", Types.TimestampType.withZone()),
        Types.NestedField.optional(7, "ref", Types.UUIDType.get()));
  }

  private static Map<String, String> sourceConfig() {
    var postgres = sandbox.postgres();
    Map<String, String> config = new TreeMap<>();
    config.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    config.put("tasks.max", "1");
    config.put("plugin.name", "pgoutput");
    config.put("database.hostname", postgres.host());
    config.put("database.port", String.valueOf(postgres.port()));
    config.put("database.user", postgres.user());
    config.put("database.password", postgres.password());
    config.put("database.dbname", "crm");
    config.put("topic.prefix", "zero.crm");
    config.put("table.include.list", "public.customers");
    config.put("slot.name", "zero_crm");
    config.put("publication.name", "zero_crm");
    config.put("publication.autocreate.mode", "filtered");
    config.put("time.precision.mode", "connect");
    config.put("decimal.handling.mode", "precise");
    config.put("tombstones.on.delete", "false");
    return config;
  }

  private static Map<String, String> sinkConfig() {
    Map<String, String> config = new TreeMap<>();
    config.put("connector.class", "org.apache.iceberg.connect.IcebergSinkConnector");
    config.put("tasks.max", "1");
    config.put("topics", TOPIC);
    config.put("transforms", "debezium");
    config.put(
        "transforms.debezium.type", "org.apache.iceberg.connect.transforms.DebeziumTransform");
    config.put("iceberg.tables", STAGING.toString());
    config.put("iceberg.tables.evolve-schema-enabled", "true");
    config.put("iceberg.control.topic", CONTROL_TOPIC);
    config.put("iceberg.control.commit.interval-ms", "1000");
    config.put("iceberg.kafka.bootstrap.servers", sandbox.bootstrapServers());
    // as generated for a REST catalog: the sink's catalog name is its default, unlike the MERGE's
    sandbox
        .restCatalogProperties()
        .forEach((key, value) -> config.put("iceberg.catalog." + key, value));
    return config;
  }

  private static void sql(String... statements) throws SQLException {
    var postgres = sandbox.postgres();
    try (Connection connection =
            DriverManager.getConnection(
                postgres.jdbcUrl("crm"), postgres.user(), postgres.password());
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static List<Record> awaitRows(Table table, int count, String what) {
    return Deadline.await(
        what + " in " + STAGING,
        ARRIVAL_LIMIT,
        () -> {
          List<Record> rows = read(table);
          return rows.size() >= count ? Optional.of(rows) : Optional.empty();
        },
        () ->
            read(table).size()
                + " rows so far; connectors: "
                + statuses()
                + "; log: "
                + sandbox.logFile());
  }

  private static String statuses() {
    ConnectClient connectors = sandbox.connectors();
    return connectors.list().stream()
        .map(name -> connectors.status(name).map(Object::toString).orElse(name + " gone"))
        .toList()
        .toString();
  }

  private static List<Record> read(Table table) {
    table.refresh();
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      records.forEach(record -> rows.add(record.copy()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (table.schema().findField("_cdc") == null) {
      return rows;
    }
    rows.sort(
        Comparator.comparing(
            row -> String.valueOf(((Record) row.getField("_cdc")).getField("offset"))));
    return rows;
  }

  private static String op(Record row) {
    return String.valueOf(((Record) row.getField("_cdc")).getField("op"));
  }

  private static Record only(List<Record> rows, long id, String op) {
    return rows.stream()
        .filter(row -> Long.valueOf(id).equals(row.getField("id")) && op.equals(op(row)))
        .reduce(
            (a, b) -> {
              throw new AssertionError("two '" + op + "' rows for id " + id);
            })
        .orElseThrow(() -> new AssertionError("no '" + op + "' row for id " + id + " in " + rows));
  }

  /** Timings for docs/performance.md, next to the surefire reports. */
  private static void writeMeasurements(
      Duration firstRows, Duration commitToStaging, Duration mergeTime) throws IOException {
    String peakRss =
        Files.readAllLines(Path.of("/proc/self/status")).stream()
            .filter(line -> line.startsWith("VmHWM:"))
            .findFirst()
            .orElse("VmHWM: unknown");
    String text =
        String.format(
            "sandbox start: %.1f s%nconnectors applied -> snapshot rows in staging: %.1f s%n"
                + "commit -> change rows in staging (commit interval 1 s): %.1f s%n"
                + "MERGE x2 in a child Spark JVM (start included): %.1f s%n%s%n",
            startTime.toMillis() / 1e3,
            firstRows.toMillis() / 1e3,
            commitToStaging.toMillis() / 1e3,
            mergeTime.toMillis() / 1e3,
            peakRss.replaceAll("\\s+", " "));
    System.out.print(text);
    Files.writeString(sandbox.workDir().resolve("measurements.txt"), text);
  }
}
