package dev.zdp.action.status;

import dev.zdp.model.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
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
   * A consumer group whose lag is wanted.
   *
   * @param id the group's id, {@code connect-<sink connector>}
   * @param topics the topics it reads, each with how long a record may wait in it unread
   */
  record Group(String id, SortedMap<String, Duration> topics) {
    public Group {
      topics = new TreeMap<>(topics);
    }
  }

  /**
   * How far a group is behind on one topic, summed over the topic's partitions.
   *
   * @param records the records after the group's committed offset; on a partition where it has none
   *     (or one outside what the partition holds), every record the partition holds, which is what
   *     the group reads from there
   * @param overdue of those, the records that have waited longer than the group's allowance for the
   *     topic (by their Kafka timestamps)
   * @param committed whether the group has a committed offset on any of the topic's partitions
   */
  record Lag(long records, long overdue, boolean committed) {}

  /**
   * What was read of the cluster.
   *
   * @param topics by name
   * @param lag by group id, then topic: the groups asked for, on those of their topics that exist
   * @param lagProblem why the groups' offsets could not be read, when they could not be (the topics
   *     were)
   */
  record Cluster(
      SortedMap<String, Topic> topics,
      SortedMap<String, SortedMap<String, Lag>> lag,
      Optional<String> lagProblem) {
    public Cluster {
      topics = new TreeMap<>(topics);
      lag = new TreeMap<>(lag);
    }
  }

  /**
   * Every topic {@code wanted} accepts, by name, and the lag of {@code groups}.
   *
   * @param variables the platform's variable values: bootstrap servers, credentials
   * @param groups the consumer groups whose lag is wanted; none reads no offsets
   * @param now the time the {@link Lag#overdue} records are counted at
   * @throws Unreachable when the cluster cannot be read
   */
  Cluster read(
      Platform platform,
      Map<String, String> variables,
      Predicate<String> wanted,
      List<Group> groups,
      Instant now)
      throws Unreachable;
}
