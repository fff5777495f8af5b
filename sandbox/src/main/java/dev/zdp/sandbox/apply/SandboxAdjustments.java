package dev.zdp.sandbox.apply;

import dev.zdp.sandbox.PostgresEndpoint;
import dev.zdp.sandbox.S3Endpoint;
import dev.zdp.sandbox.TopicSpec;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * What the sandbox must change in generated resources to run them on one machine, each change
 * explained in a note: one broker (replication factor 1), plaintext Kafka (no TLS or SASL), its own
 * PostgreSQL, S3 store and REST catalog. Endpoints and credentials that are Terraform variables
 * come in as variable values and need no change here; this covers what the files hold as literals.
 *
 * @param postgres the sandbox's PostgreSQL: every source connector captures from it
 * @param restCatalogUri the sandbox's Iceberg REST catalog
 * @param s3 the sandbox's S3 store
 * @param commitIntervalMs when present, the sinks' commit interval instead of the generated one
 */
public record SandboxAdjustments(
    PostgresEndpoint postgres, URI restCatalogUri, S3Endpoint s3, Optional<Long> commitIntervalMs) {

  private static final String SINK_CLASS = "org.apache.iceberg.connect.IcebergSinkConnector";
  private static final String SOURCE_CLASS = "io.debezium.connector.postgresql.PostgresConnector";
  private static final List<String> KAFKA_SECURITY =
      List.of(
          "iceberg.kafka.security.protocol",
          "iceberg.kafka.sasl.mechanism",
          "iceberg.kafka.sasl.jaas.config",
          "iceberg.kafka.ssl.truststore.location",
          "iceberg.kafka.ssl.truststore.password");

  public SandboxAdjustments {
    Objects.requireNonNull(postgres, "postgres");
    Objects.requireNonNull(restCatalogUri, "restCatalogUri");
    Objects.requireNonNull(s3, "s3");
    Objects.requireNonNull(commitIntervalMs, "commitIntervalMs");
  }

  /** The topic with its replication factor capped to the sandbox's single broker. */
  TopicSpec topic(TopicSpec generated, SortedSet<String> notes) {
    if (generated.replicationFactor() <= 1) {
      return generated;
    }
    notes.add(
        "topics: replication factor "
            + generated.replicationFactor()
            + " -> 1 (the sandbox has one broker)");
    return new TopicSpec(generated.name(), generated.partitions(), 1, generated.config());
  }

  /** The connector as the sandbox runs it. */
  ConnectorSpec connector(ConnectorSpec generated, SortedSet<String> notes) {
    return switch (generated.connectorClass()) {
      case SOURCE_CLASS -> source(generated, notes);
      case SINK_CLASS -> sink(generated, notes);
      default -> generated;
    };
  }

  private ConnectorSpec source(ConnectorSpec generated, SortedSet<String> notes) {
    Map<String, String> config = new TreeMap<>(generated.config());
    String from = config.get("database.hostname") + ":" + config.get("database.port");
    String to = postgres.host() + ":" + postgres.port();
    if (!from.equals(to)) {
      config.put("database.hostname", postgres.host());
      config.put("database.port", String.valueOf(postgres.port()));
      notes.add(
          generated.name()
              + ": captures from the sandbox's PostgreSQL at "
              + to
              + " instead of "
              + from
              + " (the host is not a Terraform variable)");
    }
    return generated.withConfig(config);
  }

  private ConnectorSpec sink(ConnectorSpec generated, SortedSet<String> notes) {
    Map<String, String> config = new TreeMap<>(generated.config());
    String name = generated.name();
    List<String> security = KAFKA_SECURITY.stream().filter(config::containsKey).toList();
    if (!security.isEmpty()) {
      security.forEach(config::remove);
      notes.add(
          name
              + ": Kafka TLS/SASL settings ignored ("
              + String.join(", ", security)
              + "): the sandbox's broker is plaintext");
    }
    String type = config.getOrDefault("iceberg.catalog.type", "");
    if (!"rest".equals(type)) {
      config.keySet().removeIf(key -> key.startsWith("iceberg.catalog.jdbc."));
      config.put("iceberg.catalog.type", "rest");
      notes.add(
          name
              + ": catalog type '"
              + type
              + "' -> rest (the sandbox serves its catalog over REST only)");
    }
    if (!restCatalogUri.toString().equals(config.get("iceberg.catalog.uri"))) {
      config.put("iceberg.catalog.uri", restCatalogUri.toString());
      notes.add(name + ": catalog URI -> the sandbox's REST catalog " + restCatalogUri);
    }
    if (config.remove("iceberg.catalog.credential") != null) {
      notes.add(
          name
              + ": iceberg.catalog.credential ignored (the sandbox's REST catalog needs no"
              + " OAuth2)");
    }
    if (!s3.endpoint().toString().equals(config.get("iceberg.catalog.s3.endpoint"))) {
      notes.add(
          name
              + ": S3 endpoint -> the sandbox's store "
              + s3.endpoint()
              + (config.containsKey("iceberg.catalog.s3.endpoint")
                  ? ""
                  : " (none generated: the platform uses AWS S3)"));
      config.put("iceberg.catalog.s3.endpoint", s3.endpoint().toString());
    }
    if (!"true".equals(config.get("iceberg.catalog.s3.path-style-access"))) {
      config.put("iceberg.catalog.s3.path-style-access", "true");
      notes.add(name + ": S3 path-style access on (the sandbox's store needs it)");
    }
    if (!s3.accessKeyId().equals(config.get("iceberg.catalog.s3.access-key-id"))) {
      boolean given = config.containsKey("iceberg.catalog.s3.access-key-id");
      config.put("iceberg.catalog.s3.access-key-id", s3.accessKeyId());
      config.put("iceberg.catalog.s3.secret-access-key", s3.secretAccessKey());
      notes.add(
          name
              + ": S3 keys -> the sandbox's store's"
              + (given ? " (it accepts no others)" : " (the platform names no S3 credential)"));
    }
    commitIntervalMs.ifPresent(
        interval -> {
          String generatedInterval = config.get("iceberg.control.commit.interval-ms");
          if (!String.valueOf(interval).equals(generatedInterval)) {
            config.put("iceberg.control.commit.interval-ms", String.valueOf(interval));
            notes.add(
                name
                    + ": commits every "
                    + interval
                    + " ms instead of "
                    + generatedInterval
                    + " ms (--commit-interval-ms)");
          }
        });
    return generated.withConfig(config);
  }
}
