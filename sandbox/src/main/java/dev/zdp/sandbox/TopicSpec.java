package dev.zdp.sandbox;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Kafka topic as the Mongey {@code kafka_topic} resource declares it.
 *
 * @param name the topic's name
 * @param partitions its partition count
 * @param replicationFactor its replication factor
 * @param config topic-level settings set on the topic itself (e.g. {@code cleanup.policy}); the
 *     broker's defaults apply to the rest
 */
public record TopicSpec(
    String name, int partitions, int replicationFactor, Map<String, String> config) {
  public TopicSpec {
    Objects.requireNonNull(name, "name");
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "Topic '" + name + "' needs at least 1 partition, not " + partitions);
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "Topic '"
              + name
              + "' needs a replication factor of at least 1, not "
              + replicationFactor);
    }
    config = Collections.unmodifiableMap(new TreeMap<>(config));
  }
}
