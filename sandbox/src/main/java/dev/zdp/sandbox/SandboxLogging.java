package dev.zdp.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * Where the stack logs, and how much: every component's log (Kafka, Connect, Debezium, Iceberg in
 * this JVM; the S3 store and Spark in theirs) at INFO and above ({@code --verbose}: DEBUG), each in
 * a file of {@code <work-dir>/logs/} rolled over at {@value #ROLL_SIZE} and kept with {@value
 * #KEPT} older one, so a sandbox left running stays under twice that of logs per component.
 */
final class SandboxLogging {
  private static final String ROLL_SIZE = "10 MB";
  private static final int KEPT = 1;

  private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%t] %c{1.} - %msg%n";

  /** Per-request and per-fetch chatter that hides what matters: WARN unless verbose. */
  private static final List<String> NOISY =
      List.of(
          "org.apache.kafka.clients.consumer.internals",
          "org.apache.kafka.clients.producer.ProducerConfig",
          "org.apache.kafka.clients.consumer.ConsumerConfig",
          "org.apache.kafka.clients.admin.AdminClientConfig",
          "org.apache.kafka.common.config.AbstractConfig",
          "org.apache.kafka.common.utils.AppInfoParser",
          "kafka.server.KafkaConfig",
          "org.apache.kafka.connect.runtime.isolation");

  private SandboxLogging() {}

  /** Sends this JVM's components' logs to {@code logFile}. */
  static void toFile(Path logFile, boolean verbose) {
    ConfigurationBuilder<BuiltConfiguration> builder =
        ConfigurationBuilderFactory.newConfigurationBuilder();
    builder.setConfigurationName("zdp-sandbox").setStatusLevel(Level.ERROR);
    AppenderComponentBuilder file =
        builder
            .newAppender("file", "RollingFile")
            .addAttribute("fileName", logFile.toAbsolutePath().toString())
            .addAttribute("filePattern", logFile.toAbsolutePath() + ".%i")
            .add(builder.newLayout("PatternLayout").addAttribute("pattern", PATTERN))
            .addComponent(
                builder
                    .newComponent("Policies")
                    .addComponent(
                        builder
                            .newComponent("SizeBasedTriggeringPolicy")
                            .addAttribute("size", ROLL_SIZE)))
            .addComponent(
                builder.newComponent("DefaultRolloverStrategy").addAttribute("max", KEPT));
    builder.add(file);
    builder.add(
        builder
            .newRootLogger(verbose ? Level.DEBUG : Level.INFO)
            .add(builder.newAppenderRef("file")));
    if (!verbose) {
      NOISY.forEach(noisy -> builder.add(builder.newLogger(noisy, Level.WARN)));
    }
    Configurator.reconfigure(builder.build());
  }

  /**
   * Writes a log4j2 configuration for a child JVM (Spark) that logs to {@code logFile} as this JVM
   * does, and returns the file to name in {@code -Dlog4j2.configurationFile}.
   */
  static Path log4j2For(Path configFile, Path logFile, boolean verbose) {
    String log = logFile.toAbsolutePath().toString();
    String text =
        String.join(
            "\n",
            "status = error",
            "appender.file.type = RollingFile",
            "appender.file.name = file",
            "appender.file.fileName = " + properties(log),
            "appender.file.filePattern = " + properties(log) + ".%i",
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = " + PATTERN,
            "appender.file.policies.type = Policies",
            "appender.file.policies.size.type = SizeBasedTriggeringPolicy",
            "appender.file.policies.size.size = " + ROLL_SIZE,
            "appender.file.strategy.type = DefaultRolloverStrategy",
            "appender.file.strategy.max = " + KEPT,
            "rootLogger.level = " + (verbose ? "debug" : "info"),
            "rootLogger.appenderRef.file.ref = file",
            "");
    return write(configFile, text);
  }

  /**
   * Writes a logback configuration for the S3 store's JVM (s3proxy logs through logback, at DEBUG
   * when not told otherwise: Jetty's lines for every request) and returns the file to name in
   * {@code -Dlogback.configurationFile}.
   */
  static Path logbackFor(Path configFile, Path logFile, boolean verbose) {
    String log = xml(logFile.toAbsolutePath().toString());
    String text =
        String.join(
            "\n",
            "<configuration>",
            "  <appender name=\"file\" class=\"ch.qos.logback.core.rolling.RollingFileAppender\">",
            "    <file>" + log + "</file>",
            "    <rollingPolicy class=\"ch.qos.logback.core.rolling.FixedWindowRollingPolicy\">",
            "      <fileNamePattern>" + log + ".%i</fileNamePattern>",
            "      <minIndex>1</minIndex>",
            "      <maxIndex>" + KEPT + "</maxIndex>",
            "    </rollingPolicy>",
            "    <triggeringPolicy"
                + " class=\"ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy\">",
            "      <maxFileSize>" + ROLL_SIZE.replace(" ", "") + "</maxFileSize>",
            "    </triggeringPolicy>",
            "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} -"
                + " %msg%n</pattern></encoder>",
            "  </appender>",
            "  <root level=\"" + (verbose ? "DEBUG" : "INFO") + "\">",
            "    <appender-ref ref=\"file\"/>",
            "  </root>",
            "</configuration>",
            "");
    return write(configFile, text);
  }

  private static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the logging configuration " + file, e);
    }
  }

  /** A value in a Java properties file: backslashes doubled. */
  private static String properties(String value) {
    return value.replace("\\", "\\\\");
  }

  private static String xml(String value) {
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
