package dev.zdp.sandbox.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * A local Spark session with one Iceberg catalog, running Spark SQL files (the generated MERGE
 * jobs) statement by statement.
 */
public final class MergeJobs implements AutoCloseable {
  private final SparkSession spark;

  /** Each file's text when it last ran through without an error. */
  private final Map<Path, String> ranThrough = new java.util.concurrent.ConcurrentHashMap<>();

  private MergeJobs(SparkSession spark) {
    this.spark = spark;
  }

  /** One statement that ran, and how long it took. */
  public record Executed(String statement, Duration took) {
    public Executed {
      Objects.requireNonNull(statement, "statement");
      Objects.requireNonNull(took, "took");
    }
  }

  /**
   * Starts Spark in local mode with the Iceberg SQL extensions and catalog {@code catalogName}
   * configured from {@code catalogProperties} (Iceberg catalog properties, e.g. the sandbox's). It
   * is also the session's default catalog. Tables are not cached: every statement sees the
   * catalog's latest commit, also one another writer (the sink) made while the session ran.
   */
  public static MergeJobs start(
      String catalogName, Map<String, String> catalogProperties, Path workDir) {
    try {
      Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create Spark's work directory " + workDir, e);
    }
    String catalog = "spark.sql.catalog." + catalogName;
    SparkSession.Builder builder =
        SparkSession.builder()
            .master("local[2]")
            .appName("zdp-merge")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.local.dir", workDir.resolve("tmp").toAbsolutePath().toString())
            .config(
                "spark.sql.warehouse.dir",
                workDir.resolve("spark-warehouse").toAbsolutePath().toString())
            .config(
                "spark.sql.extensions",
                "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
            .config(catalog, "org.apache.iceberg.spark.SparkCatalog")
            // a long-lived session must see the sink's commits: no cached table metadata
            .config(catalog + ".cache-enabled", "false")
            .config("spark.sql.defaultCatalog", catalogName);
    catalogProperties.forEach((key, value) -> builder.config(catalog + "." + key, value));
    return new MergeJobs(builder.getOrCreate());
  }

  /**
   * Runs every statement of a SQL file in order; stops at the first that fails. A MERGE job file
   * that ran through before and has not changed since runs without its schema evolution ({@link
   * SqlScript#withoutEvolution}): the tables already have its columns.
   */
  public List<Executed> run(Path sqlFile) {
    String script;
    try {
      script = Files.readString(sqlFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read SQL file " + sqlFile, e);
    }
    Path key = sqlFile.toAbsolutePath().normalize();
    List<String> statements =
        script.equals(ranThrough.get(key))
            ? SqlScript.withoutEvolution(script)
                .map(List::of)
                .orElseGet(() -> SqlScript.statements(script))
            : SqlScript.statements(script);
    // a failed run (Spark's errors are unchecked here) runs the whole file next time
    ranThrough.remove(key);
    List<Executed> executed = new ArrayList<>();
    for (String statement : statements) {
      executed.add(execute(statement));
    }
    ranThrough.put(key, script);
    return executed;
  }

  /** Runs one statement (its result, if a query, is computed and dropped). */
  public Executed execute(String statement) {
    long started = System.nanoTime();
    spark.sql(statement).collectAsList();
    return new Executed(statement, Duration.ofNanos(System.nanoTime() - started));
  }

  /** The session, for queries of one's own. */
  public SparkSession session() {
    return spark;
  }

  @Override
  public void close() {
    spark.stop();
  }
}
