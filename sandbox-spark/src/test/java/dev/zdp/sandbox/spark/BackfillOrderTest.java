package dev.zdp.sandbox.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated MERGE jobs (the example model's {@code shop.orders}, live and forensic, kept byte
 * for byte by the generator's StagingTablesGoldenTest) order changes by their place in the Kafka
 * log, not by the source commit time: an incremental snapshot's read event carries the time
 * Debezium emitted it, later than the source time of an update or delete it streamed after it when
 * streaming lagged. The update must win and the delete must remove the row (live) or close its
 * version (forensic), in one run and across two; the forensic milestones never run backwards.
 */
class BackfillOrderTest {
  private static final Path GENERATED =
      Path.of("..", "generator", "src", "test", "resources", "golden", "acme", "zero");
  private static final Path LIVE = GENERATED.resolve("merge/shop/orders.sql");
  private static final Path FORENSIC = GENERATED.resolve("merge/shop/orders.forensic.sql");
  private static final String OPEN = "9223372036854775807";

  /**
   * Reads emitted after the high watermark, at source and Kafka time 5000, then an update (source
   * 4000) and a delete (source 4100) of two of their keys, committed earlier but after them in the
   * log.
   */
  private static final String[] SNAPSHOT_READS_THEN_EARLIER_CHANGES = {
    change("a", "new", "r", 5000, 5000, 10),
    change("a", "paid", "u", 4000, 5001, 11),
    change("b", "new", "r", 5000, 5000, 12),
    change("b", null, "d", 4100, 5002, 13),
    change("c", "new", "r", 5000, 5000, 14),
    change("d", "new", "r", 5000, 5000, 15)
  };

  /** A later run's update and delete of c and d, also committed before the reads were emitted. */
  private static final String[] NEXT_RUN_OF_EARLIER_CHANGES = {
    change("c", "paid", "u", 4200, 5003, 16), change("d", null, "d", 4300, 5004, 17)
  };

  private static EmbeddedPostgres postgres;
  private static MergeJobs jobs;

  @BeforeAll
  static void start() throws Exception {
    Path workDir = Path.of(System.getProperty("zdp.spark.workdir", "target/spark-test") + "-order");
    Files.createDirectories(workDir);
    postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    Map<String, String> catalog = JdbcCatalogs.in(postgres, workDir);
    jobs = MergeJobs.start("zero", catalog, workDir);
    jobs.execute("CREATE NAMESPACE IF NOT EXISTS corpus");
  }

  @AfterAll
  static void stop() throws Exception {
    if (jobs != null) {
      jobs.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  /** Every test starts from empty staging and corpus tables. */
  @BeforeEach
  void emptyTables() {
    for (String table :
        List.of(
            "staging.shop__orders",
            "corpus.shop__orders",
            "corpus.shop__orders__history",
            "corpus._zdp_merge_watermarks")) {
      jobs.execute("DROP TABLE IF EXISTS " + table + " PURGE");
    }
    jobs.run(GENERATED.resolve("staging/shop.sql"));
  }

  @Test
  void aChangeStreamedAfterASnapshotReadWinsThoughItsSourceTimeIsEarlier() {
    stage(SNAPSHOT_READS_THEN_EARLIER_CHANGES);
    jobs.run(LIVE);
    assertThat(live()).containsExactly("a|paid", "c|new", "d|new");

    // the next run: the snapshot rows are in the corpus already
    stage(NEXT_RUN_OF_EARLIER_CHANGES);
    jobs.run(LIVE);
    List<String> merged = live();
    assertThat(merged).containsExactly("a|paid", "c|paid");

    jobs.run(LIVE);
    assertThat(live()).as("a second run over the same staging rows").isEqualTo(merged);
  }

  @Test
  void forensicVersionsFollowTheKafkaLogAndTheirMilestonesNeverRunBackwards() throws IOException {
    stage(SNAPSHOT_READS_THEN_EARLIER_CHANGES);
    runWhole(FORENSIC);
    // one run keeps the latest change per key: the update, from its own source time; b's delete
    // leaves no version
    assertThat(history()).containsExactly("a|paid|4000|open", "c|new|5000|open", "d|new|5000|open");

    // the next run: c's and d's reads are current versions already; the update and the delete
    // supersede them (later in the log) and start where the read did, not before it
    stage(NEXT_RUN_OF_EARLIER_CHANGES);
    runWhole(FORENSIC);
    List<String> merged = history();
    assertThat(merged)
        .containsExactly(
            "a|paid|4000|open", "c|new|5000|5000", "c|paid|5000|open", "d|new|5000|5000");
    assertThat(backwards()).isZero();
    assertThat(overlapping()).isZero();
    assertThat(asOf(5000)).containsExactly("a|paid", "c|paid");

    runWhole(FORENSIC);
    assertThat(history()).as("a second run over the same staging rows").isEqualTo(merged);

    // a column the corpus table lost (as if the model added it later) is filled in from the change
    // each version came from, also for c's update, whose batch_in is the read's time, not its own
    jobs.execute("ALTER TABLE corpus.shop__orders__history DROP COLUMN currency");
    runWhole(FORENSIC);
    assertThat(number("SELECT count(*) FROM corpus.shop__orders__history WHERE currency = 'EUR'"))
        .isEqualTo(4);
    assertThat(history()).isEqualTo(merged);
  }

  @Test
  void aKeyInsertedAgainAfterADeleteStartsNoEarlierThanItsLastVersionEnded() throws IOException {
    // e exists since 1000; a re-snapshot reads it, emitted at 5000; a delete (committed 4100) and
    // an insert (committed 4200) were streamed after the read, each merged by a run of its own
    stage(change("e", "new", "c", 1000, 1000, 1));
    runWhole(FORENSIC);
    stage(change("e", "new", "r", 5000, 5000, 2));
    runWhole(FORENSIC);
    assertThat(history()).containsExactly("e|new|1000|5000", "e|new|5000|open");
    stage(change("e", null, "d", 4100, 5001, 3));
    runWhole(FORENSIC);
    stage(change("e", "back", "c", 4200, 5002, 4));
    runWhole(FORENSIC);

    // the insert starts where the versions before it ended, not at 4200, inside the first one's
    List<String> merged = history();
    assertThat(merged).containsExactly("e|new|1000|5000", "e|new|5000|5000", "e|back|5000|open");
    assertThat(overlapping()).isZero();
    assertThat(asOf(4500)).containsExactly("e|new");
    assertThat(asOf(5000)).containsExactly("e|back");
    runWhole(FORENSIC);
    assertThat(history()).as("a second run over the same staging rows").isEqualTo(merged);
  }

  @Test
  void aForensicTableAnOlderZdpWroteGainsTheKafkaColumnsAndKeepsItsHistory() throws IOException {
    // the tables as zdp wrote them before it kept Kafka positions: no Kafka columns, no Kafka
    // watermark; and no currency column yet (the model added it since)
    jobs.execute(
        "CREATE TABLE corpus._zdp_merge_watermarks (`job` STRING NOT NULL,"
            + " `source_ts_ms` BIGINT NOT NULL) USING iceberg");
    jobs.execute(
        "INSERT INTO corpus._zdp_merge_watermarks VALUES ('zero.shop.orders.forensic', 1000)");
    jobs.execute(
        "CREATE TABLE corpus.shop__orders__history (`id` STRING NOT NULL,"
            + " `customer_id` BIGINT NOT NULL, `status` STRING NOT NULL,"
            + " `total` DECIMAL(12,2) NOT NULL, `placed_at` TIMESTAMP NOT NULL,"
            + " `ordered_on` DATE, `batch_in` BIGINT NOT NULL, `batch_out` BIGINT NOT NULL,"
            + " `_zdp_kafka_offset` BIGINT NOT NULL) USING iceberg");
    jobs.execute(
        "INSERT INTO corpus.shop__orders__history VALUES ('e', 7, 'new', 12.50,"
            + " TIMESTAMP '2026-01-01 00:00:00', NULL, 900, 1000, 1),"
            + " ('e', 7, 'packed', 12.50, TIMESTAMP '2026-01-01 00:00:00', NULL, 1000, "
            + OPEN
            + ", 2)");
    stage(
        change("e", "new", "c", 900, 900, 1),
        change("e", "packed", "u", 1000, 1000, 2),
        change("e", "paid", "u", 2000, 2000, 3));
    runWhole(FORENSIC);

    List<String> merged = history();
    assertThat(merged).containsExactly("e|new|900|1000", "e|packed|1000|2000", "e|paid|2000|open");
    assertThat(
            jobs
                .session()
                .sql(
                    "SELECT concat_ws('|', batch_in, currency, coalesce(_zdp_kafka_topic, '-'))"
                        + " FROM corpus.shop__orders__history ORDER BY batch_in")
                .collectAsList()
                .stream()
                .map(row -> row.getString(0))
                .toList())
        .as("old versions filled in by batch_in and offset; the new one with its Kafka position")
        .containsExactly("900|EUR|-", "1000|EUR|-", "2000|EUR|shop.sales.orders");
    runWhole(FORENSIC);
    assertThat(history()).as("a second run over the same staging rows").isEqualTo(merged);
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

  private static void stage(String... rows) {
    jobs.execute("INSERT INTO staging.shop__orders VALUES " + String.join(", ", rows));
  }

  /**
   * Runs every statement of a generated file, as {@code spark-sql -f} does ({@link MergeJobs#run}
   * leaves out the schema evolution of a file it ran before).
   */
  private static void runWhole(Path file) throws IOException {
    for (String statement : SqlScript.statements(Files.readString(file))) {
      jobs.execute(statement);
    }
  }

  private static List<String> live() {
    return strings("SELECT concat_ws('|', id, status) FROM corpus.shop__orders ORDER BY id");
  }

  /** Every version: key, status, batch_in, batch_out ("open" while current). */
  private static List<String> history() {
    return strings(
        "SELECT concat_ws('|', id, status, batch_in, CASE WHEN batch_out = "
            + OPEN
            + " THEN 'open' ELSE CAST(batch_out AS STRING) END)"
            + " FROM corpus.shop__orders__history ORDER BY id, batch_in, _zdp_kafka_offset");
  }

  /** The versions a user querying "as of" {@code time} sees. */
  private static List<String> asOf(long time) {
    return strings(
        "SELECT concat_ws('|', id, status) FROM corpus.shop__orders__history WHERE batch_in <= "
            + time
            + " AND "
            + time
            + " < batch_out ORDER BY id");
  }

  private static long backwards() {
    return number("SELECT count(*) FROM corpus.shop__orders__history WHERE batch_out < batch_in");
  }

  /** Pairs of versions of one key whose intervals share a time: an "as of" query sees both. */
  private static long overlapping() {
    return number(
        "SELECT count(*) FROM corpus.shop__orders__history AS a"
            + " JOIN corpus.shop__orders__history AS b ON a.id = b.id"
            + " AND a._zdp_kafka_offset < b._zdp_kafka_offset"
            + " AND a.batch_in < b.batch_out AND b.batch_in < a.batch_out");
  }

  /** The one number {@code query} gives. */
  private static long number(String query) {
    return jobs.session().sql(query).first().getLong(0);
  }

  private static List<String> strings(String query) {
    return jobs.session().sql(query).collectAsList().stream().map(row -> row.getString(0)).toList();
  }
}
