package dev.zdp.sandbox.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.generator.zero.SnapshotSignal;
import dev.zdp.model.Datastore;
import dev.zdp.model.Model;
import dev.zdp.model.platform.zero.ZeroNames;
import dev.zdp.sandbox.Change;
import dev.zdp.sandbox.Sandbox;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset added to a running capture arrives with the rows its table already had: the re-apply
 * sends Debezium an incremental snapshot signal for exactly that table, the other tables of the
 * datastore are not read again, rows updated while the snapshot runs end with their latest values,
 * a signal sent twice snapshots once, and a re-snapshot on demand re-reads one table without
 * changing the corpus.
 */
class BackfillEndToEndTest {
  private static final Path MODEL = Path.of("src/test/resources/backfill/model");
  private static final Path MODEL_V2 = Path.of("src/test/resources/backfill/v2");
  private static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(120);

  /** Rows in orders before its dataset is sunk: enough that updates overlap the snapshot. */
  private static final int ORDERS = 3000;

  /** The order a transaction open across the snapshot's read changes. */
  private static final long HELD_ORDER = 42;

  private static final long STARTED = System.nanoTime();
  private static Sandbox sandbox;
  private static Catalog catalog;

  @TempDir static Path work;

  @BeforeAll
  static void startSandbox() {
    sandbox =
        Sandbox.start(
            Path.of(
                System.getProperty("zdp.sandbox.workdir", "target/sandbox-test") + "-backfill"));
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
  void aDatasetAddedToARunningCaptureArrivesWithItsExistingRows() throws Exception {
    Path modelDir = copy(MODEL, work.resolve("model"));
    Model v1 = Deployment.load(modelDir);
    Deployment deployment =
        new Deployment(sandbox, work.resolve("out"), Optional.empty(), BackfillEndToEndTest::log);
    Datastore crm = v1.datastore("crm").orElseThrow();
    SourceTables sources = deployment.sources();

    // a running capture of customers; orders exists in PostgreSQL with rows, not yet captured
    deployment.createSourceTables(v1);
    sources.run(crm, List.of(customer(1, "Ada"), customer(2, "Bob")));
    sources.run(
        crm,
        List.of(
            "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL,"
                + " status varchar(20) NOT NULL, total numeric(10,2) NOT NULL)",
            "INSERT INTO orders SELECT n, n % 7, 'new', n * 1.25 FROM generate_series(1, "
                + ORDERS
                + ") AS n"));
    ApplyReport first = deployment.apply(v1);
    assertThat(first.changes())
        .extracting(ResourceChange::toString)
        .contains("created topic zero.crm.public.zdp_signal");
    assertThat(deployment.signals()).as("a new capture snapshots by itself").isEmpty();
    awaitRows("staging.crm__customers", 2);
    sources.run(crm, List.of(customer(3, "Cy")));
    awaitRows("staging.crm__customers", 3);
    assertThat(sandbox.connectors().config("zero-crm-source").orElseThrow())
        .containsEntry("snapshot.mode", "initial")
        .containsEntry("signal.data.collection", "public.zdp_signal");

    // the model change: orders is sunk from now on, applied to the running stack
    Files.copy(
        MODEL_V2.resolve("workspaces.yaml"),
        modelDir.resolve("workspaces.yaml"),
        StandardCopyOption.REPLACE_EXISTING);
    Model v2 = Deployment.load(modelDir);
    assertThat(deployment.createSourceTables(v2)).as("orders exists already").isEmpty();
    // a transaction that changes one row before the snapshot reads it and commits after: the
    // snapshot reads the old value, and the change, arriving later, must win
    Connection held = sources.connect(crm);
    held.setAutoCommit(false);
    try (Statement statement = held.createStatement()) {
      statement.executeUpdate(
          "UPDATE orders SET status = 'held', total = 0.42 WHERE id = " + HELD_ORDER);
    }
    ApplyReport second = deployment.apply(v2);
    assertThat(second.changes())
        .filteredOn(change -> change.change() != Change.UNCHANGED)
        .extracting(ResourceChange::toString)
        .containsExactly(
            "created topic zero.crm.public.orders",
            "updated connector zero-crm-source",
            "updated connector zero-crm-sink");
    assertThat(deployment.signals())
        .extracting(SnapshotSignal::tables)
        .as("exactly the added table")
        .containsExactly(List.of("public.orders"));
    long signalled = System.nanoTime();

    // rows updated, inserted and deleted while the incremental snapshot runs
    for (int round = 0; round < 10; round++) {
      sources.run(
          crm,
          List.of(
              "UPDATE orders SET status = 'paid"
                  + round
                  + "', total = total + 1"
                  + " WHERE id % 97 = "
                  + round,
              "UPDATE orders SET status = 'late' WHERE id = " + (ORDERS - round),
              "INSERT INTO orders VALUES (" + (ORDERS + 1 + round) + ", 1, 'new', 9.99)",
              "DELETE FROM orders WHERE id = " + (100 + round)));
    }
    sources.run(crm, List.of(customer(4, "Dee")));
    awaitRead("staging.crm__orders", HELD_ORDER);
    held.commit();
    held.close();
    awaitCorpus(deployment, crm, "orders");
    assertThat(corpus("corpus.crm__orders"))
        .as("the change committed after the snapshot read its row")
        .contains(HELD_ORDER + "|" + (HELD_ORDER % 7) + "|held|0.42");
    log(
        String.format(
            "backfill of %d rows with concurrent changes in the corpus after %.1f s",
            ORDERS, (System.nanoTime() - signalled) / 1e9));
    assertThat(corpus("corpus.crm__orders")).hasSize(ORDERS);
    awaitRows("staging.crm__customers", 4);
    assertThat(ids("staging.crm__customers"))
        .as("customers was not read again: each change exactly once")
        .containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    deployment.merge(1);
    assertThat(corpus("corpus.crm__customers")).isEqualTo(source(crm, "customers"));

    // the same signal again (a deploy re-run): nothing is snapshotted again
    long staged = rowCount("staging.crm__orders");
    SnapshotSignal sent = deployment.signals().get(0);
    try (Connection connection = sources.connect(crm);
        Statement statement = connection.createStatement()) {
      assertThat(statement.executeUpdate(sent.sql())).as("the signal is kept once").isZero();
    }

    // re-snapshot on demand, once per key: staging gets every row again, the corpus is unchanged
    sources.run(crm, List.of("UPDATE orders SET status = 'after' WHERE id = 7"));
    assertThat(deployment.resnapshot("crm", "orders", "TICKET-1")).isTrue();
    assertThat(deployment.resnapshot("crm", "orders", "TICKET-1")).isFalse();
    awaitRows("staging.crm__orders", staged + 1 + ORDERS);
    awaitCorpus(deployment, crm, "orders");
    assertThat(rowCount("staging.crm__orders"))
        .as("one update and one read of each row; the second request with the same key did nothing")
        .isEqualTo(staged + 1 + ORDERS);
  }

  /** Merges until the corpus holds exactly the source rows (values compared), or fails. */
  private void awaitCorpus(Deployment deployment, Datastore crm, String table) throws Exception {
    long end = System.nanoTime() + ARRIVAL_LIMIT.toNanos();
    List<String> expected = source(crm, table);
    List<String> actual = List.of();
    while (System.nanoTime() < end) {
      awaitQuiet("staging.crm__" + table);
      deployment.merge(1);
      actual = corpus("corpus.crm__" + table);
      if (actual.equals(expected)) {
        return;
      }
    }
    assertThat(actual).as("corpus.crm__%s after %s", table, ARRIVAL_LIMIT).isEqualTo(expected);
  }

  /** Waits until the staging table has rows and their count stays the same for 4 s. */
  private static void awaitQuiet(String name) throws InterruptedException {
    long end = System.nanoTime() + ARRIVAL_LIMIT.toNanos();
    long last = -1;
    int quiet = 0;
    while (quiet < 8 && System.nanoTime() < end) {
      Thread.sleep(500);
      long now = rowCount(name);
      quiet = now > 0 && now == last ? quiet + 1 : 0;
      last = now;
    }
  }

  /** Waits until the incremental snapshot's read of row {@code id} is in the staging table. */
  private static void awaitRead(String name, long id) throws InterruptedException {
    long end = System.nanoTime() + ARRIVAL_LIMIT.toNanos();
    while (System.nanoTime() < end) {
      if (rows(name).stream()
          .anyMatch(
              row ->
                  ((Number) row.getField("id")).longValue() == id
                      && "r".equals(row.getField(ZeroNames.STAGING_OP)))) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "no snapshot read of id " + id + " in " + name + " after " + ARRIVAL_LIMIT);
  }

  private static long rowCount(String name) {
    try (IcebergTables tables = new IcebergTables(sandbox)) {
      return tables.rows(name).orElse(0L);
    }
  }

  private static void awaitRows(String name, long count) throws InterruptedException {
    long end = System.nanoTime() + ARRIVAL_LIMIT.toNanos();
    long rows = rowCount(name);
    while (rows < count && System.nanoTime() < end) {
      Thread.sleep(250);
      rows = rowCount(name);
    }
    assertThat(rows).as("rows in %s (log %s)", name, sandbox.logFile()).isEqualTo(count);
  }

  private static String customer(int id, String name) {
    return "INSERT INTO customers VALUES (" + id + ", '" + name + "')";
  }

  private static void log(String line) {
    System.out.printf("[%5.1f s] %s%n", (System.nanoTime() - STARTED) / 1e9, line);
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

  private static List<Record> rows(String name) {
    Table table = catalog.loadTable(TableIdentifier.parse(name));
    table.refresh();
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      records.forEach(record -> rows.add(record.copy()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return rows;
  }

  private static List<Long> ids(String name) {
    return rows(name).stream().map(row -> ((Number) row.getField("id")).longValue()).toList();
  }

  /** The corpus table's rows, model columns in model order, as sorted text. */
  private static List<String> corpus(String name) {
    Table table = catalog.loadTable(TableIdentifier.parse(name));
    List<String> columns =
        table.schema().columns().stream()
            .map(column -> column.name())
            .filter(column -> !column.startsWith("_zdp_"))
            .toList();
    return rows(name).stream()
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
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(text(result.getObject(i)));
        }
        rows.add(String.join("|", values));
      }
    }
    rows.sort(null);
    return rows;
  }

  private static String text(Object value) {
    return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
  }
}
