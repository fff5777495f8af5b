package dev.zdp.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Zero stack on one machine, from Maven artifacts only: PostgreSQL with logical decoding, a
 * single-node KRaft Kafka broker, a Kafka Connect worker (distributed mode) with the Debezium
 * PostgreSQL source and the Apache Iceberg sink, an S3-compatible store, and an Iceberg catalog: a
 * JDBC catalog kept in the same PostgreSQL, also served as a REST catalog. Everything but the S3
 * store and Spark (one session for staging DDL and MERGE jobs, started when first used) runs in
 * this JVM.
 *
 * <p>{@link #start(Path)} starts a fresh stack under a work directory (its previous data is wiped);
 * {@link #close()} stops it in reverse order, and so does Ctrl-C. Components log to {@code
 * <workDir>/logs/}; progress goes to the console.
 */
public final class Sandbox implements AutoCloseable {
  /** The database the Iceberg JDBC catalog keeps its tables in. */
  public static final String CATALOG_DATABASE = "iceberg_catalog";

  /**
   * The JDBC catalog's name: a client of the JDBC catalog must use it to see the tables created
   * through the REST catalog (the JDBC catalog keys tables by catalog name; REST clients may name
   * their catalog anything).
   */
  public static final String CATALOG_NAME = "sandbox";

  private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

  private static final Duration MERGE_LIMIT = Duration.ofMinutes(10);

  private final Path workDir;
  private final SandboxLayout layout;
  private final Consumer<String> progress;
  private final Deque<Running> running = new ArrayDeque<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread shutdownHook;
  private PostgresService postgres;
  private String bootstrapServers;
  private URI connectUrl;
  private S3Endpoint s3;
  private URI restCatalogUri;
  private TopicAdmin topics;
  private SparkSqlRunner spark;

  private record Running(String name, AutoCloseable service) {}

  private Sandbox(Path workDir, SandboxLayout layout, Consumer<String> progress) {
    this.workDir = workDir;
    this.layout = layout;
    this.progress = progress;
    this.shutdownHook = new Thread(this::stopFromHook, "zdp-sandbox-shutdown");
  }

  /** Starts the sandbox under {@code workDir} with the build's layout, progress to the console. */
  public static Sandbox start(Path workDir) {
    return start(workDir, SandboxLayout.fromSystemProperties(), line -> System.out.println(line));
  }

  /**
   * Starts the sandbox.
   *
   * @param workDir where data and logs go; wiped of a previous sandbox's data first
   * @param layout where the Connect plugins and the S3 store's jars are
   * @param progress receives one line per step (component ready, with its address and time)
   * @throws SandboxException when a component cannot start (what has started is stopped again)
   */
  public static Sandbox start(Path workDir, SandboxLayout layout, Consumer<String> progress) {
    return start(workDir, layout, progress, new Options(false, Optional.empty()));
  }

  /**
   * How {@code zdp sandbox} starts the stack.
   *
   * @param verbose the components log at DEBUG, else at INFO (see {@link SandboxLogging})
   * @param sparkCatalog when present, Spark's session for this catalog starts in the background as
   *     soon as the catalog serves, instead of at the first SQL file
   */
  public record Options(boolean verbose, Optional<String> sparkCatalog) {}

  /**
   * Starts the sandbox as {@link #start(Path, SandboxLayout, Consumer)} does, with {@code options}.
   */
  public static Sandbox start(
      Path workDir, SandboxLayout layout, Consumer<String> progress, Options options) {
    boolean verbose = options.verbose();
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(progress, "progress");
    layout.check();
    Path logs = freshDirectory(workDir, "logs");
    SandboxLogging.toFile(logs.resolve("sandbox.log"), verbose);
    Leftovers.stop(workDir, progress);
    wipePreviousData(workDir);
    // AWS SDK 2.39 checksums that s3proxy does not understand; only when the user has not chosen
    setIfAbsent("aws.requestChecksumCalculation", "WHEN_REQUIRED");
    setIfAbsent("aws.responseChecksumValidation", "WHEN_REQUIRED");

    Sandbox sandbox = new Sandbox(workDir, layout, progress);
    Runtime.getRuntime().addShutdownHook(sandbox.shutdownHook);
    long started = System.nanoTime();
    try {
      sandbox.postgres =
          sandbox.step(
              "PostgreSQL",
              () ->
                  PostgresService.start(workDir.resolve("postgres"), logs.resolve("postgres.log")),
              service -> "jdbc:postgresql://127.0.0.1:" + service.endpoint().port());
      sandbox.postgres.createDatabase(CATALOG_DATABASE);
      S3ProxyService s3 =
          sandbox.step(
              "S3 store",
              () ->
                  S3ProxyService.start(
                      layout.s3proxyClasspath(),
                      workDir.resolve("s3"),
                      logs.resolve("s3proxy.log"),
                      SandboxLogging.logbackFor(
                          workDir.resolve("s3proxy-logback.xml"),
                          logs.resolve("s3proxy.log"),
                          verbose)),
              service -> service.endpoint().endpoint() + " (bucket " + S3ProxyService.BUCKET + ")");
      sandbox.s3 = s3.endpoint();
      RestCatalogServer rest =
          sandbox.step(
              "Iceberg REST catalog",
              () -> RestCatalogServer.start(CATALOG_NAME, sandbox.catalogProperties()),
              service -> service.uri().toString());
      sandbox.restCatalogUri = rest.uri();
      // Spark starts with the first SQL file, or now in the background (its start takes longest)
      sandbox.spark =
          new SparkSqlRunner(
              layout.sparkClasspath(),
              sandbox.restCatalogProperties(),
              workDir.resolve("spark"),
              logs.resolve("spark.log"),
              SandboxLogging.log4j2For(
                  workDir.resolve("spark-log4j2.properties"), logs.resolve("spark.log"), verbose));
      sandbox.running.push(new Running("Spark", sandbox.spark));
      options
          .sparkCatalog()
          .ifPresent(catalog -> sandbox.spark.warmUpInBackground(catalog, MERGE_LIMIT));
      KafkaService kafka =
          sandbox.step(
              "Kafka",
              () -> KafkaService.start(workDir.resolve("kafka")),
              KafkaService::bootstrapServers);
      sandbox.bootstrapServers = kafka.bootstrapServers();
      ConnectService connect =
          sandbox.step(
              "Kafka Connect",
              () -> ConnectService.start(sandbox.bootstrapServers, layout.pluginPath()),
              service -> service.url().toString());
      sandbox.connectUrl = connect.url();
      sandbox.topics =
          sandbox.step(
              "Kafka admin client", () -> TopicAdmin.connect(sandbox.bootstrapServers), t -> "");
    } catch (RuntimeException e) {
      progress.accept("Sandbox failed to start: " + e.getMessage() + " (logs: " + logs + ")");
      sandbox.close();
      throw e;
    }
    progress.accept(
        String.format(
            "Sandbox ready in %.1f s; logs in %s", (System.nanoTime() - started) / 1e9, logs));
    return sandbox;
  }

  /** The work directory. */
  public Path workDir() {
    return workDir;
  }

  /** The file all in-JVM components log to. */
  public Path logFile() {
    return workDir.resolve("logs").resolve("sandbox.log");
  }

  /** The PostgreSQL server (sources and the Iceberg catalog). */
  public PostgresEndpoint postgres() {
    return postgres.endpoint();
  }

  /** Creates a database on the PostgreSQL server unless it exists (e.g. one per datastore). */
  public void createDatabase(String name) {
    postgres.createDatabase(name);
  }

  /** Kafka's bootstrap servers ({@code host:port}, plaintext). */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Kafka Connect's REST URL. */
  public URI connectUrl() {
    return connectUrl;
  }

  /** The S3-compatible store. */
  public S3Endpoint s3() {
    return s3;
  }

  /**
   * Iceberg catalog properties (as {@code CatalogUtil.buildIcebergCatalog} takes them; prefix them
   * with {@code iceberg.catalog.} for the sink): a JDBC catalog in database {@value
   * #CATALOG_DATABASE} with S3FileIO on the sandbox's store. Every writer and reader must also use
   * the same catalog name: the JDBC catalog keys its tables by it.
   */
  public Map<String, String> catalogProperties() {
    Map<String, String> properties = new TreeMap<>();
    properties.put("catalog-impl", "org.apache.iceberg.jdbc.JdbcCatalog");
    properties.put("uri", postgres().jdbcUrl(CATALOG_DATABASE));
    properties.put("jdbc.user", postgres().user());
    properties.put("jdbc.password", postgres().password());
    properties.put("warehouse", s3.warehouse());
    properties.put("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
    properties.put("s3.endpoint", s3.endpoint().toString());
    properties.put("s3.path-style-access", "true");
    properties.put("s3.access-key-id", s3.accessKeyId());
    properties.put("s3.secret-access-key", s3.secretAccessKey());
    properties.put("s3.chunked-encoding-enabled", "false");
    properties.put("client.region", s3.region());
    // the JDK's HTTP client for readers with few jars; the sink's plugin directory also has
    // apache5-client, Iceberg 1.12's default, so generated configs that do not name one work
    properties.put("http-client.type", "urlconnection");
    return properties;
  }

  /** The Iceberg REST catalog's URI (it serves the JDBC catalog's tables). */
  public URI restCatalogUri() {
    return restCatalogUri;
  }

  /**
   * Iceberg catalog properties for the REST catalog ({@code type=rest}) with S3FileIO on the
   * sandbox's store: what artifacts generated for a {@code rest} catalog name, with the sandbox's
   * endpoints and credentials. Any catalog name works with these.
   */
  public Map<String, String> restCatalogProperties() {
    Map<String, String> properties = new TreeMap<>();
    properties.put("type", "rest");
    properties.put("uri", restCatalogUri.toString());
    properties.put("warehouse", s3.warehouse());
    properties.put("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
    properties.put("s3.endpoint", s3.endpoint().toString());
    properties.put("s3.path-style-access", "true");
    properties.put("s3.access-key-id", s3.accessKeyId());
    properties.put("s3.secret-access-key", s3.secretAccessKey());
    properties.put("client.region", s3.region());
    return properties;
  }

  /** A client for the Connect worker's REST API. */
  public ConnectClient connectors() {
    return new ConnectClient(connectUrl);
  }

  /** The Kafka Admin API (closed with the sandbox). */
  public TopicAdmin topics() {
    return topics;
  }

  /** What one MERGE job file did: its summary line, or Spark's error on one line. */
  public record MergeResult(Path file, String summary, java.util.Optional<String> error) {}

  /**
   * Runs MERGE job files (Spark SQL) in order in the sandbox's Spark session (see {@link #runSql}),
   * each on its own: a file that fails does not stop the files after it. Each file's summary line
   * (or its failure) goes to the progress output, then the run's time.
   *
   * @return one result per file, in order
   * @throws SandboxException only when Spark cannot start, dies or takes too long
   */
  public List<MergeResult> runMerge(String catalogName, List<Path> sqlFiles) {
    return runMerge(catalogName, sqlFiles, result -> {});
  }

  /**
   * Runs MERGE job files as {@link #runMerge(String, List)} does, handing each file's result to
   * {@code afterEach} as soon as the file ran (so its corpus table can be shown before the next
   * file runs).
   */
  public List<MergeResult> runMerge(
      String catalogName, List<Path> sqlFiles, Consumer<MergeResult> afterEach) {
    if (closed.get()) {
      throw new SandboxException("The sandbox is stopped: cannot run " + sqlFiles);
    }
    long started = System.nanoTime();
    List<MergeResult> results = new java.util.ArrayList<>();
    for (Path file : sqlFiles) {
      for (SparkSqlRunner.FileResult result :
          spark.runEach(catalogName, List.of(file), MERGE_LIMIT)) {
        MergeResult merged = new MergeResult(result.file(), result.summary(), result.error());
        results.add(merged);
        progress.accept(
            result.error().isPresent()
                ? "  merge " + result.file().getFileName() + " FAILED: " + result.error().get()
                : "  merge " + result.summary());
        afterEach.accept(merged);
      }
    }
    progress.accept(
        String.format("MERGE jobs done in %.1f s", (System.nanoTime() - started) / 1e9));
    return results;
  }

  /**
   * Runs one Spark SQL query in the sandbox's Spark session, whose default catalog is {@code
   * catalogName}, and returns the result as tab-separated lines with a header row.
   *
   * @throws SandboxException when the query fails: Spark's message on one line
   */
  public String query(String catalogName, String sql) {
    if (closed.get()) {
      throw new SandboxException("The sandbox is stopped: cannot run a query");
    }
    try {
      return spark.query(catalogName, sql, MERGE_LIMIT);
    } catch (SandboxException e) {
      String message = e.getMessage();
      if (message.startsWith(SparkSqlRunner.QUERY_FAILED)) {
        throw new QueryFailedException(message.substring(SparkSqlRunner.QUERY_FAILED.length()));
      }
      throw e;
    }
  }

  /** A query that Spark ran and rejected (as opposed to Spark not running). */
  public static final class QueryFailedException extends SandboxException {
    private static final long serialVersionUID = 1L;

    QueryFailedException(String message) {
      super(message);
    }
  }

  /**
   * Adds something to stop with the sandbox, before everything started so far (e.g. files that say
   * the sandbox runs, a server in front of it); also stopped by Ctrl-C.
   */
  public void onStop(String name, AutoCloseable service) {
    running.push(new Running(name, service));
  }

  /**
   * Runs Spark SQL files in order in the sandbox's one Spark session (local mode, in a child JVM,
   * started by the first call: ~10-20 s; later files pay only their own statements), against this
   * sandbox's REST catalog under the name {@code catalogName}, the files' default catalog.
   *
   * @return one line per file: {@code <file>: N statement(s) in T s}
   * @throws SandboxException when a file fails, with Spark's error and where its log is
   */
  public List<String> runSql(String catalogName, List<Path> sqlFiles) {
    if (closed.get()) {
      throw new SandboxException("The sandbox is stopped: cannot run " + sqlFiles);
    }
    return spark.run(catalogName, sqlFiles, MERGE_LIMIT);
  }

  /** True once the sandbox is stopping or stopped (by {@link #close()} or Ctrl-C). */
  public boolean stopped() {
    return closed.get();
  }

  /** Stops every component, last started first; safe to call twice. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or about to: it finds everything stopped
    }
  }

  private void stopFromHook() {
    if (!closed.get()) {
      progress.accept("Stopping the sandbox...");
    }
    stop();
  }

  private void stop() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    while (!running.isEmpty()) {
      Running component = running.pop();
      long started = System.nanoTime();
      try {
        component.service().close();
        LOG.info(
            "Stopped {} in {} ms", component.name(), (System.nanoTime() - started) / 1_000_000);
      } catch (Exception e) {
        LOG.warn("Stopping {} failed", component.name(), e);
        progress.accept("Stopping " + component.name() + " failed: " + e.getMessage());
      }
    }
    progress.accept("Sandbox stopped; " + WorkDirectory.size(workDir));
  }

  private <T extends AutoCloseable> T step(
      String name, Supplier<T> starter, Function<T, String> address) {
    long started = System.nanoTime();
    T service = starter.get();
    running.push(new Running(name, service));
    String where = address.apply(service);
    String line =
        String.format(
            "  %-18s ready%s (%.1f s)",
            name, where.isEmpty() ? "" : " at " + where, (System.nanoTime() - started) / 1e9);
    LOG.info(line.strip());
    progress.accept(line);
    return service;
  }

  /** An empty directory {@code name} under {@code workDir}. */
  private static Path freshDirectory(Path workDir, String name) {
    try {
      Path directory = workDir.resolve(name);
      deleteRecursively(directory);
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the sandbox work directory " + workDir, e);
    }
  }

  /** Deletes what a previous sandbox kept under {@code workDir}: every start is a fresh stack. */
  private static void wipePreviousData(Path workDir) {
    try {
      for (String previous :
          new String[] {"postgres", "kafka", "s3", "s3proxy.properties", "s3proxy.pid", "spark"}) {
        deleteRecursively(workDir.resolve(previous));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the sandbox work directory " + workDir, e);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
