package dev.zdp.action.cli;

import dev.zdp.action.status.TopicReader;
import dev.zdp.validator.RuleRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** One in-process run of {@code zdp}: its exit code and everything it printed. */
record Zdp(int exitCode, String out, String err) {

  static Zdp run(String... args) {
    return runWith(RuleRegistry.builtIn(), args);
  }

  /** Runs zdp with {@code rules} in place of the built-in ones. */
  static Zdp runWith(RuleRegistry rules, String... args) {
    return run(rules, System.getenv(), TopicReader.KAFKA, args);
  }

  /**
   * Runs zdp in the process environment {@code environment} instead of this process's, with {@code
   * topics} standing in for Kafka.
   */
  static Zdp runIn(Map<String, String> environment, TopicReader topics, String... args) {
    return run(RuleRegistry.builtIn(), environment, topics, args);
  }

  private static Zdp run(
      RuleRegistry rules, Map<String, String> environment, TopicReader topics, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            rules,
            environment,
            Path.of("").toAbsolutePath(),
            topics,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args);
    return new Zdp(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs zdp in {@code environment} (the process's variables, as the command reads them). */
  static Zdp runIn(
      java.util.Map<String, String> environment, java.nio.file.Path dir, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            environment,
            dir,
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
