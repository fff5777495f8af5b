package dev.zdp.sandbox.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MERGE job shape on a JDBC Iceberg catalog: the corpus ends up holding exactly the latest
 * version of every live source row, and running the job again changes nothing.
 */
class MergeJobsTest {
  private static final Path MERGE = Path.of("src/test/resources/merge/crm_customers.sql");

  private static EmbeddedPostgres postgres;
  private static MergeJobs jobs;
  private static long sessionStart;

  @BeforeAll
  static void start() throws Exception {
    Path workDir = Path.of(System.getProperty("zdp.spark.workdir", "target/spark-test"));
    Files.createDirectories(workDir);
    postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    Map<String, String> catalog = JdbcCatalogs.in(postgres, workDir);
    long started = System.nanoTime();
    jobs = MergeJobs.start("zero", catalog, workDir);
    sessionStart = System.nanoTime() - started;
    jobs.execute("CREATE NAMESPACE IF NOT EXISTS zero.staging");
    jobs.execute("CREATE NAMESPACE IF NOT EXISTS zero.corpus");
    jobs.execute(
        "CREATE TABLE zero.staging.crm_customers (id BIGINT, balance DECIMAL(12,2), name STRING,"
            + " born DATE, updated_at TIMESTAMP, _cdc STRUCT<op: STRING, ts: TIMESTAMP,"
            + " offset: BIGINT, source: STRING, target: STRING>) USING iceberg");
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

  @Test
  void latestChangePerKeyWinsDeletesRemoveAndARerunChangesNothing() {
    stage(
        change(1, "10.50", "Ada", "I", "10:00:00", 0),
        change(2, "20.00", "Bob", "I", "10:00:00", 1),
        change(2, "21.00", "Bob B.", "U", "10:00:05", 2),
        change(3, "30.00", "Cy", "I", "10:00:00", 3),
        change(3, null, null, "D", "10:00:09", 4),
        // same source time: the later offset wins
        change(1, "11.50", "Ada L.", "U", "10:00:07", 5),
        change(1, "12.50", "Ada Lovelace", "U", "10:00:07", 6));

    long started = System.nanoTime();
    jobs.run(MERGE);
    long firstMerge = System.nanoTime() - started;
    List<String> first = corpus();
    assertThat(first)
        .containsExactly(
            "1|12.50|Ada Lovelace|1990-05-17|2026-03-01 10:00:07",
            "2|21.00|Bob B.|1990-05-17|2026-03-01 10:00:05");

    started = System.nanoTime();
    jobs.run(MERGE);
    long secondMerge = System.nanoTime() - started;
    assertThat(corpus()).as("a second run over the same staging rows").isEqualTo(first);
    assertThat(rowsChangedByLastCommit()).as("rows written by the second run").isZero();

    stage(
        change(3, "33.00", "Cy again", "I", "11:00:00", 7),
        change(1, null, null, "D", "11:00:01", 8),
        change(2, "22.00", "Bob C.", "U", "11:00:02", 9));
    jobs.run(MERGE);
    assertThat(corpus())
        .containsExactly(
            "2|22.00|Bob C.|1990-05-17|2026-03-01 11:00:02",
            "3|33.00|Cy again|1990-05-17|2026-03-01 11:00:00");

    System.out.printf(
        "first merge %.1f s, re-run %.1f s, session start %.1f s, %s%n",
        firstMerge / 1e9, secondMerge / 1e9, sessionStart / 1e9, peakRss());
    assertThat(
            jobs.session()
                .table("zero.corpus.crm_customers")
                .schema()
                .apply("balance")
                .dataType()
                .sql())
        .isEqualTo("DECIMAL(12,2)");
    assertThat(
            jobs.session()
                .table("zero.corpus.crm_customers")
                .schema()
                .apply("born")
                .dataType()
                .sql())
        .isEqualTo("DATE");
  }

  private static String peakRss() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(line -> line.startsWith("VmHWM:"))
          .findFirst()
          .orElse("VmHWM: unknown")
          .replaceAll("\\s+", " ");
    } catch (java.io.IOException e) {
      return "VmHWM: unreadable";
    }
  }

  private static String change(
      long id, String balance, String name, String op, String time, long offset) {
    String value =
        balance == null ? "CAST(NULL AS DECIMAL(12,2))" : "CAST(" + balance + " AS DECIMAL(12,2))";
    String born = balance == null ? "CAST(NULL AS DATE)" : "DATE '1990-05-17'";
    String updatedAt =
        balance == null ? "CAST(NULL AS TIMESTAMP)" : "TIMESTAMP '2026-03-01 " + time + "'";
    return String.format(
        "(%d, %s, %s, %s, %s, named_struct('op', '%s', 'ts', TIMESTAMP '2026-03-01 %s',"
            + " 'offset', CAST(%d AS BIGINT), 'source', 'crm.public.customers', 'target',"
            + " 'staging.crm_customers'))",
        id,
        value,
        name == null ? "CAST(NULL AS STRING)" : "'" + name + "'",
        born,
        updatedAt,
        op,
        time,
        offset);
  }

  private static void stage(String... rows) {
    jobs.execute("INSERT INTO zero.staging.crm_customers VALUES " + String.join(", ", rows));
  }

  private static List<String> corpus() {
    return jobs
        .session()
        .sql(
            "SELECT concat_ws('|', id, balance, name, born, date_format(updated_at, 'yyyy-MM-dd HH:mm:ss'))"
                + " FROM zero.corpus.crm_customers ORDER BY id")
        .collectAsList()
        .stream()
        .map(row -> row.getString(0))
        .toList();
  }

  private static long rowsChangedByLastCommit() {
    Row summary =
        jobs.session()
            .sql(
                "SELECT summary FROM zero.corpus.crm_customers.snapshots ORDER BY committed_at DESC LIMIT 1")
            .first();
    Map<String, String> values = summary.getJavaMap(0);
    return Long.parseLong(values.getOrDefault("added-records", "0"))
        + Long.parseLong(values.getOrDefault("deleted-records", "0"))
        + Long.parseLong(values.getOrDefault("added-position-deletes", "0"));
  }
}
