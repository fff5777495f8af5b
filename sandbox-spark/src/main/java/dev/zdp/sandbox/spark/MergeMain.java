package dev.zdp.sandbox.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Runs Spark SQL files (staging DDL, MERGE jobs) in a JVM of its own (how the sandbox runs them:
 * Spark cannot share its class path).
 *
 * <p>Usage: {@code MergeMain --catalog NAME --catalog-properties FILE [--work-dir DIR] FILE.sql...}
 * runs the files and exits: 0 when every file ran, 1 when one failed, 2 on wrong arguments. With
 * {@code --serve} instead of files it keeps one Spark session and reads file paths from standard
 * input, one a line, answering each on standard output with one line, {@value #DONE} or {@value
 * #FAILED} and the file (see {@link #answer}); it stops at the end of its input, so it also stops
 * when the process that feeds it dies. Everything else it prints goes to standard error.
 */
public final class MergeMain {
  /** The start of the answer to a file that ran: {@code done <file>: N statement(s) in T s}. */
  public static final String DONE = "done ";

  /** The start of the answer to a file that failed: {@code failed <file>: <message>}. */
  public static final String FAILED = "failed ";

  /**
   * The start of a request to run one query: {@code query <file>}, the file holding the query; the
   * result goes to {@code <file>.tsv} (see {@link #query}).
   */
  public static final String QUERY = "query ";

  /** What the serving runner prints once its session is ready. */
  public static final String READY = "ready";

  private MergeMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    String catalog = null;
    Path properties = null;
    Path workDir = Path.of("spark-work");
    boolean serve = false;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--catalog" -> catalog = args[++i];
        case "--catalog-properties" -> properties = Path.of(args[++i]);
        case "--work-dir" -> workDir = Path.of(args[++i]);
        case "--serve" -> serve = true;
        default -> files.add(Path.of(args[i]));
      }
    }
    if (catalog == null || properties == null || files.isEmpty() == !serve) {
      System.err.println(
          "Usage: MergeMain --catalog NAME --catalog-properties FILE [--work-dir DIR]"
              + " (FILE.sql... | --serve)");
      return 2;
    }
    Map<String, String> catalogProperties;
    try {
      catalogProperties = load(properties);
    } catch (IOException e) {
      System.err.println("Cannot read catalog properties " + properties + ": " + e.getMessage());
      return 2;
    }
    // answers only on the real standard output; whatever Spark or a library prints goes to stderr
    PrintStream answers = System.out;
    System.setOut(System.err);
    try (MergeJobs jobs = MergeJobs.start(catalog, catalogProperties, workDir)) {
      if (serve) {
        answers.println(READY);
        answers.flush();
        serve(jobs, answers);
      } else {
        for (Path file : files) {
          String answer = answer(jobs, file);
          answers.println(
              answer.startsWith(DONE) ? "merge " + answer.substring(DONE.length()) : answer);
          if (answer.startsWith(FAILED)) {
            return 1;
          }
        }
      }
    }
    System.err.println("zdp merge runner: " + peakMemory());
    return 0;
  }

  private static void serve(MergeJobs jobs, PrintStream answers) {
    BufferedReader requests =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    try {
      while ((line = requests.readLine()) != null) {
        if (line.startsWith(QUERY)) {
          answers.println(query(jobs, Path.of(line.substring(QUERY.length()).strip())));
          answers.flush();
        } else if (!line.isBlank()) {
          answers.println(answer(jobs, Path.of(line.strip())));
          answers.flush();
        }
        System.err.println("zdp merge runner: " + peakMemory());
      }
    } catch (IOException e) {
      System.err.println("zdp merge runner: cannot read the next file: " + e.getMessage());
    }
  }

  /**
   * Runs one file: {@code done <file>: N statement(s) in T s}, or {@code failed <file>: <the error,
   * on one line>}.
   */
  static String answer(MergeJobs jobs, Path file) {
    long started = System.nanoTime();
    try {
      int statements = jobs.run(file).size();
      return String.format(
          "%s%s: %d statement(s) in %.1f s",
          DONE, file.getFileName(), statements, (System.nanoTime() - started) / 1e9);
    } catch (Exception e) { // Spark's AnalysisException is a checked exception Scala throws
      e.printStackTrace();
      String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
      return FAILED + file.getFileName() + ": " + message;
    }
  }

  /**
   * Runs the one query in {@code file} and writes its result to {@code <file>.tsv}: a header row of
   * column names, then one line per row, fields separated by tabs ({@code NULL} for a null; a tab,
   * newline or backslash in a value escaped as {@code \\t}, {@code \\n}, {@code \\\\}).
   *
   * @return {@code done <file>: N row(s) in T s}, or {@code failed <file>: <the error, on one
   *     line>}
   */
  static String query(MergeJobs jobs, Path file) {
    long started = System.nanoTime();
    try {
      String sql = Files.readString(file).strip();
      while (sql.endsWith(";")) {
        sql = sql.substring(0, sql.length() - 1).strip();
      }
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> result = jobs.session().sql(sql);
      List<String> lines = new ArrayList<>();
      lines.add(
          String.join(
              "\t",
              java.util.Arrays.stream(result.schema().fieldNames())
                  .map(MergeMain::field)
                  .toList()));
      for (org.apache.spark.sql.Row row : result.collectAsList()) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < row.length(); i++) {
          fields.add(row.isNullAt(i) ? "NULL" : field(String.valueOf(row.get(i))));
        }
        lines.add(String.join("\t", fields));
      }
      Files.write(file.resolveSibling(file.getFileName() + ".tsv"), lines);
      return String.format(
          "%s%s: %d row(s) in %.1f s",
          DONE, file.getFileName(), lines.size() - 1, (System.nanoTime() - started) / 1e9);
    } catch (Exception e) { // Spark's AnalysisException is a checked exception Scala throws
      String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
      return FAILED + file.getFileName() + ": " + message;
    }
  }

  private static String field(String value) {
    return value
        .replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r");
  }

  /** The process's peak resident memory, as Linux reports it (for docs/performance.md). */
  private static String peakMemory() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(line -> line.startsWith("VmHWM:"))
          .map(line -> "peak RSS " + line.substring("VmHWM:".length()).strip())
          .findFirst()
          .orElse("peak RSS unknown");
    } catch (IOException | RuntimeException e) {
      return "peak RSS unknown";
    }
  }

  private static Map<String, String> load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    Map<String, String> map = new TreeMap<>();
    properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
    return map;
  }
}
