package dev.zdp.sandbox.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.Datastore;
import dev.zdp.model.Model;
import dev.zdp.sandbox.Sandbox;
import dev.zdp.sandbox.cli.SandboxMain;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every change the gate accepts reaches the running pipeline with nothing but the model and the
 * source database touched: one stack, the changes applied in sequence to the running sandbox, rows
 * written before and after each, and the corpus (live and history) compared by values with the
 * source rows. Covers: a nullable column added with the model first and with the source first,
 * {@code integer → bigint} with a value above 2^31, a decimal's precision widened, a varchar
 * widened, a consumer removed, and a forensic consumer added to a dataset already live.
 */
class SchemaEvolutionTest {
  private static final Path BASE = Path.of("src/test/resources/evolution/base");
  private static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(90);
  private static final List<String> COLUMNS = List.of("id", "qty", "price", "label", "note", "tag");

  private static Sandbox sandbox;
  private static Catalog catalog;

  @TempDir static Path work;

  @BeforeAll
  static void startSandbox() {
    Path workDir =
        Path.of(System.getProperty("zdp.sandbox.workdir", "target/sandbox-test") + "-evolution");
    sandbox = Sandbox.start(workDir);
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
      assertThat(sandbox.workDir().resolve("sandbox.json")).as("removed on stop").doesNotExist();
      assertThat(sandbox.workDir().resolve("sandbox.tfvars")).doesNotExist();
    }
  }

  @Test
  void acceptedChangesReachTheRunningCorpusWhicheverSideChangesFirst() throws Exception {
    Path modelDir = copy(BASE, work.resolve("model"));
    Model model = Deployment.load(modelDir);
    Deployment deployment =
        new Deployment(sandbox, work.resolve("out"), Optional.empty(), System.out::println);
    Datastore inv = model.datastore("inv").orElseThrow();
    SourceTables sources = deployment.sources();

    // the base model running with rows
    deployment.createSourceTables(model);
    deployment.apply(model);
    sources.run(
        inv,
        List.of(
            "INSERT INTO items VALUES (1, 10, 1.50, 'bolt')",
            "INSERT INTO items VALUES (2, 20, 2.50, 'nut')"));
    awaitRows("staging.inv__items", 2);
    deployment.merge(1);
    assertThat(corpus("corpus.inv__items")).isEqualTo(source(inv));

    // the model first: a nullable column, integer -> bigint, decimal(10,2) -> decimal(14,2),
    // varchar(20) -> varchar(40); and one of the two consumers removed
    edit(
        modelDir.resolve("inv.yaml"),
        Map.of(
            "{name: qty, type: integer}", "{name: qty, type: bigint}",
            "\"decimal(10,2)\"", "\"decimal(14,2)\"",
            "varchar(20)}", "varchar(40)}\n        - {name: note, type: text}"));
    String workspaces = Files.readString(modelDir.resolve("workspaces.yaml"));
    Files.writeString(
        modelDir.resolve("workspaces.yaml"), workspaces.substring(0, workspaces.indexOf("---")));
    deployment.apply(Deployment.load(modelDir));
    sources.run(inv, List.of("INSERT INTO items VALUES (3, 30, 3.50, 'washer')"));
    awaitRows("staging.inv__items", 3);
    deployment.merge(1);
    assertThat(corpus("corpus.inv__items"))
        .as("a column the source does not have yet reads as NULL")
        .isEqualTo(source(inv));
    assertThat(types("corpus.inv__items"))
        .containsEntry("qty", "long")
        .containsEntry("price", "decimal(14, 2)")
        .containsEntry("note", "string");

    // then the source: its values flow, also those beyond the old types
    sources.run(
        inv,
        List.of(
            "ALTER TABLE items ADD COLUMN note text",
            "ALTER TABLE items ALTER COLUMN qty TYPE bigint",
            "ALTER TABLE items ALTER COLUMN price TYPE numeric(14,2)",
            "ALTER TABLE items ALTER COLUMN label TYPE varchar(40)",
            "INSERT INTO items VALUES (4, 3000000000, 123456789012.34,"
                + " 'a label of thirty characters!!', 'fourth')",
            "UPDATE items SET note = 'first' WHERE id = 1"));
    awaitRows("staging.inv__items", 5);
    deployment.merge(1);
    assertThat(corpus("corpus.inv__items")).isEqualTo(source(inv));
    assertThat(corpus("corpus.inv__items"))
        .contains("4|3000000000|123456789012.34|a label of thirty characters!!|fourth|null");

    // the source first: a column the model does not name yet is ignored...
    sources.run(
        inv,
        List.of(
            "ALTER TABLE items ADD COLUMN tag text",
            "UPDATE items SET tag = 'two' WHERE id = 2",
            "INSERT INTO items VALUES (5, 50, 5.50, 'pin', NULL, 'five')"));
    awaitRows("staging.inv__items", 7);
    deployment.merge(1);
    assertThat(corpus("corpus.inv__items")).isEqualTo(source(inv, "tag"));

    // ...until the model names it: the values sent before flow too; and a forensic consumer is
    // added to the dataset already live
    edit(
        modelDir.resolve("inv.yaml"),
        Map.of(
            "{name: note, type: text}",
            "{name: note, type: text}\n        - {name: tag, type: text}"));
    Files.writeString(
        modelDir.resolve("workspaces.yaml"),
        Files.readString(modelDir.resolve("workspaces.yaml"))
            + """
            ---
            apiVersion: zdp/v1
            kind: Workspace
            metadata:
              name: audit
              team: analysts
            spec:
              datasetGroups:
                - name: trail
                  platform: zero
                  requirements: {milestoning: forensic}
                  sinks:
                    - {datastore: inv, dataset: items}
            """);
    deployment.apply(Deployment.load(modelDir));
    deployment.merge(1);
    assertThat(corpus("corpus.inv__items"))
        .as("values the source sent before the model named the column are filled in")
        .isEqualTo(source(inv))
        .contains("2|20|2.50|nut|null|two", "5|50|5.50|pin|null|five");
    assertThat(history("corpus.inv__items__history"))
        .as("a forensic consumer added to a live dataset starts from the current rows")
        .isEqualTo(source(inv).stream().map(row -> row + " current").toList());

    // and both follow what happens next
    sources.run(inv, List.of("UPDATE items SET tag = 'one', qty = 11 WHERE id = 1"));
    awaitRows("staging.inv__items", 8);
    deployment.merge(1);
    assertThat(corpus("corpus.inv__items")).isEqualTo(source(inv));
    List<String> history = history("corpus.inv__items__history");
    assertThat(history)
        .containsExactly(
            "1|10|1.50|bolt|first|null closed",
            "1|11|1.50|bolt|first|one current",
            "2|20|2.50|nut|null|two current",
            "3|30|3.50|washer|null|null current",
            "4|3000000000|123456789012.34|a label of thirty characters!!|fourth|null current",
            "5|50|5.50|pin|null|five current");

    // zdp sandbox query: the same rows through the running sandbox's Spark session
    assertThat(Files.exists(sandbox.workDir().resolve("sandbox.json"))).isFalse();
    SandboxMain.publish(sandbox, Deployment.load(modelDir));
    assertThat(Files.readString(sandbox.workDir().resolve("sandbox.tfvars")))
        .contains("connect_url = \"" + sandbox.connectUrl() + "\"")
        .contains("inv_db_password = \"" + sandbox.postgres().password() + "\"");
    String endpoints = Files.readString(sandbox.workDir().resolve("sandbox.json"));
    assertThat(endpoints)
        .contains("\"port\" : " + sandbox.postgres().port())
        .contains("\"bootstrapServers\" : \"" + sandbox.bootstrapServers() + "\"")
        .contains("\"uri\" : \"" + sandbox.restCatalogUri() + "\"");
    String[] query = {
      "--work-dir",
      sandbox.workDir().toString(),
      "SELECT id, qty, tag FROM corpus.inv__items ORDER BY id"
    };
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    assertThat(SandboxMain.query(query, new java.io.PrintStream(out), new java.io.PrintStream(err)))
        .as("%s", err)
        .isZero();
    assertThat(out.toString())
        .isEqualTo(
            "id\tqty\ttag\n1\t11\tone\n2\t20\ttwo\n3\t30\tNULL\n4\t3000000000\tNULL\n"
                + "5\t50\tfive\n");
    err.reset();
    query[2] = "SELECT nope FROM corpus.inv__items";
    assertThat(SandboxMain.query(query, new java.io.PrintStream(out), new java.io.PrintStream(err)))
        .isEqualTo(1);
    assertThat(err.toString()).contains("UNRESOLVED_COLUMN").doesNotContain("\tat ");
    assertThat(err.toString().strip().lines()).hasSize(1);
    query[1] = work.resolve("nowhere").toString();
    assertThat(SandboxMain.query(query, new java.io.PrintStream(out), new java.io.PrintStream(err)))
        .isEqualTo(2);

    // a second run over the same rows changes nothing
    deployment.merge(1);
    assertThat(history("corpus.inv__items__history")).isEqualTo(history);
    assertThat(corpus("corpus.inv__items")).isEqualTo(source(inv));
  }

  private static void edit(Path file, Map<String, String> replacements) throws IOException {
    String text = Files.readString(file);
    for (Map.Entry<String, String> replacement : replacements.entrySet()) {
      assertThat(text).contains(replacement.getKey());
      text = text.replace(replacement.getKey(), replacement.getValue());
    }
    Files.writeString(file, text);
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
              "Timed out waiting for " + count + " rows in " + name + ": " + rows + " so far");
        }
        Thread.sleep(250);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static Table table(String name) {
    Table table = catalog.loadTable(TableIdentifier.parse(name));
    table.refresh();
    return table;
  }

  private static List<Record> rows(Table table) {
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      records.forEach(record -> rows.add(record.copy()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return rows;
  }

  private static Map<String, String> types(String name) {
    Map<String, String> types = new TreeMap<>();
    table(name).schema().columns().forEach(c -> types.put(c.name(), c.type().toString()));
    return types;
  }

  /** A row's values of {@link #COLUMNS}, {@code null} for a column the table does not have. */
  private static String line(java.util.function.Function<String, Object> value) {
    return String.join("|", COLUMNS.stream().map(c -> text(value.apply(c))).toList());
  }

  /** The live corpus table's rows as comparable text, sorted. */
  private static List<String> corpus(String name) {
    Table table = table(name);
    return rows(table).stream()
        .map(row -> line(c -> table.schema().findField(c) == null ? null : row.getField(c)))
        .sorted()
        .toList();
  }

  /** The history's versions as comparable text, each marked current or closed, sorted. */
  private static List<String> history(String name) {
    Table table = table(name);
    return rows(table).stream()
        .map(
            row ->
                line(c -> table.schema().findField(c) == null ? null : row.getField(c))
                    + ((Long) row.getField("batch_out") == Long.MAX_VALUE ? " current" : " closed"))
        .sorted()
        .toList();
  }

  /** The source rows as the same text, sorted; {@code hidden} columns read as null. */
  private static List<String> source(Datastore datastore, String... hidden) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = new SourceTables(sandbox).connect(datastore);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM items")) {
      List<String> present = new ArrayList<>();
      for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
        present.add(result.getMetaData().getColumnName(i));
      }
      present.removeAll(List.of(hidden));
      while (result.next()) {
        Map<String, Object> values = new TreeMap<>();
        for (String column : present) {
          values.put(column, result.getObject(column));
        }
        rows.add(line(values::get));
      }
    }
    rows.sort(null);
    return rows;
  }

  private static String text(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return String.valueOf(value);
  }
}
