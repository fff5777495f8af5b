package dev.zdp.action.status;

import dev.zdp.model.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The topics of a Kafka cluster, read with the Admin client as the Terraform provider connects: TLS
 * and SASL PLAIN as the platform says, credentials from its variables.
 */
final class KafkaTopics {

  static final long TIMEOUT_MS = 15_000;

  private KafkaTopics() {}

  /**
   * Every topic of the cluster {@code wanted} accepts, by name, and the lag of {@code groups}, with
   * one Admin client: the committed offsets of every group in one request, then the partitions'
   * first, end and overdue offsets in one request each.
   *
   * @throws Unreachable when the cluster cannot be read
   * @see TopicReader#read
   */
  static TopicReader.Cluster read(
      Platform platform,
      Map<String, String> variables,
      Predicate<String> wanted,
      List<TopicReader.Group> groups,
      Instant now)
      throws Unreachable {
    try (Admin admin = Admin.create(properties(platform, variables))) {
      List<String> names =
          admin.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).stream()
              .filter(wanted)
              .sorted()
              .toList();
      SortedMap<String, TopicReader.Topic> topics = new TreeMap<>();
      if (names.isEmpty()) {
        return new TopicReader.Cluster(topics, new TreeMap<>(), Optional.empty());
      }
      Map<String, TopicDescription> described =
          admin.describeTopics(names).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      Collection<ConfigResource> resources = new ArrayList<>();
      names.forEach(name -> resources.add(new ConfigResource(ConfigResource.Type.TOPIC, name)));
      Map<ConfigResource, Config> configs =
          admin.describeConfigs(resources).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      for (String name : names) {
        SortedMap<String, String> config = new TreeMap<>();
        Config topic = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
        if (topic != null) {
          for (ConfigEntry entry : topic.entries()) {
            if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG
                && entry.value() != null) {
              config.put(entry.name(), entry.value());
            }
          }
        }
        topics.put(name, new TopicReader.Topic(described.get(name).partitions().size(), config));
      }
      if (groups.isEmpty()) {
        return new TopicReader.Cluster(topics, new TreeMap<>(), Optional.empty());
      }
      try {
        return new TopicReader.Cluster(topics, lag(admin, groups, topics, now), Optional.empty());
      } catch (ExecutionException e) {
        // say, a credential allowed to describe topics but not the groups: the topics still count
        return new TopicReader.Cluster(topics, new TreeMap<>(), Optional.of(message(e)));
      }
    } catch (ExecutionException e) {
      throw new Unreachable(message(e), e);
    } catch (TimeoutException e) {
      throw new Unreachable(
          "no answer within " + TIMEOUT_MS / 1000 + " s (is kafka_bootstrap_servers right?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted", e);
    } catch (org.apache.kafka.common.KafkaException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause().getMessage() != null) {
        root = root.getCause();
      }
      throw new Unreachable(root.getMessage(), e);
    }
  }

  private static String message(ExecutionException e) {
    return Optional.ofNullable(e.getCause()).map(Throwable::getMessage).orElse(e.toString());
  }

  /**
   * The lag of each group on those of its topics that exist, from its committed offsets and each
   * partition's first offset, end offset and first offset not older than the allowance. A topic two
   * groups read with different allowances is measured against the shorter one.
   */
  private static SortedMap<String, SortedMap<String, TopicReader.Lag>> lag(
      Admin admin,
      List<TopicReader.Group> groups,
      Map<String, TopicReader.Topic> topics,
      Instant now)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<String, ListConsumerGroupOffsetsSpec> specs = new TreeMap<>();
    Map<TopicPartition, Long> since = new HashMap<>();
    for (TopicReader.Group group : groups) {
      List<TopicPartition> partitions = new ArrayList<>();
      group
          .topics()
          .forEach(
              (topic, allowance) -> {
                TopicReader.Topic existing = topics.get(topic);
                for (int p = 0; existing != null && p < existing.partitions(); p++) {
                  TopicPartition partition = new TopicPartition(topic, p);
                  partitions.add(partition);
                  since.merge(partition, now.minus(allowance).toEpochMilli(), Math::max);
                }
              });
      specs.put(group.id(), new ListConsumerGroupOffsetsSpec().topicPartitions(partitions));
    }
    SortedMap<String, SortedMap<String, TopicReader.Lag>> lag = new TreeMap<>();
    if (since.isEmpty()) {
      return lag;
    }
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
        admin.listConsumerGroupOffsets(specs).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    Map<TopicPartition, Long> first = offsets(admin, since, ms -> OffsetSpec.earliest());
    Map<TopicPartition, Long> end = offsets(admin, since, ms -> OffsetSpec.latest());
    Map<TopicPartition, Long> recent = offsets(admin, since, OffsetSpec::forTimestamp);
    for (TopicReader.Group group : groups) {
      Map<TopicPartition, OffsetAndMetadata> offsets = committed.getOrDefault(group.id(), Map.of());
      SortedMap<String, TopicReader.Lag> byTopic = new TreeMap<>();
      for (TopicPartition partition : specs.get(group.id()).topicPartitions()) {
        OffsetAndMetadata offset = offsets.get(partition);
        byTopic.merge(
            partition.topic(),
            partitionLag(
                offset == null ? OptionalLong.empty() : OptionalLong.of(offset.offset()),
                first.get(partition),
                end.get(partition),
                recent.get(partition)),
            (a, b) ->
                new TopicReader.Lag(
                    a.records() + b.records(),
                    a.overdue() + b.overdue(),
                    a.committed() || b.committed()));
      }
      lag.put(group.id(), byTopic);
    }
    return lag;
  }

  /** One offset of each partition, as {@code spec} asks for it given the partition's time. */
  private static Map<TopicPartition, Long> offsets(
      Admin admin, Map<TopicPartition, Long> partitions, LongFunction<OffsetSpec> spec)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    partitions.forEach((partition, ms) -> specs.put(partition, spec.apply(ms)));
    Map<TopicPartition, Long> offsets = new HashMap<>();
    admin
        .listOffsets(specs)
        .all()
        .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .forEach((partition, info) -> offsets.put(partition, info.offset()));
    return offsets;
  }

  /**
   * A group's lag on one partition.
   *
   * @param committed the group's committed offset, if any
   * @param first the partition's first offset (its log start)
   * @param end its end offset: the next record's
   * @param recent its first offset whose record is not older than the allowance; -1 when every
   *     record is older
   */
  static TopicReader.Lag partitionLag(OptionalLong committed, long first, long end, long recent) {
    // without a committed offset, or with one the partition does not hold (the topic re-created),
    // the sink reads from the first record: a Connect sink's consumer resets to earliest
    boolean held =
        committed.isPresent() && committed.getAsLong() >= first && committed.getAsLong() <= end;
    long from = held ? committed.getAsLong() : first;
    long notOverdue = recent < 0 ? end : Math.max(recent, first);
    return new TopicReader.Lag(
        Math.max(0, end - from), Math.max(0, notOverdue - from), committed.isPresent());
  }

  private static Properties properties(Platform platform, Map<String, String> variables) {
    Properties properties = new Properties();
    properties.put(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        variables.getOrDefault("kafka_bootstrap_servers", platform.kafka().bootstrapServers()));
    properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "zdp-status");
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
    boolean tls = platform.kafka().tls();
    Optional<String> credential = platform.kafka().credential();
    properties.put(
        AdminClientConfig.SECURITY_PROTOCOL_CONFIG,
        (credential.isPresent() ? "SASL_" : "") + (tls ? "SSL" : "PLAINTEXT"));
    credential
        .map(dev.zdp.model.platform.zero.ZeroNames::credentialVariables)
        .ifPresent(
            names -> {
              properties.put("sasl.mechanism", "PLAIN");
              properties.put(
                  "sasl.jaas.config",
                  "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                      + jaas(variables.getOrDefault(names.user(), ""))
                      + "\" password=\""
                      + jaas(variables.getOrDefault(names.password(), ""))
                      + "\";");
            });
    return properties;
  }

  /** A value inside a JAAS config's double quotes. */
  private static String jaas(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
