package dev.zdp.sandbox.spark;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Runs MERGE job files in a fresh JVM (how the sandbox runs them: Spark cannot share its class
 * path). Usage: {@code MergeMain --catalog NAME --catalog-properties FILE --work-dir DIR
 * FILE.sql...}. Exit code 0 when every file ran, 1 when one failed, 2 on wrong arguments.
 */
public final class MergeMain {
  private MergeMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    String catalog = null;
    Path properties = null;
    Path workDir = Path.of("spark-work");
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--catalog" -> catalog = args[++i];
        case "--catalog-properties" -> properties = Path.of(args[++i]);
        case "--work-dir" -> workDir = Path.of(args[++i]);
        default -> files.add(Path.of(args[i]));
      }
    }
    if (catalog == null || properties == null || files.isEmpty()) {
      System.err.println(
          "Usage: MergeMain --catalog NAME --catalog-properties FILE [--work-dir DIR] FILE.sql...");
      return 2;
    }
    Map<String, String> catalogProperties;
    try {
      catalogProperties = load(properties);
    } catch (IOException e) {
      System.err.println("Cannot read catalog properties " + properties + ": " + e.getMessage());
      return 2;
    }
    try (MergeJobs jobs = MergeJobs.start(catalog, catalogProperties, workDir)) {
      for (Path file : files) {
        long started = System.nanoTime();
        try {
          int statements = jobs.run(file).size();
          System.out.printf(
              "merge %s: %d statement(s) in %.1f s%n",
              file.getFileName(), statements, (System.nanoTime() - started) / 1e9);
        } catch (RuntimeException e) {
          System.err.println("merge " + file.getFileName() + " failed: " + e.getMessage());
          return 1;
        }
      }
    }
    System.err.println("zdp merge runner: " + peakMemory());
    return 0;
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
