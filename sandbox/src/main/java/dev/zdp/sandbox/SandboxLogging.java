package dev.zdp.sandbox;

import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/** Sends every component's log (Kafka, Connect, Debezium, Iceberg) to one file. */
final class SandboxLogging {
  private SandboxLogging() {}

  static void toFile(Path logFile) {
    ConfigurationBuilder<BuiltConfiguration> builder =
        ConfigurationBuilderFactory.newConfigurationBuilder();
    builder.setConfigurationName("zdp-sandbox").setStatusLevel(Level.ERROR);
    builder.add(
        builder
            .newAppender("file", "File")
            .addAttribute("fileName", logFile.toAbsolutePath().toString())
            .addAttribute("append", true)
            .add(
                builder
                    .newLayout("PatternLayout")
                    .addAttribute("pattern", "%d{HH:mm:ss.SSS} %-5level [%t] %c{1.} - %msg%n")));
    builder.add(builder.newRootLogger(Level.INFO).add(builder.newAppenderRef("file")));
    // per-request and per-fetch chatter that hides what matters
    for (String noisy :
        new String[] {
          "org.apache.kafka.clients.consumer.internals",
          "org.apache.kafka.clients.producer.ProducerConfig",
          "org.apache.kafka.clients.consumer.ConsumerConfig",
          "org.apache.kafka.clients.admin.AdminClientConfig",
          "org.apache.kafka.common.config.AbstractConfig",
          "org.apache.kafka.common.utils.AppInfoParser",
          "kafka.server.KafkaConfig",
          "org.apache.kafka.connect.runtime.isolation"
        }) {
      builder.add(builder.newLogger(noisy, Level.WARN));
    }
    Configurator.reconfigure(builder.build());
  }
}
