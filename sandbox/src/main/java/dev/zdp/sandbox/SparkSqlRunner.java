package dev.zdp.sandbox;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One long-lived Spark session in a child JVM ({@code dev.zdp.sandbox.spark.MergeMain --serve} from
 * the {@code sandbox-spark} module; Spark's class path cannot share this JVM with the Connect
 * worker), started at the first file and fed Spark SQL files (staging DDL, MERGE jobs) one at a
 * time over its standard input. Paying Spark's start once instead of per run is what makes a MERGE
 * run take seconds. The child stops when this runner is closed, or by itself when this JVM dies
 * (its input ends).
 */
final class SparkSqlRunner implements AutoCloseable {
  private static final String MAIN = "dev.zdp.sandbox.spark.MergeMain";
  private static final String READY = "ready";
  private static final String DONE = "done ";
  private static final String FAILED = "failed ";
  private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

  /** Spark's own module openings (its JavaModuleOptions), which Spark needs on Java 17. */
  static final List<String> JVM_OPTIONS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "-Djdk.reflect.useDirectMethodHandle=false",
          "-Dio.netty.tryReflectionSetAccessible=true");

  private final String classpath;
  private final Map<String, String> catalogProperties;
  private final Path workDir;
  private final Path logFile;
  private final Path logConfig;
  private Process process;
  private String catalogName;
  private BufferedWriter requests;
  private BlockingQueue<Optional<String>> answers;

  /**
   * @param classpath the runner's class path ({@code sandbox-spark} and Spark)
   * @param catalogProperties the Iceberg catalog's properties (the sandbox's REST catalog)
   * @param workDir Spark's scratch directory
   * @param logFile Spark's log (its standard error, nearly empty, goes beside it)
   * @param logConfig the log4j2 configuration that sends Spark's log there
   */
  SparkSqlRunner(
      String classpath,
      Map<String, String> catalogProperties,
      Path workDir,
      Path logFile,
      Path logConfig) {
    this.classpath = classpath;
    this.logConfig = logConfig;
    this.catalogProperties = Map.copyOf(catalogProperties);
    this.workDir = workDir;
    this.logFile = logFile;
  }

  /**
   * Runs the files in order in the session, whose default catalog is {@code catalogName} (a session
   * of another catalog name is stopped first).
   *
   * @return one line per file: {@code <file>: N statement(s) in T s}
   * @throws SandboxException when a file fails (the session stays for the next call), or when the
   *     session cannot start, dies, or {@code limit} passes (it is stopped; the next call starts
   *     another)
   */
  synchronized List<String> run(String catalogName, List<Path> sqlFiles, Duration limit) {
    List<String> summary = new ArrayList<>();
    for (FileResult result : runEach(catalogName, sqlFiles, limit)) {
      if (result.error().isPresent()) {
        throw new SandboxException(
            "Spark SQL file "
                + result.file().getFileName()
                + " failed: "
                + result.error().get()
                + " (the file: "
                + result.file()
                + "; Spark's log: "
                + logFile
                + ")");
      }
      summary.add(result.summary());
    }
    return summary;
  }

  /**
   * What one file did: its summary line ({@code <file>: N statement(s) in T s}), or Spark's error
   * on one line.
   */
  record FileResult(Path file, String summary, Optional<String> error) {}

  /**
   * Runs every file in order, also those after one that failed (a failing file does not stop the
   * others), in the session whose default catalog is {@code catalogName}.
   *
   * @throws SandboxException only when the session cannot start, dies, or {@code limit} passes
   */
  synchronized List<FileResult> runEach(String catalogName, List<Path> sqlFiles, Duration limit) {
    long end = System.nanoTime() + limit.toNanos();
    ensureStarted(catalogName, end);
    List<FileResult> results = new ArrayList<>();
    for (Path file : sqlFiles) {
      String answer = request(file.toAbsolutePath().toString(), end, file);
      if (answer.startsWith(FAILED)) {
        String error = answer.substring(FAILED.length());
        results.add(
            new FileResult(file, "", Optional.of(error.substring(error.indexOf(": ") + 2))));
      } else {
        results.add(
            new FileResult(
                file,
                answer.startsWith(DONE) ? answer.substring(DONE.length()) : answer,
                Optional.empty()));
      }
    }
    return results;
  }

  /**
   * Runs one query in the session and returns its result: a header row, then one line per row,
   * tab-separated ({@code NULL} for null; tabs, newlines and backslashes in values escaped).
   *
   * @throws SandboxException with Spark's message on one line when the query fails (the message
   *     starts with {@value #QUERY_FAILED})
   */
  synchronized String query(String catalogName, String sql, Duration limit) {
    long end = System.nanoTime() + limit.toNanos();
    ensureStarted(catalogName, end);
    Path file;
    try {
      Path queries = Files.createDirectories(workDir.resolve("queries"));
      file = Files.createTempFile(queries, "query-", ".sql");
      Files.writeString(file, sql);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the query for Spark", e);
    }
    Path tsv = file.resolveSibling(file.getFileName() + ".tsv");
    try {
      String answer = request(QUERY + file.toAbsolutePath(), end, file);
      if (answer.startsWith(FAILED)) {
        String error = answer.substring(FAILED.length());
        throw new SandboxException(QUERY_FAILED + error.substring(error.indexOf(": ") + 2));
      }
      return Files.readString(tsv);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the query's result " + tsv, e);
    } finally {
      try {
        Files.deleteIfExists(file);
        Files.deleteIfExists(tsv);
      } catch (IOException ignored) {
        // a leftover in the work directory, wiped at the next start
      }
    }
  }

  /**
   * Starts the session for {@code catalogName} in a background thread and runs one trivial query in
   * it, so that the first staging DDL or MERGE run finds Spark started and its SQL engine loaded:
   * Spark's start-up is paid while the rest of the stack starts. A failure is left to the first
   * real run, which starts Spark again and reports it.
   */
  void warmUpInBackground(String catalogName, Duration limit) {
    Thread warmUp =
        new Thread(
            () -> {
              try {
                query(catalogName, "SELECT 1", limit);
              } catch (RuntimeException leftToTheFirstRun) {
                // the first run starts Spark again and says what is wrong
              }
            },
            "zdp-spark-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  /** How the message of a failed {@link #query} starts. */
  static final String QUERY_FAILED = "query failed: ";

  private static final String QUERY = "query ";

  private void ensureStarted(String catalogName, long end) {
    if (process != null && (!process.isAlive() || !catalogName.equals(this.catalogName))) {
      stop();
    }
    if (process == null) {
      start(catalogName);
      String ready = next(end, "starting Spark");
      if (!ready.equals(READY)) {
        throw failure("Spark did not start: " + ready);
      }
    }
  }

  private String request(String line, long end, Path file) {
    try {
      requests.write(line);
      requests.newLine();
      requests.flush();
    } catch (IOException e) {
      throw failure("Cannot hand " + file.getFileName() + " to Spark: " + e.getMessage());
    }
    return next(end, "running " + file.getFileName());
  }

  private void start(String catalogName) {
    try {
      Files.createDirectories(workDir);
      Path properties = workDir.resolve("catalog.properties");
      List<String> lines = new ArrayList<>();
      new java.util.TreeMap<>(catalogProperties)
          .forEach((key, value) -> lines.add(escape(key) + "=" + escape(value)));
      Files.write(properties, lines);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx1g");
      command.addAll(JVM_OPTIONS);
      command.add("-Dlog4j2.configurationFile=" + logConfig.toAbsolutePath());
      command.add("-Daws.requestChecksumCalculation=WHEN_REQUIRED");
      command.add("-Daws.responseChecksumValidation=WHEN_REQUIRED");
      command.addAll(List.of("-cp", classpath, MAIN));
      command.addAll(List.of("--catalog", catalogName));
      command.addAll(List.of("--catalog-properties", properties.toString()));
      command.addAll(List.of("--work-dir", workDir.toString()));
      command.add("--serve");
      process =
          new ProcessBuilder(command)
              .redirectError(
                  ProcessBuilder.Redirect.appendTo(
                      logFile.resolveSibling("spark-console.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start Spark for the sandbox's SQL files", e);
    }
    this.catalogName = catalogName;
    requests =
        new BufferedWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    BlockingQueue<Optional<String>> queue = new LinkedBlockingQueue<>();
    answers = queue;
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Thread pump =
        new Thread(
            () -> {
              try (reader) {
                String line;
                while ((line = reader.readLine()) != null) {
                  queue.add(Optional.of(line));
                }
              } catch (IOException ended) {
                // the child's output closed: it ended
              }
              queue.add(Optional.empty());
            },
            "zdp-spark-answers");
    pump.setDaemon(true);
    pump.start();
  }

  /** The child's next answer; stops it and fails when it ends or {@code end} passes first. */
  private String next(long end, String doing) {
    try {
      Optional<String> answer = answers.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (answer == null) {
        throw failure("Spark did not finish " + doing + " in time");
      }
      if (answer.isEmpty()) {
        throw failure("Spark stopped while " + doing);
      }
      return answer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new SandboxException("Interrupted while " + doing, e);
    }
  }

  private SandboxException failure(String what) {
    stop();
    return new SandboxException(what + tail() + " (log: " + logFile + ")");
  }

  /** Ends the session: its input closes, Spark stops; forced after a grace period. */
  private void stop() {
    if (process == null) {
      return;
    }
    try {
      requests.close();
    } catch (IOException alreadyGone) {
      // the child ended already
    }
    try {
      if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  @Override
  public synchronized void close() {
    stop();
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("=", "\\=").replace(":", "\\:");
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(logFile);
      List<String> errors =
          lines.stream()
              .filter(line -> line.contains("Exception") || line.contains("ERROR"))
              .toList();
      return errors.isEmpty() ? "" : "; " + errors.get(errors.size() - 1).strip();
    } catch (IOException e) {
      return "";
    }
  }
}
