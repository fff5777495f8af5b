package dev.zdp.action.cli;

import dev.zdp.validator.RuleRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of {@code zdp}: its exit code and everything it printed. */
record Zdp(int exitCode, String out, String err) {

  static Zdp run(String... args) {
    return runWith(RuleRegistry.builtIn(), args);
  }

  /** Runs zdp with {@code rules} in place of the built-in ones. */
  static Zdp runWith(RuleRegistry rules, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            rules,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args);
    return new Zdp(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Runs zdp in the process environment {@code environment} instead of this process's, with {@code
   * topics} standing in for Kafka.
   */
  static Zdp runIn(
      java.util.Map<String, String> environment,
      dev.zdp.action.status.TopicReader topics,
      String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            RuleRegistry.builtIn(),
            environment,
            java.nio.file.Path.of("").toAbsolutePath(),
            topics,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args);
    return new Zdp(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The lines printed to stderr. */
  java.util.List<String> errLines() {
    return err.lines().toList();
  }
}
