package dev.zdp.sandbox.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.Datastore;
import dev.zdp.model.Model;
import dev.zdp.sandbox.Change;
import dev.zdp.sandbox.Sandbox;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated artifacts make data flow: a model is generated, applied to the sandbox as Terraform
 * would apply it, and changes in PostgreSQL end up, after the generated MERGE jobs, as exactly the
 * source rows in the live corpus and as their full history in the forensic one. A model change
 * re-applied to the running stack starts capturing a new dataset without losing the others' place.
 */
class EndToEndTest {
  private static final Path MODEL = Path.of("src/test/resources/e2e/model");
  private static final Path MODEL_V2 = Path.of("src/test/resources/e2e/v2");
  private static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(90);
  private static final String ORDER_A = "0b6c9c9e-0000-4000-8000-00000000000a";
  private static final String ORDER_B = "0b6c9c9e-0000-4000-8000-00000000000b";
  private static final String ORDER_C = "0b6c9c9e-0000-4000-8000-00000000000c";

  private static Sandbox sandbox;
  private static final Map<String, Duration> measured = new java.util.LinkedHashMap<>();
  private static Catalog catalog;
  private static final long STARTED = System.nanoTime();

  @TempDir static Path work;

  @BeforeAll
  static void startSandbox() {
    Path workDir =
        Path.of(System.getProperty("zdp.sandbox.workdir", "target/sandbox-test") + "-e2e");
    long started = System.nanoTime();
    sandbox = Sandbox.start(workDir);
    measured.put("sandbox start", since(started));
    catalog =
        CatalogUtil.buildIcebergCatalog(Sandbox.CATALOG_NAME, sandbox.catalogProperties(), null);
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

  @Test
  void changesInPostgresEndUpAsTheSourceRowsInTheCorpusAndTheirHistoryInTheForensicTable()
      throws Exception {
    Path modelDir = copy(MODEL, work.resolve("model"));
    Model model = Deployment.load(modelDir);
    Deployment deployment =
        new Deployment(sandbox, work.resolve("out"), Optional.empty(), EndToEndTest::progress);
    Datastore crm = model.datastore("crm").orElseThrow();
    Datastore shop = model.datastore("shop").orElseThrow();

    // source tables from the model's schemas, rows there before the connectors start (snapshot)
    deployment.createSourceTables(model);
    SourceTables sources = deployment.sources();
    sources.run(
        crm,
        List.of(
            "INSERT INTO customers VALUES (1, 1234.50, 'Ada', true, DATE '1990-05-17',"
                + " TIMESTAMPTZ '2026-03-01 12:30:15.123456+00',"
                + " '7d0c6a50-3c0e-4b8e-9a8e-0c5c2b1f4a11')",
            "INSERT INTO customers VALUES (2, 0.99, 'Bob', false, NULL, NULL, NULL)"));
    sources.run(
        shop,
        List.of(
            order(ORDER_A, 1, "19.99", "new", "2026-03-02"),
            order(ORDER_B, 2, "5.00", "new", "2026-03-03")));

    progress("apply");
    long applying = System.nanoTime();
    ApplyReport first = deployment.apply(model);
    measured.put(
        "first apply (Spark start, staging DDL, 10 resources, capture streaming)", since(applying));
    progress("applied");
    assertThat(first.changes())
        .extracting(ResourceChange::toString)
        .containsExactlyInAnyOrder(
            "created topic zero.crm.public.customers",
            "created topic zero.crm.iceberg-control",
            "created topic zero.crm.public.zdp_signal",
            "created topic __debezium-heartbeat.zero.crm",
            "created topic zero.shop.public.orders",
            "created topic zero.shop.public.zdp_signal",
            "created topic zero.shop.iceberg-control",
            "created topic __debezium-heartbeat.zero.shop",
            "created connector zero-crm-source",
            "created connector zero-crm-sink",
            "created connector zero-shop-source",
            "created connector zero-shop-sink");
    assertThat(first.notes())
        .as("endpoints and credentials come in as variables; only literals are adjusted")
        .containsExactlyInAnyOrder(
            "topics: replication factor 3 -> 1 (the sandbox has one broker)",
            "zero-crm-source: captures from the sandbox's PostgreSQL at "
                + hostPort()
                + " instead of crm-db.internal:5432 (the host is not a Terraform variable)",
            "zero-shop-source: captures from the sandbox's PostgreSQL at "
                + hostPort()
                + " instead of shop-db.internal:5432 (the host is not a Terraform variable)");
    assertThat(sandbox.connectors().config("zero-shop-sink").orElseThrow())
        .containsEntry("iceberg.catalog", "zdp")
        .containsEntry("iceberg.catalog.uri", sandbox.restCatalogUri().toString())
        .containsEntry("iceberg.catalog.s3.endpoint", sandbox.s3().endpoint().toString())
        .containsEntry("iceberg.catalog.s3.access-key-id", sandbox.s3().accessKeyId())
        .containsEntry("iceberg.kafka.bootstrap.servers", sandbox.bootstrapServers());

    awaitRows("staging.crm__customers", 2);
    awaitRows("staging.shop__orders", 2);
    measured.put("apply started -> snapshot rows in staging", since(applying));
    progress("snapshot rows in staging");
    long merging = System.nanoTime();
    deployment.merge(1);
    measured.put("first MERGE run, 3 jobs, in the running Spark session", since(merging));

    // staging has the model's types because apply created it before the sinks started: Debezium's
    // ISO-8601 text is a timestamptz, its epoch milliseconds a timestamp, decimals keep their
    // precision; then the columns the sink's transforms add, and nothing else
    List<String> metadata =
        List.of(
            "__deleted string",
            "__op string",
            "__source_ts_ms long",
            "__source_lsn long",
            "__kafka_topic string",
            "__kafka_partition int",
            "__kafka_offset long",
            "__kafka_timestamp long");
    assertThat(columns("staging.crm__customers"))
        .containsExactlyElementsOf(
            concat(
                List.of(
                    "id long",
                    "balance decimal(12, 2)",
                    "name string",
                    "active boolean",
                    "born date",
                    "updated_at timestamptz",
                    "ref string"),
                metadata));
    assertThat(columns("staging.shop__orders"))
        .containsExactlyElementsOf(
            concat(
                List.of(
                    "id string",
                    "customer_id long",
                    "total decimal(10, 2)",
                    "quantity int",
                    "status string",
                    "paid boolean",
                    "ordered_on date",
                    "placed_at timestamptz",
                    "shipped_at timestamp"),
                metadata));
    Record ada =
        rows(table("staging.crm__customers")).stream()
            .filter(row -> Long.valueOf(1).equals(row.getField("id")))
            .findFirst()
            .orElseThrow();
    assertThat(ada.getField("updated_at"))
        .isEqualTo(OffsetDateTime.parse("2026-03-01T12:30:15.123456Z"));
    assertThat(ada.getField("balance")).isEqualTo(new BigDecimal("1234.50"));
    assertThat(ada.getField("born")).isEqualTo(java.time.LocalDate.parse("1990-05-17"));
    assertThat(ada.getField("ref")).isEqualTo("7d0c6a50-3c0e-4b8e-9a8e-0c5c2b1f4a11");
    assertThat(ada.getField("__op")).isEqualTo("r");
    Record stagedOrder =
        rows(table("staging.shop__orders")).stream()
            .filter(row -> ORDER_A.equals(row.getField("id")))
            .findFirst()
            .orElseThrow();
    assertThat(stagedOrder.getField("shipped_at"))
        .isEqualTo(java.time.LocalDateTime.parse("2026-03-02T11:00:00.250"));
    assertThat(stagedOrder.getField("placed_at"))
        .isEqualTo(OffsetDateTime.parse("2026-03-02T08:15:00Z"));

    // changes: insert, update, delete, in separate transactions
    long committing = System.nanoTime();
    sources.run(
        crm,
        List.of(
            "INSERT INTO customers VALUES (3, 10.00, 'Cy', true, DATE '2000-01-01',"
                + " TIMESTAMPTZ '2026-03-04 08:00:00+00', gen_random_uuid())",
            "UPDATE customers SET balance = 2000.25, name = 'Ada L.' WHERE id = 1",
            "DELETE FROM customers WHERE id = 2"));
    sources.run(
        shop,
        List.of(
            "UPDATE orders SET status = 'paid', paid = true, total = 21.50 WHERE id = '"
                + ORDER_A
                + "'",
            "DELETE FROM orders WHERE id = '" + ORDER_B + "'",
            order(ORDER_C, 3, "7.25", "new", "2026-03-05")));
    awaitRows("staging.crm__customers", 5);
    awaitRows("staging.shop__orders", 5);
    measured.put("commits -> change rows in staging (commit interval 1 s)", since(committing));
    progress("changes in staging");
    deployment.merge(1);
    measured.put("commits -> rows in the corpus (staging, then a MERGE run)", since(committing));
    assertThat(corpus("corpus.crm__customers")).isEqualTo(source(crm, "customers"));
    assertThat(corpus("corpus.shop__orders")).isEqualTo(source(shop, "orders"));

    // forensic: every version, batch_out of a version = batch_in of its successor
    List<Record> history = rows(table("corpus.shop__orders__history"));
    Map<String, List<String>> versions = new TreeMap<>();
    for (Record version : sorted(history, "batch_in")) {
      long out = (Long) version.getField("batch_out");
      versions
          .computeIfAbsent(String.valueOf(version.getField("id")), id -> new ArrayList<>())
          .add(version.getField("status") + (out == Long.MAX_VALUE ? " (current)" : " (closed)"));
    }
    assertThat(versions)
        .containsExactly(
            Map.entry(ORDER_A, List.of("new (closed)", "paid (current)")),
            Map.entry(ORDER_B, List.of("new (closed)")),
            Map.entry(ORDER_C, List.of("new (current)")));
    List<Record> orderA =
        sorted(
            history.stream().filter(r -> ORDER_A.equals(String.valueOf(r.getField("id")))).toList(),
            "batch_in");
    assertThat(orderA.get(0).getField("batch_out")).isEqualTo(orderA.get(1).getField("batch_in"));

    // the MERGE jobs give the corpus the same types
    assertThat(types("corpus.crm__customers"))
        .containsEntry("id", "long")
        .containsEntry("balance", "decimal(12, 2)")
        .containsEntry("name", "string")
        .containsEntry("active", "boolean")
        .containsEntry("born", "date")
        .containsEntry("updated_at", "timestamptz");
    assertThat(types("corpus.shop__orders"))
        .containsEntry("total", "decimal(10, 2)")
        .containsEntry("quantity", "int")
        .containsEntry("paid", "boolean")
        .containsEntry("ordered_on", "date")
        .containsEntry("placed_at", "timestamptz")
        .containsEntry("shipped_at", "timestamp");
    assertThat(types("corpus.shop__orders__history"))
        .containsEntry("total", "decimal(10, 2)")
        .containsEntry("placed_at", "timestamptz")
        .containsEntry("batch_in", "long")
        .containsEntry("batch_out", "long");

    List<String> shopLive = corpus("corpus.shop__orders");
    List<String> shopHistory = corpus("corpus.shop__orders__history");

    // the developer's loop: a MERGE run of what changed runs only the job of the staging table
    // that has new rows, and says so as soon as it ran
    List<Path> ran = new ArrayList<>();
    assertThat(deployment.mergeChanged(ran::add))
        .as("no staging table changed since the last run")
        .isEmpty();
    sources.run(crm, List.of(customer(4, "Dee")));
    awaitRows("staging.crm__customers", 6);
    assertThat(deployment.mergeChanged(ran::add))
        .singleElement()
        .asString()
        .startsWith("customers.sql: ");
    assertThat(ran)
        .extracting(job -> job.getFileName().toString())
        .containsExactly("customers.sql");
    assertThat(corpus("corpus.crm__customers")).isEqualTo(source(crm, "customers"));
    assertThat(corpus("corpus.shop__orders")).isEqualTo(shopLive);

    // a model change applied to the running stack: crm.addresses is sunk from now on
    Files.copy(
        MODEL_V2.resolve("workspaces.yaml"),
        modelDir.resolve("workspaces.yaml"),
        StandardCopyOption.REPLACE_EXISTING);
    Model v2 = Deployment.load(modelDir);
    deployment.createSourceTables(v2);
    long reapplying = System.nanoTime();
    ApplyReport second = deployment.apply(v2);
    measured.put("re-apply (new dataset) until its capture streams", since(reapplying));
    assertThat(second.changes())
        .filteredOn(change -> change.change() != Change.UNCHANGED)
        .extracting(ResourceChange::toString)
        .containsExactly(
            "created topic zero.crm.public.addresses",
            "updated connector zero-crm-source",
            "updated connector zero-crm-sink");
    sources.run(
        crm,
        List.of(
            customer(5, "Eve"),
            "INSERT INTO addresses VALUES (1, 1, 'Lyon')",
            "INSERT INTO addresses VALUES (2, 5, 'Oslo')"));
    // the re-apply asked for an incremental snapshot of addresses (empty when asked): it may also
    // read a row inserted meanwhile, so a row can be in staging twice (a read and the insert)
    awaitIds("staging.crm__addresses", List.of(1L, 2L));
    assertThat(columns("staging.crm__addresses"))
        .as("a dataset sunk later gets its typed staging table from the re-apply")
        .containsExactlyElementsOf(
            concat(List.of("id int", "customer_id long", "city string"), metadata));
    awaitRows("staging.crm__customers", 7);
    progress("rows after the re-apply in staging");
    assertThat(idsOf("staging.crm__customers"))
        .as("every change of customers exactly once: no snapshot again, none lost")
        .containsExactlyInAnyOrder(1L, 2L, 1L, 2L, 3L, 4L, 5L);
    deployment.merge(1);
    assertThat(corpus("corpus.crm__customers")).isEqualTo(source(crm, "customers"));
    assertThat(corpus("corpus.crm__addresses")).isEqualTo(source(crm, "addresses"));
    // shop's jobs ran a second time over unchanged staging rows: they changed nothing
    assertThat(corpus("corpus.shop__orders")).isEqualTo(shopLive);
    assertThat(corpus("corpus.shop__orders__history")).isEqualTo(shopHistory);

    // the same model again: nothing to change
    long unchanged = System.nanoTime();
    ApplyReport third = deployment.apply(v2);
    measured.put("unchanged re-apply", since(unchanged));
    assertThat(third.nothingChanged()).isTrue();
    assertThat(third.lines())
        .containsExactly("Apply: nothing to change (13 resources as generated already)");

    // a datastore no longer sunk: its connectors and topics go, the others stay
    Files.writeString(
        modelDir.resolve("workspaces.yaml"),
        Files.readString(modelDir.resolve("workspaces.yaml"))
            .replace("        - {datastore: shop, dataset: orders}\n", "")
            .replace(
                "      requirements: {milestoning: forensic}\n      sinks:\n",
                "      requirements: {milestoning: forensic}\n      sinks:\n        - {datastore: crm, dataset: customers}\n"));
    ApplyReport fourth = deployment.apply(Deployment.load(modelDir));
    assertThat(fourth.of(Change.DELETED))
        .extracting(ResourceChange::toString)
        .containsExactly(
            "deleted connector zero-shop-sink",
            "deleted connector zero-shop-source",
            "deleted topic __debezium-heartbeat.zero.shop",
            "deleted topic zero.shop.iceberg-control",
            "deleted topic zero.shop.public.orders",
            "deleted topic zero.shop.public.zdp_signal");
    assertThat(sandbox.connectors().list()).containsExactly("zero-crm-sink", "zero-crm-source");
    assertThat(sandbox.topics().list()).doesNotContain("zero.shop.public.orders");
    writeMeasurements();
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** Timings and peak memory for docs/performance.md, next to the sandbox's logs. */
  private static void writeMeasurements() throws IOException {
    StringBuilder text = new StringBuilder();
    measured.forEach(
        (what, took) -> text.append(String.format("%s: %.1f s%n", what, took.toMillis() / 1e3)));
    Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(line -> line.startsWith("VmHWM:"))
        .forEach(
            line ->
                text.append("test JVM peak RSS ")
                    .append(line.replaceAll("\\s+", " "))
                    .append('\n'));
    System.out.print(text);
    Files.writeString(sandbox.workDir().resolve("measurements.txt"), text);
  }

  private static void progress(String line) {
    System.out.printf("[%5.1f s] %s%n", (System.nanoTime() - STARTED) / 1e9, line);
  }

  private static String order(String id, int customer, String total, String status, String on) {
    return "INSERT INTO orders VALUES ('"
        + id
        + "', "
        + customer
        + ", "
        + total
        + ", 2, '"
        + status
        + "', false, DATE '"
        + on
        + "', TIMESTAMPTZ '"
        + on
        + " 10:15:00+02', TIMESTAMP '"
        + on
        + " 11:00:00.250')";
  }

  private static String customer(int id, String name) {
    return "INSERT INTO customers VALUES ("
        + id
        + ", 1.00, '"
        + name
        + "', true, DATE '2001-02-03', NOW(), gen_random_uuid())";
  }

  private static String hostPort() {
    return sandbox.postgres().host() + ":" + sandbox.postgres().port();
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

  private static Table table(String name) {
    return catalog.loadTable(TableIdentifier.parse(name));
  }

  private static void awaitRows(String name, long count) {
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
              "Timed out after "
                  + ARRIVAL_LIMIT.toSeconds()
                  + " s waiting for "
                  + count
                  + " rows in "
                  + name
                  + ": "
                  + rows.map(String::valueOf).orElse("no table")
                  + " so far; connectors "
                  + statuses()
                  + "; log "
                  + sandbox.logFile());
        }
        Thread.sleep(250);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Waits until the staging table holds every one of {@code ids}, and no other id. */
  private static void awaitIds(String name, List<Long> ids) throws InterruptedException {
    long end = System.nanoTime() + ARRIVAL_LIMIT.toNanos();
    List<Long> distinct = List.of();
    while (System.nanoTime() < end) {
      try (IcebergTables tables = new IcebergTables(sandbox)) {
        if (tables.rows(name).orElse(0L) > 0) {
          distinct = idsOf(name).stream().distinct().sorted().toList();
          if (distinct.containsAll(ids)) {
            break;
          }
        }
      }
      Thread.sleep(250);
    }
    assertThat(distinct).as("ids in %s", name).containsExactlyElementsOf(ids);
  }

  private static String statuses() {
    var connectors = sandbox.connectors();
    return connectors.list().stream()
        .map(name -> connectors.status(name).map(Object::toString).orElse(name + " gone"))
        .toList()
        .toString();
  }

  private static List<Record> rows(Table table) {
    table.refresh();
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      records.forEach(record -> rows.add(record.copy()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return rows;
  }

  private static List<Record> sorted(List<Record> rows, String field) {
    return rows.stream().sorted(Comparator.comparing(row -> (Long) row.getField(field))).toList();
  }

  private static List<Long> idsOf(String name) {
    return rows(table(name)).stream()
        .map(row -> ((Number) row.getField("id")).longValue())
        .toList();
  }

  /** The table's columns in order, each as {@code name type}. */
  private static List<String> columns(String name) {
    return table(name).schema().columns().stream().map(c -> c.name() + " " + c.type()).toList();
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  private static Map<String, String> types(String name) {
    Map<String, String> types = new TreeMap<>();
    table(name).schema().columns().forEach(c -> types.put(c.name(), c.type().toString()));
    return types;
  }

  /** The corpus table's rows, model columns only, as comparable text, sorted. */
  private static List<String> corpus(String name) {
    Table table = table(name);
    List<String> columns =
        table.schema().columns().stream()
            .map(Types.NestedField::name)
            .filter(column -> !column.startsWith("_zdp_"))
            .toList();
    return rows(table).stream()
        .map(row -> String.join("|", columns.stream().map(c -> text(row.getField(c))).toList()))
        .sorted()
        .toList();
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
              switch (meta.getColumnTypeName(i)) {
                case "timestamptz" -> result.getObject(i, OffsetDateTime.class);
                case "timestamp" -> result.getObject(i, java.time.LocalDateTime.class);
                case "date" -> result.getObject(i, java.time.LocalDate.class);
                default -> result.getObject(i);
              };
          values.add(text(value));
        }
        rows.add(String.join("|", values));
      }
    }
    rows.sort(null);
    return rows;
  }

  private static String text(Object value) {
    if (value instanceof OffsetDateTime time) {
      return time.toInstant().toString();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Temporal || value == null) {
      return String.valueOf(value);
    }
    return value.toString();
  }
}
