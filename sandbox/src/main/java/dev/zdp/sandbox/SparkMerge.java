package dev.zdp.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs MERGE job files with Spark in a child JVM ({@code dev.zdp.sandbox.spark.MergeMain} from the
 * {@code sandbox-spark} module): Spark's class path cannot share this JVM with the Connect worker.
 */
final class SparkMerge {
  private static final String MAIN = "dev.zdp.sandbox.spark.MergeMain";

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

  private SparkMerge() {}

  /**
   * Runs the files in order in one Spark session.
   *
   * @return the runner's summary lines, one per file ({@code merge <file>: N statement(s) in T s})
   * @throws SandboxException when a file fails or {@code limit} passes, with the runner's last
   *     lines
   */
  static List<String> run(
      String classpath,
      String catalogName,
      Map<String, String> catalogProperties,
      List<Path> sqlFiles,
      Path workDir,
      Path logFile,
      Duration limit) {
    Path output = workDir.resolve("merge-output.txt");
    Process process;
    try {
      Files.createDirectories(workDir);
      Path properties = workDir.resolve("catalog.properties");
      List<String> lines = new ArrayList<>();
      catalogProperties.forEach((key, value) -> lines.add(escape(key) + "=" + escape(value)));
      Files.write(properties, lines);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx1g");
      command.addAll(JVM_OPTIONS);
      command.add("-Daws.requestChecksumCalculation=WHEN_REQUIRED");
      command.add("-Daws.responseChecksumValidation=WHEN_REQUIRED");
      command.addAll(List.of("-cp", classpath, MAIN));
      command.addAll(List.of("--catalog", catalogName));
      command.addAll(List.of("--catalog-properties", properties.toString()));
      command.addAll(List.of("--work-dir", workDir.toString()));
      sqlFiles.forEach(file -> command.add(file.toAbsolutePath().toString()));
      process =
          new ProcessBuilder(command)
              .redirectOutput(output.toFile())
              .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the Spark MERGE runner", e);
    }
    try {
      if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new SandboxException(
            "The MERGE jobs did not finish within " + limit.toSeconds() + " s; see " + logFile);
      }
      List<String> summary = Files.readAllLines(output);
      if (process.exitValue() != 0) {
        throw new SandboxException(
            "The MERGE jobs failed (exit code "
                + process.exitValue()
                + "): "
                + String.join("; ", summary)
                + tail(logFile)
                + " (log: "
                + logFile
                + ")");
      }
      return summary;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new SandboxException("Interrupted while running the MERGE jobs", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the MERGE runner's output " + output, e);
    }
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("=", "\\=").replace(":", "\\:");
  }

  private static String tail(Path logFile) {
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
