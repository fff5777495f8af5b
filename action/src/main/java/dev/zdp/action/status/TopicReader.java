package dev.zdp.action.status;

import dev.zdp.model.Platform;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Predicate;

/** Reads the topics of a platform's Kafka cluster; tests stand in for the cluster. */
@FunctionalInterface
public interface TopicReader {

  /** Kafka's Admin client, connecting as the Terraform provider does. */
  TopicReader KAFKA = KafkaTopics::read;

  /**
   * A topic as the cluster holds it.
   *
   * @param config the configs set on the topic (not the broker's defaults)
   */
  record Topic(int partitions, SortedMap<String, String> config) {}

  /**
   * Every topic {@code wanted} accepts, by name.
   *
   * @param variables the platform's variable values: bootstrap servers, credentials
   * @throws Unreachable when the cluster cannot be read
   */
  SortedMap<String, Topic> read(
      Platform platform, Map<String, String> variables, Predicate<String> wanted)
      throws Unreachable;
}
