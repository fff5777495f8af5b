package dev.zdp.sandbox.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The generated live MERGE job (the example model's {@code shop.orders}, kept byte for byte by the
 * generator's StagingTablesGoldenTest) orders changes by their place in the Kafka log, not by the
 * source commit time: an incremental snapshot's read event carries the time Debezium emitted it,
 * later than the source time of an update or delete it streamed after it when streaming lagged. The
 * update must win and the delete must remove the row, in one run and across two.
 */
class BackfillOrderTest {
  private static final Path GENERATED =
      Path.of("..", "generator", "src", "test", "resources", "golden", "acme", "zero");

  @Test
  void aChangeStreamedAfterASnapshotReadWinsThoughItsSourceTimeIsEarlier() throws Exception {
    Path workDir = Path.of(System.getProperty("zdp.spark.workdir", "target/spark-test") + "-order");
    Files.createDirectories(workDir);
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE iceberg_catalog");
      }
      Map<String, String> catalog = new TreeMap<>();
      catalog.put("catalog-impl", "org.apache.iceberg.jdbc.JdbcCatalog");
      catalog.put("uri", postgres.getJdbcUrl("postgres", "iceberg_catalog"));
      catalog.put("jdbc.user", "postgres");
      catalog.put("jdbc.password", "postgres");
      catalog.put("warehouse", workDir.resolve("warehouse").toAbsolutePath().toUri().toString());
      try (MergeJobs jobs = MergeJobs.start("zero", catalog, workDir)) {
        jobs.execute("CREATE NAMESPACE IF NOT EXISTS corpus");
        jobs.run(GENERATED.resolve("staging/shop.sql"));
        Path live = GENERATED.resolve("merge/shop/orders.sql");

        // read at source time 5000 but emitted after the high watermark, at Kafka time 5000; the
        // update (source 4000) and delete (source 4100) come after them in the log
        stage(
            jobs,
            change("a", "new", "r", 5000, 5000, 10),
            change("a", "paid", "u", 4000, 5001, 11),
            change("b", "new", "r", 5000, 5000, 12),
            change("b", null, "d", 4100, 5002, 13),
            change("c", "new", "r", 5000, 5000, 14),
            change("d", "new", "r", 5000, 5000, 15));
        jobs.run(live);
        assertThat(corpus(jobs)).containsExactly("a|paid", "c|new", "d|new");

        // the next run: the snapshot rows are in the corpus already
        stage(
            jobs, change("c", "paid", "u", 4200, 5003, 16), change("d", null, "d", 4300, 5004, 17));
        jobs.run(live);
        List<String> merged = corpus(jobs);
        assertThat(merged).containsExactly("a|paid", "c|paid");

        jobs.run(live);
        assertThat(corpus(jobs)).as("a second run over the same staging rows").isEqualTo(merged);
      }
    }
  }

  /** One staging row of {@code shop.orders} (a delete carries only the key) on partition 0. */
  private static String change(
      String id, String status, String op, long sourceTs, long kafkaTs, long offset) {
    boolean delete = status == null;
    return String.format(
        "('%s', %s, %s, %s, %s, %s, NULL, NULL, '%s', %d, NULL, 'shop.sales.orders', 0, %d, %d)",
        id,
        delete ? "NULL" : "7",
        delete ? "NULL" : "'" + status + "'",
        delete ? "NULL" : "12.50",
        delete ? "NULL" : "'EUR'",
        delete ? "NULL" : "TIMESTAMP '2026-01-01 00:00:00'",
        op,
        sourceTs,
        offset,
        kafkaTs);
  }

  private static void stage(MergeJobs jobs, String... rows) {
    jobs.execute("INSERT INTO staging.shop__orders VALUES " + String.join(", ", rows));
  }

  private static List<String> corpus(MergeJobs jobs) {
    return jobs
        .session()
        .sql("SELECT concat_ws('|', id, status) FROM corpus.shop__orders ORDER BY id")
        .collectAsList()
        .stream()
        .map(row -> row.getString(0))
        .toList();
  }
}
